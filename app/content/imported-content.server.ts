/**
 * What the content import last read for each record: a hash of its normalised
 * input, so a file that has not changed leaves its record alone.
 */
import { and, eq } from "drizzle-orm";
import type { RecordType } from "../../db/enums";
import { importedContent } from "../../db/schema";
import type { Db } from "../platform/db.server";

export function storedHash(tx: Db, recordType: RecordType, recordId: number): string | null {
  return (
    tx
      .select({ hash: importedContent.inputHash })
      .from(importedContent)
      .where(and(eq(importedContent.recordType, recordType), eq(importedContent.recordId, String(recordId))))
      .get()?.hash ?? null
  );
}

export function storeHash(tx: Db, recordType: RecordType, recordId: number, hash: string, now: Date): void {
  tx.insert(importedContent)
    .values({ recordType, recordId: String(recordId), inputHash: hash, importedAt: now })
    .onConflictDoUpdate({
      target: [importedContent.recordType, importedContent.recordId],
      set: { inputHash: hash, importedAt: now },
    })
    .run();
}

/** Forgets what was imported for a record, with the record itself. */
export function forgetImportedContent(tx: Db, recordType: RecordType, recordId: number): void {
  tx.delete(importedContent)
    .where(and(eq(importedContent.recordType, recordType), eq(importedContent.recordId, String(recordId))))
    .run();
}
