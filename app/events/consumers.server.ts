/**
 * Where each consumer of the event log has got to. A consumer moves its
 * cursor only after it has fully handled the events, and by compare-and-set
 * (a cursor someone else moved meanwhile is left alone), which makes a crash
 * at any point replay events, never skip them.
 */
import { and, count, eq, gt, min } from "drizzle-orm";
import { eventConsumers, events } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";

/** The consumer's position: the id of the last event it handled (0 before the first). */
export function consumerPosition(name: string, db: Db = getDb()): number {
  const row = db
    .select({ position: eventConsumers.position })
    .from(eventConsumers)
    .where(eq(eventConsumers.name, name))
    .get();
  if (row) return row.position;
  db.insert(eventConsumers).values({ name, position: 0, updatedAt: new Date() }).onConflictDoNothing().run();
  return 0;
}

/** Moves the cursor from `from` to `to`; false (and no change) if someone else moved it meanwhile. */
export function advanceConsumer(tx: Db, name: string, from: number, to: number): boolean {
  if (to === from) return true;
  const result = tx
    .update(eventConsumers)
    .set({ position: to, updatedAt: new Date() })
    .where(and(eq(eventConsumers.name, name), eq(eventConsumers.position, from)))
    .run();
  return result.changes === 1;
}

/**
 * Puts the cursor exactly at `position`, forwards or back: for a consumer
 * whose whole state was just rebuilt from a snapshot taken at that event.
 */
export function resetConsumer(name: string, position: number, db: Db = getDb()): void {
  consumerPosition(name, db);
  db.update(eventConsumers).set({ position, updatedAt: new Date() }).where(eq(eventConsumers.name, name)).run();
}

export interface ConsumerBacklog {
  /** Events not yet handled. */
  pending: number;
  /** How long the oldest of them has waited, in seconds; null when none waits. */
  oldestPendingSeconds: number | null;
}

export function consumerBacklog(name: string, db: Db = getDb()): ConsumerBacklog {
  const position = consumerPosition(name, db);
  const row = db
    .select({ pending: count(), oldest: min(events.occurredAt) })
    .from(events)
    .where(gt(events.id, position))
    .get();
  const oldest = row?.oldest ? new Date(row.oldest).getTime() : null;
  return {
    pending: row?.pending ?? 0,
    oldestPendingSeconds: oldest === null ? null : Math.max(0, Math.round((Date.now() - oldest) / 1000)),
  };
}
