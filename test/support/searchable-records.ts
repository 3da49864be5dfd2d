/**
 * How many records search should hold, counted from SQLite by the rules
 * themselves (not through the search sources under test): every post but the
 * archived ones, and every roadmap item.
 */
import { count, ne } from "drizzle-orm";
import { type Db, getDb } from "~/platform/db.server";
import { posts, roadmapItems } from "../../db/schema";

export function searchablePostCount(db: Db = getDb()): number {
  return db.select({ n: count() }).from(posts).where(ne(posts.status, "archived")).get()?.n ?? 0;
}

export function searchableRecordCount(db: Db = getDb()): number {
  return searchablePostCount(db) + (db.select({ n: count() }).from(roadmapItems).get()?.n ?? 0);
}
