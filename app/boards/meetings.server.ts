/**
 * Queries for meetings: one meeting for its page (its agenda as the reader
 * may see it: a confidential item is left out for anyone but the board's
 * members and administrators), the edit forms' values, attendance choices.
 */
import { and, asc, eq } from "drizzle-orm";
import type { MeetingStatus } from "../../db/enums";
import { agendaItems, boardMembers, boards, meetingAttendance, meetings, partners, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { renderedHtml } from "../markdown/render-for-save.server";
import { type Db, getDb } from "../platform/db.server";
import { NotFoundError } from "../platform/errors";
import { datePartsOf } from "../posts/post-dates";
import { boardContentVisibleTo } from "./board-access.server";
import { authorizeMeeting, canOnMeeting } from "./meeting-policy.server";
import { utcToUkLocal } from "./meeting-times";
import { NEXT_STATUSES } from "./meeting-writes.server";

export type MeetingRow = typeof meetings.$inferSelect;

/** A meeting's id from its address: digits only, else null (the page is then 404). */
export function parseMeetingId(param: string | undefined): number | null {
  if (!param || !/^\d{1,12}$/.test(param)) return null;
  const id = Number(param);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The meeting and its board, for this person to read or manage; NotFoundError / ForbiddenError otherwise. */
export function getMeetingFor(user: SessionUser, what: "read" | "manage", param: string | undefined, db: Db = getDb()) {
  const id = parseMeetingId(param);
  if (id === null) throw new NotFoundError("No such meeting");
  const row = db
    .select()
    .from(meetings)
    .innerJoin(boards, eq(boards.id, meetings.boardId))
    .where(eq(meetings.id, id))
    .get();
  if (!row) throw new NotFoundError("No such meeting");
  authorizeMeeting(user, what, row.meetings);
  return { meeting: row.meetings, board: row.boards };
}

export interface AgendaEntry {
  id: number;
  position: number;
  title: string;
  description: string;
  descriptionHtml: string;
  confidential: boolean;
}

/** The agenda in order, without the confidential items this person may not see. */
export function agendaFor(user: SessionUser, meeting: MeetingRow, db: Db = getDb()): AgendaEntry[] {
  return db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      title: agendaItems.title,
      description: agendaItems.description,
      rendered: agendaItems.rendered,
      confidential: agendaItems.confidential,
      boardId: meetings.boardId,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        eq(agendaItems.meetingId, meeting.id),
        boardContentVisibleTo(user, meetings.boardId, agendaItems.confidential),
      ),
    )
    .orderBy(asc(agendaItems.position))
    .all()
    .map(({ rendered, boardId: _board, ...item }, index) => ({
      ...item,
      // Numbered among what this person sees: a confidential item leaves no gap (agenda-numbers.server.ts).
      position: index + 1,
      descriptionHtml: rendered ? renderedHtml(rendered, "description", "en") : "",
    }));
}

export interface AttendanceEntry {
  userId: string;
  name: string;
  partnerName: string;
  attendance: "attended" | "apologies";
}

export function attendanceOf(meetingId: number, db: Db = getDb()): AttendanceEntry[] {
  return db
    .select({
      userId: users.id,
      name: users.name,
      partnerName: partners.shortName,
      attendance: meetingAttendance.attendance,
    })
    .from(meetingAttendance)
    .innerJoin(users, eq(users.id, meetingAttendance.userId))
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(asc(users.name))
    .all();
}

/** Whom the attendance form lists: the board's members, then anyone else already recorded, with their mark. */
export function attendanceChoices(meeting: MeetingRow, db: Db = getDb()) {
  const recorded = new Map(attendanceOf(meeting.id, db).map((entry) => [entry.userId, entry]));
  const members = db
    .select({ userId: users.id, name: users.name, partnerName: partners.shortName })
    .from(boardMembers)
    .innerJoin(users, eq(users.id, boardMembers.userId))
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(boardMembers.boardId, meeting.boardId))
    .orderBy(asc(users.name))
    .all();
  const listed = new Set(members.map((member) => member.userId));
  const others = [...recorded.values()].filter((entry) => !listed.has(entry.userId));
  return [...members, ...others].map((person) => ({
    ...person,
    attendance: recorded.get(person.userId)?.attendance ?? "",
  }));
}

/** The meeting form's values from the stored meeting (London's wall clock). */
export function meetingFormValues(meeting: MeetingRow) {
  const start = utcToUkLocal(meeting.startsAt);
  return {
    day: datePartsOf(start.day),
    startTime: start.time,
    endTime: meeting.endsAt ? utcToUkLocal(meeting.endsAt).time : "",
    location: meeting.location,
    onlineUrl: meeting.onlineUrl ?? "",
    status: meeting.status,
  };
}

/** The statuses the edit form offers: where it is, and where it may go. */
export function statusChoices(status: MeetingStatus): MeetingStatus[] {
  return [status, ...NEXT_STATUSES[status]];
}

/** The meeting page: facts, agenda as the reader may see it, attendance, minutes, and what they may do. */
export function presentMeeting(user: SessionUser, param: string | undefined, db: Db = getDb()) {
  const { meeting, board } = getMeetingFor(user, "read", param, db);
  return {
    meeting: {
      id: meeting.id,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt?.toISOString() ?? null,
      location: meeting.location,
      onlineUrl: meeting.onlineUrl,
      status: meeting.status,
      minutesHtml: meeting.rendered && meeting.minutes ? renderedHtml(meeting.rendered, "minutes", "en") : null,
    },
    board: { id: board.id, slug: board.slug, name: board.name },
    agenda: agendaFor(user, meeting, db),
    attendance: attendanceOf(meeting.id, db),
    may: { manage: canOnMeeting(user, "manage", meeting) },
  };
}
