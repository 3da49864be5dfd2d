/**
 * Old addresses of records whose address changed (a post's draft address
 * when it is first published, a slug edited), so links and bookmarks keep
 * working: each old address points at the record, not at its next address,
 * so a record renamed twice sends both old addresses straight to the current one.
 */
import { and, eq } from "drizzle-orm";
import type { RecordType } from "../../db/enums";
import { recordRedirects } from "../../db/schema";
import { type Db, getDb } from "./db.server";

/**
 * Notes that `fromSlug` was the record's address, inside the transaction that
 * changes it. The record's new address stops being an old one: a record given
 * back an address it once had must not redirect away from itself.
 */
export function rememberOldAddress(
  tx: Db,
  change: { recordType: RecordType; recordId: number | string; fromSlug: string; toSlug: string },
): void {
  if (change.fromSlug === change.toSlug) return;
  const recordId = String(change.recordId);
  tx.delete(recordRedirects)
    .where(and(eq(recordRedirects.recordType, change.recordType), eq(recordRedirects.fromSlug, change.toSlug)))
    .run();
  tx.insert(recordRedirects)
    .values({ recordType: change.recordType, fromSlug: change.fromSlug, recordId, createdAt: new Date() })
    .onConflictDoUpdate({ target: [recordRedirects.recordType, recordRedirects.fromSlug], set: { recordId } })
    .run();
}

/** The record an old address belongs to, or null when it was never one. */
export function recordAtOldAddress(recordType: RecordType, slug: string, db: Db = getDb()): string | null {
  const row = db
    .select({ recordId: recordRedirects.recordId })
    .from(recordRedirects)
    .where(and(eq(recordRedirects.recordType, recordType), eq(recordRedirects.fromSlug, slug)))
    .get();
  return row?.recordId ?? null;
}

/** Forgets a record's old addresses, inside the transaction that deletes it. */
export function forgetOldAddresses(tx: Db, recordType: RecordType, recordId: number | string): void {
  tx.delete(recordRedirects)
    .where(and(eq(recordRedirects.recordType, recordType), eq(recordRedirects.recordId, String(recordId))))
    .run();
}
