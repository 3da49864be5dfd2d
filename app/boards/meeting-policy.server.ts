/**
 * Who may see and change meetings and their agenda items. Every member of
 * staff sees a meeting (its date, place, status, minutes); its board's
 * secretary and administrators schedule and edit it, its agenda, attendance
 * and minutes. A confidential agenda item is seen only by the board's
 * members and administrators (board-access.server.ts): to anyone else it
 * does not exist.
 */
import { authorize, can, type RecordPolicy } from "../auth/policy";
import { EVERYONE, type SessionUser } from "../auth/principals";
import { type BoardContentFacts, boardContentReaders, boardManagers } from "./board-access.server";

export interface MeetingAccessFacts {
  boardId: number;
}

/** `manage`: edit the meeting, its agenda, attendance and minutes, and change its status. */
export type MeetingAction = "manage";

export const meetingPolicy: RecordPolicy<MeetingAccessFacts, MeetingAction> = {
  recordType: "meeting",
  readers: () => [EVERYONE],
  allowed: (_action, meeting) => boardManagers(meeting.boardId),
};

export function canOnMeeting(user: SessionUser, action: MeetingAction | "read", meeting: MeetingAccessFacts): boolean {
  return can(meetingPolicy, user, action, meeting);
}

export function authorizeMeeting(user: SessionUser, action: MeetingAction | "read", meeting: MeetingAccessFacts): void {
  authorize(meetingPolicy, user, action, meeting, "meeting");
}

/** An agenda item belongs to its meeting's record (its events are the meeting's), with its own readers. */
export const agendaItemPolicy: RecordPolicy<BoardContentFacts, MeetingAction> = {
  recordType: "meeting",
  readers: boardContentReaders,
  allowed: (_action, item) => boardManagers(item.boardId),
};

export function canOnAgendaItem(user: SessionUser, action: MeetingAction | "read", item: BoardContentFacts): boolean {
  return can(agendaItemPolicy, user, action, item);
}

export function authorizeAgendaItem(user: SessionUser, action: MeetingAction | "read", item: BoardContentFacts): void {
  authorize(agendaItemPolicy, user, action, item, "agenda item");
}
