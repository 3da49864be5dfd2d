/**
 * Commands on meetings, their agenda, attendance and minutes: only the
 * board's managers (its secretary, administrators: meetingPolicy `manage`).
 * Each checks who may first, then the input, then writes through
 * meeting-writes.server.ts in one transaction.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { MeetingStatus } from "../../db/enums";
import { agendaItems, decisions, meetings, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "../platform/errors";
import { validated } from "../roadmap/roadmap-item-schemas";
import { findBoardBySlug } from "./boards.server";
import { canOnMeeting } from "./meeting-policy.server";
import {
  AgendaItemInputSchema,
  MEETING_LIMITS,
  type MeetingFields,
  MeetingInputSchema,
  MeetingStatusSchema,
  MinutesInputSchema,
} from "./meeting-schemas";
import { ukLocalToUtc } from "./meeting-times";
import {
  type MeetingWrite,
  type MeetingWriteMeta,
  renderMinutes,
  writeAgendaItemChange,
  writeAgendaMove,
  writeAgendaRemoval,
  writeAttendance,
  writeMeetingChange,
  writeMeetingStatus,
  writeMinutes,
  writeNewAgendaItem,
  writeNewMeeting,
} from "./meeting-writes.server";

const webMeta = (actor: SessionUser): MeetingWriteMeta => ({ actorId: actor.id, source: "web", now: new Date() });

/** The form's fields as a meeting's instants and place. */
export function meetingWriteOf(fields: MeetingFields): MeetingWrite {
  const input = validated(MeetingInputSchema, fields);
  return {
    startsAt: ukLocalToUtc(input.day, input.startTime),
    endsAt: input.endTime ? ukLocalToUtc(input.day, input.endTime) : null,
    location: input.location,
    onlineUrl: input.onlineUrl,
  };
}

function hasDecisions(meetingId: number, db: Db): boolean {
  return (
    db.select({ id: decisions.id }).from(decisions).where(eq(decisions.meetingId, meetingId)).limit(1).get() !==
    undefined
  );
}

/** The meeting, when this person manages its board; NotFoundError or ForbiddenError otherwise. */
function managedMeeting(actor: SessionUser, meetingId: number, db: Db) {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) throw new NotFoundError("No such meeting");
  if (!canOnMeeting(actor, "manage", meeting)) throw new ForbiddenError("You may not change this meeting");
  return meeting;
}

/** Schedules a meeting of a board. */
export function scheduleMeeting({
  actor,
  boardSlug,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  boardSlug: string;
  fields: MeetingFields;
  db?: Db;
}): { id: number } {
  const board = findBoardBySlug(boardSlug, db);
  if (!board) throw new NotFoundError("No such board");
  if (!canOnMeeting(actor, "manage", { boardId: board.id }))
    throw new ForbiddenError("You may not schedule meetings of this board");
  const write = meetingWriteOf(fields);
  return { id: writeTransaction((tx) => writeNewMeeting(tx, board.id, write, webMeta(actor)), db) };
}

/** Edits a meeting's facts and moves its status on (scheduled to held or cancelled). */
export function editMeeting({
  actor,
  meetingId,
  fields,
  status,
  db = getDb(),
}: {
  actor: SessionUser;
  meetingId: number;
  fields: MeetingFields;
  status?: string;
  db?: Db;
}): void {
  const meeting = managedMeeting(actor, meetingId, db);
  const errors: Record<string, string[]> = {};
  let write: MeetingWrite | null = null;
  try {
    write = meetingWriteOf(fields);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(errors, error.fieldErrors);
  }
  const parsedStatus = MeetingStatusSchema.safeParse(status ?? meeting.status);
  if (!parsedStatus.success) errors.status = ["meetings.errors.status.required"];
  // Its decisions' references carry the meeting's year: once it has decisions, it stays in that year.
  if (write && write.startsAt.getUTCFullYear() !== meeting.startsAt.getUTCFullYear() && hasDecisions(meeting.id, db)) {
    errors.day = ["meetings.errors.day.yearFixed"];
  }
  if (Object.keys(errors).length > 0 || !write || !parsedStatus.success) throw new ValidationError(errors);
  const to: MeetingStatus = parsedStatus.data;
  const meta = webMeta(actor);
  writeTransaction((tx) => {
    writeMeetingStatus(tx, meeting.id, to, meta);
    writeMeetingChange(tx, meeting.id, write, meta);
  }, db);
}

function agendaWhileScheduled(status: MeetingStatus): void {
  if (status !== "scheduled") throw new ValidationError({ title: ["meetings.errors.agenda.notScheduled"] });
}

const confidentialOf = (value: unknown) => value === true || value === "true" || value === "on" || value === "yes";

