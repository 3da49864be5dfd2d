/** A roadmap item's old addresses (record_redirects): where a reader who follows one should go instead. */
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { roadmapItems } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";
import { NotFoundError } from "../platform/errors";
import { recordAtOldAddress } from "../platform/record-redirects.server";

/** The item's current address when `slug` is one of its old ones; null otherwise. */
export function currentRoadmapItemAddress(slug: string, db: Db = getDb()): string | null {
  const recordId = Number(recordAtOldAddress("roadmap_item", slug, db));
  if (!Number.isInteger(recordId) || recordId <= 0) return null;
  return (
    db.select({ slug: roadmapItems.slug }).from(roadmapItems).where(eq(roadmapItems.id, recordId)).get()?.slug ?? null
  );
}

/**
 * Reads the item at `slug` with `read`; only when there is none there and
 * the slug is an old address of an item, answers 301 to `to(current)`.
 */
export function readRoadmapItemAt<T>(slug: string, read: () => T, to: (current: string) => string): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof NotFoundError) {
      const moved = currentRoadmapItemAddress(slug);
      if (moved && moved !== slug) throw redirect(to(moved), 301);
    }
    throw error;
  }
}
