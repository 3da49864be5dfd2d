/** A roadmap item's address: from its title unless one is typed; never one another item holds. */
import { randomBytes } from "node:crypto";
import type { Db } from "../platform/db.server";
import { ValidationError } from "../platform/errors";
import { slugify } from "../posts/slug";
import { RESERVED_ROADMAP_SLUGS } from "./roadmap-item-schemas";
import { findRoadmapItemBySlug } from "./roadmap-items.server";

function taken(tx: Db, slug: string, exceptId?: number): boolean {
  if (RESERVED_ROADMAP_SLUGS.has(slug)) return true;
  const holder = findRoadmapItemBySlug(slug, tx);
  return Boolean(holder && holder.id !== exceptId);
}

/**
 * The slug for a save. One typed, and held by another item, is refused with
 * a message (everyone sees every item, so saying so tells nothing); one made
 * from the title gets a short random ending when taken.
 */
export function roadmapSlugFor(
  tx: Db,
  input: { slug: string; title: string },
  existing?: { id: number; slug: string },
): string {
  if (input.slug) {
    if (input.slug === existing?.slug) return input.slug;
    if (taken(tx, input.slug, existing?.id)) throw new ValidationError({ slug: ["roadmap.errors.slug.taken"] });
    return input.slug;
  }
  // An edit with the address left empty keeps the one it has.
  if (existing) return existing.slug;
  const wanted = slugify(input.title) || "roadmap-item";
  let candidate = wanted;
  while (taken(tx, candidate)) {
    const ending = randomBytes(4).readUInt32BE(0).toString(36).padStart(6, "0").slice(-6);
    candidate = `${wanted.slice(0, 72).replace(/-+$/, "")}-${ending}`;
  }
  return candidate;
}
