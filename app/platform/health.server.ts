import { sql } from "drizzle-orm";
import { getDb } from "./db.server";

export function checkDatabase(): "ok" | "down" {
  try {
    getDb().get(sql`select 1`);
    return "ok";
  } catch {
    return "down";
  }
}
