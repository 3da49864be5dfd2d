/**
 * The row-level writes of meetings, shared by the commands and the demo
 * import: each runs in the caller's transaction and writes the meeting, its
 * revision (a save of its facts or minutes) and its event. Events carry a
 * few facts and never an agenda item's title (a confidential one's would
 * leak: events are not filtered by board).
 */
import { and, asc, eq, gt } from "drizzle-orm";
import type { ChangeSource, MeetingStatus } from "../../db/enums";
import { agendaItems, meetingAttendance, meetings, type RenderedFields } from "../../db/schema";
import { recordEvent } from "../events/event-log.server";
import { renderForSave } from "../markdown/render-for-save.server";
import type { Db } from "../platform/db.server";
import { ValidationError } from "../platform/errors";
import { addRevision } from "../revisions/revisions.server";
import { spreadAgendaItemConfidentiality } from "./confidentiality.server";
import type { AgendaItemInput } from "./meeting-schemas";

export interface MeetingWriteMeta {
  actorId: string | null;
  source: ChangeSource;
  now: Date;
}

/** A meeting's facts, resolved: its instants in UTC. */
export interface MeetingWrite {
  startsAt: Date;
  endsAt: Date | null;
  location: string;
  onlineUrl: string | null;
}

type MeetingRow = typeof meetings.$inferSelect;

const MEETING_SNAPSHOT_VERSION = 1;

/** Where a meeting may go from each status: a held or cancelled meeting stays so. */
export const NEXT_STATUSES: Record<MeetingStatus, readonly MeetingStatus[]> = {
  scheduled: ["held", "cancelled"],
  held: [],
  cancelled: [],
};

function keepMeetingRevision(tx: Db, meeting: MeetingRow, meta: MeetingWriteMeta): void {
  addRevision(tx, {
    recordType: "meeting",
    recordId: meeting.id,
    schemaVersion: MEETING_SNAPSHOT_VERSION,
    snapshot: {
      boardId: meeting.boardId,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt?.toISOString() ?? null,
      location: meeting.location,
      onlineUrl: meeting.onlineUrl,
      status: meeting.status,
      minutes: meeting.minutes,
    },
    rendered: meeting.rendered,
    // Every member of staff reads a meeting and its minutes; the agenda is not in the snapshot.
    restricted: false,
    actorId: meta.actorId,
    source: meta.source,
    createdAt: meta.now,
  });
}

function meetingEvent(
  tx: Db,
  meetingId: number,
  type: `meeting.${string}`,
  data: Record<string, unknown>,
  meta: MeetingWriteMeta,
) {
  recordEvent(
    tx,
    {
      type,
      recordType: "meeting",
      recordId: meetingId,
      actorId: meta.actorId,
      source: meta.source,
      partnerIds: [],
      data,
    },
    meta.now,
  );
}

function reload(tx: Db, meetingId: number): MeetingRow {
  const row = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!row) throw new Error(`No meeting ${meetingId}`);
  return row;
}

/** A new scheduled meeting with its revision and "meeting.scheduled"; returns its id. */
export function writeNewMeeting(
  tx: Db,
  boardId: number,
  fields: MeetingWrite,
  meta: MeetingWriteMeta,
  importKey: string | null = null,
): number {
  const row = tx
    .insert(meetings)
    .values({ boardId, ...fields, status: "scheduled", importKey, createdAt: meta.now, updatedAt: meta.now })
    .returning()
    .get();
  keepMeetingRevision(tx, row, meta);
  meetingEvent(tx, row.id, "meeting.scheduled", { boardId, startsAt: fields.startsAt.toISOString() }, meta);
  return row.id;
}

/** Saves a meeting's facts ("meeting.edited"), when they changed. */
export function writeMeetingChange(tx: Db, meetingId: number, fields: MeetingWrite, meta: MeetingWriteMeta): void {
  const before = reload(tx, meetingId);
  const same =
    before.startsAt.getTime() === fields.startsAt.getTime() &&
    (before.endsAt?.getTime() ?? null) === (fields.endsAt?.getTime() ?? null) &&
    before.location === fields.location &&
    before.onlineUrl === fields.onlineUrl;
  if (same) return;
  tx.update(meetings)
    .set({ ...fields, updatedAt: meta.now })
    .where(eq(meetings.id, meetingId))
    .run();
  keepMeetingRevision(tx, reload(tx, meetingId), meta);
  meetingEvent(tx, meetingId, "meeting.edited", { startsAt: fields.startsAt.toISOString() }, meta);
}

/** Moves a meeting on ("meeting.status_changed" {from, to}): scheduled to held or cancelled only. */
export function writeMeetingStatus(tx: Db, meetingId: number, to: MeetingStatus, meta: MeetingWriteMeta): void {
  const before = reload(tx, meetingId);
  if (before.status === to) return;
  if (!NEXT_STATUSES[before.status].includes(to)) {
    throw new ValidationError({ status: [`meetings.errors.status.from.${before.status}`] });
  }
  tx.update(meetings).set({ status: to, updatedAt: meta.now }).where(eq(meetings.id, meetingId)).run();
  keepMeetingRevision(tx, reload(tx, meetingId), meta);
  meetingEvent(tx, meetingId, "meeting.status_changed", { from: before.status, to }, meta);
}

export function renderMinutes(minutes: string): RenderedFields {
  return renderForSave({ minutes });
}

