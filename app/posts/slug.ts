import { MAX_SLUG_LENGTH, MAX_TAG_LENGTH } from "./post-limits";

export { MAX_SLUG_LENGTH };

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lowercase ASCII words joined by hyphens, trimmed to the maximum slug length. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, "");
}

/** A tag as stored: lowercase words joined by hyphens. */
export function normaliseTag(tag: string): string {
  return slugify(tag).slice(0, MAX_TAG_LENGTH).replace(/-+$/g, "");
}

/**
 * A post never published has its address in its partner's own namespace,
 * "<partner>--<slug>", which no typed or derived slug can take (slugs have
 * single hyphens only). Only the people who can see a partner's drafts can
 * collide with them, so a new post's address never tells anyone else that a
 * draft exists. The first publication gives the post its plain slug.
 */
const DRAFT_SEPARATOR = "--";

export function draftSlug(partnerSlug: string, slug: string): string {
  return `${partnerSlug}${DRAFT_SEPARATOR}${slug}`;
}

/** The plain slug inside a draft's address ("torfaen--cloud" → "cloud"); a plain slug is returned as it is. */
export function plainSlug(slug: string): string {
  const at = slug.indexOf(DRAFT_SEPARATOR);
  return at === -1 ? slug : slug.slice(at + DRAFT_SEPARATOR.length);
}
