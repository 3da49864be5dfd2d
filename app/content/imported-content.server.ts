/**
 * What the content import last read for each record: a hash of its normalised
 * input, so a file that has not changed leaves its record alone.
 */
import { createHash } from "node:crypto";
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

/** JSON with keys in a fixed order, so equal inputs always hash alike. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function inputHash(input: unknown): string {
  return createHash("sha256").update(stableJson(input)).digest("hex");
}
