/**
 * Queries prepared once per database connection. Building a query with
 * drizzle and having SQLite compile it costs more than running it: on a
 * signed-in page that was most of the time spent in the database. Hot
 * queries (a session, a post by its address, the relay's poll) are written
 * with `sql.placeholder` and prepared here once (docs/performance.md).
 */
import { type Db, getDb } from "./db.server";

/** A function returning `build(db)`'s result, built once for each connection. */
export function preparedOnce<T>(build: (db: Db) => T): (db?: Db) => T {
  const prepared = new WeakMap<Db, T>();
  return (db = getDb()) => {
    let query = prepared.get(db);
    if (query === undefined) {
      query = build(db);
      prepared.set(db, query);
    }
    return query;
  };
}
