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
