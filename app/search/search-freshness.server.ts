/**
 * Read your own writes: after a change, the page it leads to should find it
 * in search. The change is searchable once the search relay (in whichever
 * process holds its lease) has moved past the change's event without a
 * failure for the record; this waits for that, briefly, by reading the
 * relay's cursor in SQLite, which every process shares.
 */
import { and, asc, eq, gt } from "drizzle-orm";
import type { RecordType } from "../../db/enums";
import { consumerFailures, events } from "../../db/schema";
import { consumerPosition } from "../events/consumers.server";
import { type Db, getDb } from "../platform/db.server";
import { getEnv } from "../platform/env.server";
import { SEARCH_CONSUMER } from "./search-relay.server";

const POLL_MS = 25;
/**
 * A relay whose oldest unhandled event is older than this is not keeping up
 * (search is down, or rebuilding): a save then says "shortly" at once rather
 * than holding every answer for the full wait.
 */
export const RELAY_STALLED_MS = 5000;

export interface SearchableChange {
  /** The id of the change's last event. */
  eventId: number;
  recordType: RecordType;
  recordId: string | number;
}

/** True once search holds the change: the relay is past its event, and did not fail the record. */
export function isSearchable(change: SearchableChange, db: Db = getDb()): boolean {
  if (consumerPosition(SEARCH_CONSUMER, db) < change.eventId) return false;
  const failed = db
    .select({ attempts: consumerFailures.attempts })
    .from(consumerFailures)
    .where(
      and(
        eq(consumerFailures.consumer, SEARCH_CONSUMER),
        eq(consumerFailures.recordType, change.recordType),
        eq(consumerFailures.recordId, String(change.recordId)),
      ),
    )
    .get();
  return !failed;
}

/** True when the relay has left an event unhandled for longer than RELAY_STALLED_MS. */
export function relayIsStalled(db: Db = getDb(), now = Date.now()): boolean {
  const oldest = db
    .select({ occurredAt: events.occurredAt })
    .from(events)
    .where(gt(events.id, consumerPosition(SEARCH_CONSUMER, db)))
    .orderBy(asc(events.id))
    .limit(1)
    .get();
  return oldest !== undefined && now - oldest.occurredAt.getTime() > RELAY_STALLED_MS;
}

/**
 * Waits until the change is searchable, for at most `timeoutMs`
 * (SEARCH_CONFIRM_SECONDS, 2 by default), and not at
 * all while the relay is stalled. Resolves true when it is, false when it is
 * not yet (search is down or slow): the page then says the change will
 * appear in search shortly.
 */
export async function waitUntilSearchable(
  change: SearchableChange,
  { timeoutMs = getEnv().SEARCH_CONFIRM_SECONDS * 1000, db = getDb() }: { timeoutMs?: number; db?: Db } = {},
): Promise<boolean> {
  if (isSearchable(change, db)) return true;
  if (relayIsStalled(db)) return false;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (isSearchable(change, db)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(1, deadline - Date.now()))));
  }
}
