/**
 * How many records search should hold, counted from SQLite by the rules
 * themselves (not through the search sources under test): every post but the
 * archived ones, every roadmap item, and every meeting, paper and decision.
 */
import { count, ne } from "drizzle-orm";
import { type Db, getDb } from "~/platform/db.server";
import { decisions, meetings, papers, posts, roadmapItems } from "../../db/schema";

export function searchablePostCount(db: Db = getDb()): number {
  return db.select({ n: count() }).from(posts).where(ne(posts.status, "archived")).get()?.n ?? 0;
}

export function searchableRecordCount(db: Db = getDb()): number {
  const all = (table: typeof roadmapItems | typeof meetings | typeof papers | typeof decisions) =>
    db.select({ n: count() }).from(table).get()?.n ?? 0;
  return searchablePostCount(db) + all(roadmapItems) + all(meetings) + all(papers) + all(decisions);
}
