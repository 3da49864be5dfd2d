/**
 * What the search sources of board records share: which events change a
 * meeting's, paper's or decision's document, and the same as a version
 * (the last such event) for the index check. A meeting's events (agenda,
 * status, date, minutes) change its papers' and decisions' documents too,
 * since they carry its date and agenda item titles; a board's rename changes
 * every document of the board.
 */
import { eq, type SQL, sql } from "drizzle-orm";
import { boards, meetings } from "../../db/schema";
import type { EventRow } from "../events/event-log.server";
import type { Db } from "../platform/db.server";

/** Documents are written once for every reader: dates in the Hub's own time zone and English. */
const MEETING_DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

export function meetingDateInWords(startsAt: Date): string {
  return MEETING_DATE.format(startsAt);
}

/** Search reads this much of a paper's text: enough for any phrase of a long paper, a bounded document. */
export const INDEXED_PAPER_TEXT = 100_000;

/** The last event of this meeting (by its id column, qualified: inside the subquery a bare "id" is the event's). */
export const meetingEvents = (meetingId: SQL) => sql`coalesce((select max(events.id) from events
    where events.record_type = 'meeting' and events.record_id = cast(${meetingId} as text)), 0)`;

/** The last rename (or other edit) of this board. */
export const boardEdits = (boardId: SQL) => sql`coalesce((select max(events.id) from events
    where events.record_type = 'board' and events.type = 'board.edited'
      and events.record_id = cast(${boardId} as text)), 0)`;

/** The last event of one record of a type (its own events). */
export const ownEvents = (recordType: string, id: SQL) => sql`coalesce((select max(events.id) from events
    where events.record_type = ${recordType} and events.record_id = cast(${id} as text)), 0)`;

/** The ids of a board's or a meeting's records of one table, for an event on the board or meeting. */
export function idsFor(
  event: EventRow,
  {
    ofMeeting,
    ofBoard,
  }: { ofMeeting: (meetingId: number) => { id: number }[]; ofBoard: (boardId: number) => { id: number }[] },
): string[] {
  const id = Number(event.recordId);
  if (!Number.isSafeInteger(id)) return [];
  if (event.recordType === "meeting") return ofMeeting(id).map((row) => String(row.id));
  if (event.type === "board.edited") return ofBoard(id).map((row) => String(row.id));
  return [];
}

/** Each meeting's board name and start, for the documents of its papers and decisions. */
export function meetingsById(
  ids: number[],
  db: Db,
): Map<number, { boardId: number; boardName: string; startsAt: Date }> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = db
    .select({ id: meetings.id, boardId: boards.id, boardName: boards.name, startsAt: meetings.startsAt })
    .from(meetings)
    .innerJoin(boards, eq(meetings.boardId, boards.id))
    .where(sql`${meetings.id} in (select value from json_each(${JSON.stringify(unique)}))`)
    .all();
  return new Map(rows.map((row) => [row.id, row]));
}
