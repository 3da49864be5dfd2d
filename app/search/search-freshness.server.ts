/**
 * Read your own writes: after a change, the page it leads to should find it
 * in search. The change is searchable once the search relay (in whichever
 * process holds its lease) has moved past the change's event without a
 * failure for the record; this waits for that, briefly, by reading the
 * relay's cursor in SQLite, which every process shares.
 */
import { and, eq } from "drizzle-orm";
import type { RecordType } from "../../db/enums";
import { consumerFailures } from "../../db/schema";
import { consumerPosition } from "../events/consumers.server";
import { type Db, getDb } from "../platform/db.server";
import { SEARCH_CONSUMER } from "./search-relay.server";

/** How long a save waits for search to confirm it before saying it will appear shortly. */
export const SEARCH_CONFIRM_TIMEOUT_MS = 2000;
const POLL_MS = 25;

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

/**
 * Waits until the change is searchable, for at most `timeoutMs`. Resolves
 * true when it is, false when it is not yet (search is down or slow): the
 * page then says the change will appear in search shortly.
 */
export async function waitUntilSearchable(
  change: SearchableChange,
  { timeoutMs = SEARCH_CONFIRM_TIMEOUT_MS, db = getDb() }: { timeoutMs?: number; db?: Db } = {},
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (isSearchable(change, db)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(1, deadline - Date.now()))));
  }
}
