/**
 * Boards, seats, meetings and agenda items written straight to their tables
 * with the events their commands write, for tests of what reads them (the
 * papers, decisions, actions, summaries, search). The commands themselves
 * are tested with their module.
 */

import type { SessionUser } from "~/auth/principals";
import { boardSeatsOf } from "~/auth/users.server";
import { recordEvent } from "~/events/event-log.server";
import { writeTransaction } from "~/platform/db.server";
import type { BoardRole, MeetingStatus } from "../../db/enums";
import { agendaItems, boardMembers, boards, meetings } from "../../db/schema";
import { unique, uniquePrefix } from "./unique-names";

/** A board and its "board.created" event. */
export function givenBoard(input: { name?: string; slug?: string; referencePrefix?: string } = {}) {
  const slug = input.slug ?? unique("board");
  const prefix = input.referencePrefix ?? uniquePrefix("T");
  return writeTransaction((tx) => {
    const board = tx
      .insert(boards)
      .values({ slug, name: input.name ?? `Board ${slug}`, referencePrefix: prefix, updatedAt: new Date() })
      .returning()
      .get();
    recordEvent(tx, {
      type: "board.created",
      recordType: "board",
      recordId: board.id,
      actorId: null,
      source: "import",
      partnerIds: [],
      data: { name: board.name },
    });
    return board;
  });
}

/**
 * Seats a person on a board with its "board.member_seated" event, and
 * returns them as their next request would see them (with the seat).
 */
export function givenSeat(user: SessionUser, boardId: number, role: BoardRole = "member"): SessionUser {
  writeTransaction((tx) => {
    tx.insert(boardMembers).values({ boardId, userId: user.id, role }).run();
    recordEvent(tx, {
      type: "board.member_seated",
      recordType: "board",
      recordId: boardId,
      actorId: null,
      source: "import",
      partnerIds: [user.partnerId],
      data: { userId: user.id, role },
    });
  });
  return { ...user, boardSeats: boardSeatsOf(user.id) };
}

/** A meeting of a board and its "meeting.scheduled" event. */
export function givenMeeting(
  boardId: number,
  input: { startsAt?: Date; status?: MeetingStatus; location?: string; minutes?: string } = {},
) {
  return writeTransaction((tx) => {
    const meeting = tx
      .insert(meetings)
      .values({
        boardId,
        startsAt: input.startsAt ?? new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
        location: input.location ?? "Committee Room 1, Civic Centre, Pontypool",
        status: input.status ?? "scheduled",
        minutes: input.minutes ?? null,
        rendered: input.minutes
          ? { html: { minutes: `<p>${input.minutes}</p>` }, text: { minutes: input.minutes } }
          : null,
        updatedAt: new Date(),
      })
      .returning()
      .get();
    recordEvent(tx, {
      type: "meeting.scheduled",
      recordType: "meeting",
      recordId: meeting.id,
      actorId: null,
      source: "import",
      partnerIds: [],
      data: { boardId, startsAt: meeting.startsAt.toISOString() },
    });
    return meeting;
  });
}

/** An agenda item at the end of a meeting's agenda, and its "meeting.agenda_changed" event. */
export function givenAgendaItem(
  meetingId: number,
  input: { title?: string; confidential?: boolean; position: number },
) {
  return writeTransaction((tx) => {
    const item = tx
      .insert(agendaItems)
      .values({
        meetingId,
        position: input.position,
        title: input.title ?? `Item ${input.position}`,
        confidential: input.confidential ?? false,
        updatedAt: new Date(),
      })
      .returning()
      .get();
    recordEvent(tx, {
      type: "meeting.agenda_changed",
      recordType: "meeting",
      recordId: meetingId,
      actorId: null,
      source: "import",
      partnerIds: [],
      data: {},
    });
    return item;
  });
}
