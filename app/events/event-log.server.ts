/**
 * The event log. Every domain command appends what it did, in the same
 * transaction as the change, so an event exists exactly when its change was
 * committed. Rows are kept: they are the history audit, activity and timeline
 * views read, and each consumer (search first) reads them from its own cursor.
 */
import { asc, gt, max } from "drizzle-orm";
import type { ChangeSource, RecordType } from "../../db/enums";
import { events } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";
import { preparedOnce } from "../platform/prepared.server";

export type EventRow = typeof events.$inferSelect;

export interface NewEvent {
  /** `<record type>.<verb>`, such as "post.published". */
  type: `${RecordType}.${string}`;
  recordType: RecordType;
  recordId: string | number;
  /** The person who acted, or null for the content import and scripts. */
  actorId: string | null;
  source: ChangeSource;
  /** The partners the change concerns (an event about a post moved between partners names both). */
  partnerIds: number[];
  /** A few facts for timelines and notifications; never a whole record. */
  data?: Record<string, unknown>;
}

/** Events are small: their data is a few facts, not a copy of the record. */
export const MAX_EVENT_DATA_BYTES = 2048;
const SHORTENED_TEXT = 120;

const bytesOf = (data: Record<string, unknown>) => Buffer.byteLength(JSON.stringify(data));

/**
 * The event's facts, within the size limit: long texts (a title, a change
 * note) are shortened, since the record itself holds them in full. What
 * still does not fit is a bug in the command, not bad input.
 */
function fitData(type: string, data: Record<string, unknown>): Record<string, unknown> {
  if (bytesOf(data) <= MAX_EVENT_DATA_BYTES) return data;
  const shortened = Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      typeof value === "string" && value.length > SHORTENED_TEXT ? `${value.slice(0, SHORTENED_TEXT)}…` : value,
    ]),
  );
  const size = bytesOf(shortened);
  if (size > MAX_EVENT_DATA_BYTES) {
    throw new Error(`Event ${type} carries ${size} bytes of data; the limit is ${MAX_EVENT_DATA_BYTES}`);
  }
  return shortened;
}

/** Appends an event; call it inside the transaction of the change it describes. */
export function recordEvent(tx: Db, event: NewEvent, occurredAt: Date = new Date()): number {
  const data = fitData(event.type, event.data ?? {});
  const row = tx
    .insert(events)
    .values({
      type: event.type,
      recordType: event.recordType,
      recordId: String(event.recordId),
      actorId: event.actorId,
      source: event.source,
      partnerIds: [...new Set(event.partnerIds)],
      occurredAt,
      data,
    })
    .returning({ id: events.id })
    .get();
  return row.id;
}

/** Up to `limit` events after `position`, oldest first. */
export function eventsAfter(position: number, limit: number, db: Db = getDb()): EventRow[] {
  return db.select().from(events).where(gt(events.id, position)).orderBy(asc(events.id)).limit(limit).all();
}

const newestEvent = preparedOnce((db) =>
  db
    .select({ id: max(events.id) })
    .from(events)
    .prepare(),
);

/** The id of the newest event, or 0 when there is none. Every change records one: a cheap "has anything changed?". */
export function lastEventId(db: Db = getDb()): number {
  return newestEvent(db).get()?.id ?? 0;
}