/** Adds an item to a scheduled meeting's agenda. */
export function addAgendaItem({
  actor,
  meetingId,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  meetingId: number;
  fields: { title?: string; description?: string; confidential?: unknown };
  db?: Db;
}): number {
  const meeting = managedMeeting(actor, meetingId, db);
  const input = validated(AgendaItemInputSchema, { ...fields, confidential: confidentialOf(fields.confidential) });
  agendaWhileScheduled(meeting.status);
  return writeTransaction((tx) => {
    // Counted inside the write, so two secretaries adding at once cannot pass the limit together.
    const held = tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).all();
    if (held.length >= MEETING_LIMITS.agendaItems) {
      throw new ValidationError({ title: ["meetings.errors.agenda.tooMany"] });
    }
    return writeNewAgendaItem(tx, meeting.id, input, webMeta(actor));
  }, db);
}

/** Edits an agenda item at any time: marking it confidential afterwards is how an exempt item is recorded. */
export function editAgendaItem({
  actor,
  meetingId,
  itemId,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  meetingId: number;
  itemId: number;
  fields: { title?: string; description?: string; confidential?: unknown };
  db?: Db;
}): void {
  const meeting = managedMeeting(actor, meetingId, db);
  const input = validated(AgendaItemInputSchema, { ...fields, confidential: confidentialOf(fields.confidential) });
  writeTransaction((tx) => writeAgendaItemChange(tx, meeting.id, itemId, input, webMeta(actor)), db);
}

export function moveAgendaItem({
  actor,
  meetingId,
  itemId,
  direction,
  db = getDb(),
}: {
  actor: SessionUser;
  meetingId: number;
  itemId: number;
  direction: string;
  db?: Db;
}): void {
  const meeting = managedMeeting(actor, meetingId, db);
  if (direction !== "up" && direction !== "down")
    throw new ValidationError({ item: ["meetings.errors.agendaItem.unknown"] });
  agendaWhileScheduled(meeting.status);
  writeTransaction((tx) => writeAgendaMove(tx, meeting.id, itemId, direction, webMeta(actor)), db);
}

export function removeAgendaItem({
  actor,
  meetingId,
  itemId,
  db = getDb(),
}: {
  actor: SessionUser;
  meetingId: number;
  itemId: number;
  db?: Db;
}): void {
  const meeting = managedMeeting(actor, meetingId, db);
  agendaWhileScheduled(meeting.status);
  writeTransaction((tx) => writeAgendaRemoval(tx, meeting.id, itemId, webMeta(actor)), db);
}

export interface AttendanceFields {
  /** Each person's mark, by account id: "attended", "apologies" or "" (neither). */
  marks: Record<string, string>;
  /** Someone else, by email address, and their mark. */
  otherEmail?: string;
  otherAttendance?: string;
}

const MARKS = new Set(["attended", "apologies"]);

/** Records who attended and who sent apologies: board members and anyone else with an account. */
export function recordAttendance({
  actor,
  meetingId,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  meetingId: number;
  fields: AttendanceFields;
  db?: Db;
}): void {
  const meeting = managedMeeting(actor, meetingId, db);
  const entries = Object.entries(fields.marks)
    .filter(([, mark]) => MARKS.has(mark))
    .map(([userId, mark]) => ({ userId, attendance: mark as "attended" | "apologies" }));
  const errors: Record<string, string[]> = {};
  if (Object.values(fields.marks).some((mark) => mark !== "" && !MARKS.has(mark)))
    errors.marks = ["meetings.errors.attendance.invalid"];
  const ids = entries.map((entry) => entry.userId);
  const known = ids.length === 0 ? [] : db.select({ id: users.id }).from(users).where(inArray(users.id, ids)).all();
  if (known.length !== new Set(ids).size) errors.marks = ["meetings.errors.attendance.invalid"];
  const email = fields.otherEmail?.trim().toLowerCase() ?? "";
  if (email) {
    const other = db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.deactivatedAt)))
      .get();
    if (!other) errors.otherEmail = ["meetings.errors.otherEmail.unknown"];
    else if (!MARKS.has(fields.otherAttendance ?? ""))
      errors.otherAttendance = ["meetings.errors.otherAttendance.required"];
    else if (!ids.includes(other.id))
      entries.push({ userId: other.id, attendance: fields.otherAttendance as "attended" | "apologies" });
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  writeTransaction((tx) => writeAttendance(tx, meeting.id, entries, webMeta(actor)), db);
}

/** Saves the minutes of a held meeting. */
export function saveMinutes({
  actor,
  meetingId,
  minutes,
  db = getDb(),
}: {
  actor: SessionUser;
  meetingId: number;
  minutes?: string;
  db?: Db;
}): void {
  const meeting = managedMeeting(actor, meetingId, db);
  if (meeting.status !== "held") throw new ValidationError({ minutes: ["meetings.errors.minutes.notHeld"] });
  const input = validated(MinutesInputSchema, { minutes });
  const rendered = renderMinutes(input.minutes);
  writeTransaction((tx) => writeMinutes(tx, meeting.id, input.minutes, webMeta(actor), rendered), db);
}