/** Saves a held meeting's minutes with a revision and "meeting.minutes_saved". */
export function writeMinutes(
  tx: Db,
  meetingId: number,
  minutes: string,
  meta: MeetingWriteMeta,
  rendered?: RenderedFields,
): void {
  const before = reload(tx, meetingId);
  if (before.status !== "held") throw new ValidationError({ minutes: ["meetings.errors.minutes.notHeld"] });
  if (before.minutes === minutes) return;
  tx.update(meetings)
    .set({ minutes, rendered: rendered ?? renderMinutes(minutes), updatedAt: meta.now })
    .where(eq(meetings.id, meetingId))
    .run();
  keepMeetingRevision(tx, reload(tx, meetingId), meta);
  meetingEvent(tx, meetingId, "meeting.minutes_saved", { length: minutes.length }, meta);
}

/** Replaces who attended and who sent apologies ("meeting.attendance_recorded", with the counts). */
export function writeAttendance(
  tx: Db,
  meetingId: number,
  entries: { userId: string; attendance: "attended" | "apologies" }[],
  meta: MeetingWriteMeta,
): void {
  tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)).run();
  if (entries.length > 0)
    tx.insert(meetingAttendance)
      .values(entries.map((entry) => ({ meetingId, ...entry })))
      .run();
  meetingEvent(
    tx,
    meetingId,
    "meeting.attendance_recorded",
    {
      attended: entries.filter((entry) => entry.attendance === "attended").length,
      apologies: entries.filter((entry) => entry.attendance === "apologies").length,
    },
    meta,
  );
}

function renderAgendaDescription(description: string): RenderedFields | null {
  return description.trim() ? renderForSave({ description }) : null;
}

/** The ids of a meeting's agenda items, in order. */
export function agendaOrder(tx: Db, meetingId: number): { id: number; position: number }[] {
  return tx
    .select({ id: agendaItems.id, position: agendaItems.position })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position))
    .all();
}

/** Adds an item at the end of the agenda; marking it confidential spreads to what hangs from it. Returns its id. */
export function writeNewAgendaItem(tx: Db, meetingId: number, input: AgendaItemInput, meta: MeetingWriteMeta): number {
  const order = agendaOrder(tx, meetingId);
  const position = (order.at(-1)?.position ?? 0) + 1;
  const row = tx
    .insert(agendaItems)
    .values({
      meetingId,
      position,
      ...input,
      rendered: renderAgendaDescription(input.description),
      createdAt: meta.now,
      updatedAt: meta.now,
    })
    .returning({ id: agendaItems.id })
    .get();
  meetingEvent(tx, meetingId, "meeting.agenda_changed", { change: "added", itemId: row.id, position }, meta);
  return row.id;
}

/** Saves an agenda item; marking it confidential makes its papers and decisions (and their actions) so too. */
export function writeAgendaItemChange(
  tx: Db,
  meetingId: number,
  itemId: number,
  input: AgendaItemInput,
  meta: MeetingWriteMeta,
): void {
  const before = tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    .get();
  if (!before) throw new ValidationError({ item: ["meetings.errors.agendaItem.unknown"] });
  tx.update(agendaItems)
    .set({ ...input, rendered: renderAgendaDescription(input.description), updatedAt: meta.now })
    .where(eq(agendaItems.id, itemId))
    .run();
  if (input.confidential && !before.confidential) {
    spreadAgendaItemConfidentiality(tx, itemId, { actorId: meta.actorId, source: meta.source });
  }
  meetingEvent(
    tx,
    meetingId,
    "meeting.agenda_changed",
    {
      change: "edited",
      itemId,
      position: before.position,
      ...(input.confidential !== before.confidential ? { confidential: input.confidential } : {}),
    },
    meta,
  );
}

/** Swaps an item with its neighbour above ("up") or below ("down"); at either end nothing moves. */
export function writeAgendaMove(
  tx: Db,
  meetingId: number,
  itemId: number,
  direction: "up" | "down",
  meta: MeetingWriteMeta,
): void {
  const order = agendaOrder(tx, meetingId);
  const at = order.findIndex((item) => item.id === itemId);
  if (at === -1) throw new ValidationError({ item: ["meetings.errors.agendaItem.unknown"] });
  const other = order[direction === "up" ? at - 1 : at + 1];
  const item = order[at];
  if (!other || !item) return;
  // Positions are unique per meeting: park one item outside the range while they swap.
  tx.update(agendaItems).set({ position: -1 }).where(eq(agendaItems.id, item.id)).run();
  tx.update(agendaItems)
    .set({ position: item.position, updatedAt: meta.now })
    .where(eq(agendaItems.id, other.id))
    .run();
  tx.update(agendaItems)
    .set({ position: other.position, updatedAt: meta.now })
    .where(eq(agendaItems.id, item.id))
    .run();
  meetingEvent(tx, meetingId, "meeting.agenda_changed", { change: "moved", itemId, position: other.position }, meta);
}

/** Removes an item and closes the gap it leaves. */
export function writeAgendaRemoval(tx: Db, meetingId: number, itemId: number, meta: MeetingWriteMeta): void {
  const order = agendaOrder(tx, meetingId);
  const removed = order.find((item) => item.id === itemId);
  if (!removed) throw new ValidationError({ item: ["meetings.errors.agendaItem.unknown"] });
  tx.delete(agendaItems).where(eq(agendaItems.id, itemId)).run();
  // One at a time, lowest first: each moves into the place just freed.
  for (const item of tx
    .select({ id: agendaItems.id, position: agendaItems.position })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), gt(agendaItems.position, removed.position)))
    .orderBy(asc(agendaItems.position))
    .all()) {
    tx.update(agendaItems)
      .set({ position: item.position - 1 })
      .where(eq(agendaItems.id, item.id))
      .run();
  }
  meetingEvent(
    tx,
    meetingId,
    "meeting.agenda_changed",
    { change: "removed", itemId, position: removed.position },
    meta,
  );
}
