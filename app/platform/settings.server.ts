/** Small key/value facts about this installation (the `settings` table). */
import { eq } from "drizzle-orm";
import { settings } from "../../db/schema";
import { type Db, getDb } from "./db.server";

export function getSetting(key: string, db: Db = getDb()): string | null {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

export function setSetting(key: string, value: string, db: Db = getDb()): void {
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

export function deleteSetting(key: string, db: Db = getDb()): void {
  db.delete(settings).where(eq(settings.key, key)).run();
}
