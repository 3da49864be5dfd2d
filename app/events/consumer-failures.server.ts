/**
 * Records a consumer of the event log could not handle. A failing record is
 * retried with growing delays; after MAX_ATTEMPTS it is parked (dead-lettered)
 * with its last error, shown to administrators, and left alone until someone
 * retries it or the record changes again. Records behind it never wait.
 */
import { and, asc, count, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { RecordType } from "../../db/enums";
import { consumerFailures } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";

export const MAX_ATTEMPTS = 5;
/** Delay before the 2nd, 3rd, 4th and 5th attempt. */
export const RETRY_DELAYS_MS = [1_000, 10_000, 60_000, 300_000] as const;

export interface RecordKey {
  recordType: RecordType;
  recordId: string;
}

export type ConsumerFailure = typeof consumerFailures.$inferSelect;

export function keyOf(key: RecordKey): string {
  return `${key.recordType}:${key.recordId}`;
}

function matching(consumer: string, key: RecordKey) {
  return and(
    eq(consumerFailures.consumer, consumer),
    eq(consumerFailures.recordType, key.recordType),
    eq(consumerFailures.recordId, key.recordId),
  );
}

/** Counts one more failed attempt; parks the record once it has failed MAX_ATTEMPTS times. */
export function recordFailure(
  tx: Db,
  consumer: string,
  key: RecordKey,
  error: string,
  now = new Date(),
): ConsumerFailure {
  const existing = tx.select().from(consumerFailures).where(matching(consumer, key)).get();
  const attempts = (existing?.attempts ?? 0) + 1;
  const parked = attempts >= MAX_ATTEMPTS;
  const delay = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? 0;
  const values = {
    attempts,
    lastError: error.slice(0, 1000),
    lastFailedAt: now,
    retryAt: parked ? null : new Date(now.getTime() + delay),
    parkedAt: parked ? (existing?.parkedAt ?? now) : null,
  };
  if (existing) {
    tx.update(consumerFailures).set(values).where(matching(consumer, key)).run();
    return { ...existing, ...values };
  }
  const row = { consumer, ...key, firstFailedAt: now, ...values };
  tx.insert(consumerFailures).values(row).run();
  return row;
}

/** Forgets a record's failures: it was handled. */
export function clearFailure(tx: Db, consumer: string, key: RecordKey): void {
  tx.delete(consumerFailures).where(matching(consumer, key)).run();
}

/** Records whose next attempt is due. */
export function dueRetries(consumer: string, now = new Date(), limit = 100, db: Db = getDb()): RecordKey[] {
  return db
    .select({ recordType: consumerFailures.recordType, recordId: consumerFailures.recordId })
    .from(consumerFailures)
    .where(
      and(
        eq(consumerFailures.consumer, consumer),
        isNull(consumerFailures.parkedAt),
        lte(consumerFailures.retryAt, now),
      ),
    )
    .orderBy(asc(consumerFailures.retryAt))
    .limit(limit)
    .all();
}

/** Every failing record of a consumer: parked ones first, then those waiting for their next attempt. */
export function listFailures(consumer: string, db: Db = getDb()): ConsumerFailure[] {
  return db
    .select()
    .from(consumerFailures)
    .where(eq(consumerFailures.consumer, consumer))
    .orderBy(
      sql`${consumerFailures.parkedAt} is null`,
      asc(consumerFailures.lastFailedAt),
      asc(consumerFailures.recordType),
      asc(consumerFailures.recordId),
    )
    .all();
}

export function failureCounts(consumer: string, db: Db = getDb()): { retrying: number; parked: number } {
  const rows = db
    .select({ parked: sql<number>`${consumerFailures.parkedAt} is not null`, n: count() })
    .from(consumerFailures)
    .where(eq(consumerFailures.consumer, consumer))
    .groupBy(sql`${consumerFailures.parkedAt} is not null`)
    .all();
  return {
    retrying: rows.find((row) => !row.parked)?.n ?? 0,
    parked: rows.find((row) => row.parked)?.n ?? 0,
  };
}

/**
 * Puts parked records back in line, with a fresh set of attempts; call it in
 * the transaction of the request. Without `key`, every parked record of the
 * consumer. Returns the records it put back.
 */
export function retryParked(tx: Db, consumer: string, key?: RecordKey, now = new Date()): RecordKey[] {
  const where = key
    ? and(matching(consumer, key), isNotNull(consumerFailures.parkedAt))
    : and(eq(consumerFailures.consumer, consumer), isNotNull(consumerFailures.parkedAt));
  return tx
    .update(consumerFailures)
    .set({ parkedAt: null, attempts: 0, retryAt: now })
    .where(where)
    .returning({ recordType: consumerFailures.recordType, recordId: consumerFailures.recordId })
    .all();
}
