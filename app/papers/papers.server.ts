/**
 * Reading papers as a person may see them (paper-policy.server.ts): one
 * paper for its page, edit form or download, and a meeting's papers for the
 * meeting page. A confidential paper is not found for anyone outside its
 * board (no hint that it exists), and neither is one on a confidential
 * agenda item they cannot see.
 */

import { and, asc, eq } from "drizzle-orm";
import type { PaperFileType, PaperTextState } from "../../db/enums";
import { agendaItems, boards, meetings, papers, storedFiles, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { agendaNumbersFor } from "../boards/agenda-numbers.server";
import { boardContentVisibleTo, managesBoard } from "../boards/board-access.server";
import { authorizeMeeting, canOnAgendaItem } from "../boards/meeting-policy.server";
import { authorizePaper, type PaperAction } from "../boards/paper-policy.server";
import { type Db, getDb } from "../platform/db.server";
import { NotFoundError } from "../platform/errors";

export interface PaperMeeting {
  id: number;
  boardId: number;
  boardName: string;
  boardSlug: string;
  startsAt: Date;
}

export interface PaperRecord {
  id: number;
  title: string;
  confidential: boolean;
  meeting: PaperMeeting;
  agendaItem: { id: number; position: number; title: string; confidential: boolean } | null;
  fileSha256: string;
  fileName: string;
  fileType: PaperFileType;
  size: number;
  textState: PaperTextState;
  textProblem: string | null;
  uploadedBy: string | null;
  uploadedAt: Date;
}

/** A meeting as a paper needs it; not found when there is none. */
export function getPaperMeeting(meetingId: number, db: Db = getDb()): PaperMeeting {
  const meeting = db
    .select({
      id: meetings.id,
      boardId: meetings.boardId,
      boardName: boards.name,
      boardSlug: boards.slug,
      startsAt: meetings.startsAt,
    })
    .from(meetings)
    .innerJoin(boards, eq(boards.id, meetings.boardId))
    .where(eq(meetings.id, meetingId))
    .get();
  if (!meeting) throw new NotFoundError("meeting");
  return meeting;
}

/** A meeting whose papers this person manages (the upload form); not found / forbidden otherwise. */
export function getMeetingForPapers(user: SessionUser, meetingId: number, db: Db = getDb()): PaperMeeting {
  const meeting = getPaperMeeting(meetingId, db);
  authorizeMeeting(user, "read", meeting);
  authorizePaper(user, "manage", { boardId: meeting.boardId, confidential: false });
  return meeting;
}

/** The meeting's agenda items a person may see, for the paper forms' choice. */
export function agendaItemChoices(user: SessionUser, meeting: PaperMeeting, db: Db = getDb()) {
  return db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      title: agendaItems.title,
      confidential: agendaItems.confidential,
    })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id))
    .orderBy(asc(agendaItems.position))
    .all()
    .filter((item) => canOnAgendaItem(user, "read", { boardId: meeting.boardId, confidential: item.confidential }));
}

function loadPaper(id: number, db: Db): PaperRecord | null {
  const row = db
    .select({
      paper: papers,
      fileType: storedFiles.fileType,
      size: storedFiles.size,
      uploaderName: users.name,
      agendaItem: {
        id: agendaItems.id,
        position: agendaItems.position,
        title: agendaItems.title,
        confidential: agendaItems.confidential,
      },
    })
    .from(papers)
    .innerJoin(storedFiles, eq(storedFiles.sha256, papers.fileSha256))
    .leftJoin(users, eq(users.id, papers.uploadedBy))
    .leftJoin(agendaItems, eq(agendaItems.id, papers.agendaItemId))
    .where(eq(papers.id, id))
    .get();
  if (!row) return null;
  const { paper } = row;
  return {
    id: paper.id,
    title: paper.title,
    confidential: paper.confidential,
    meeting: getPaperMeeting(paper.meetingId, db),
    agendaItem: row.agendaItem?.id ? row.agendaItem : null,
    fileSha256: paper.fileSha256,
    fileName: paper.fileName,
    fileType: row.fileType,
    size: row.size,
    textState: paper.textState,
    textProblem: paper.textProblem,
    uploadedBy: row.uploaderName,
    uploadedAt: paper.createdAt,
  };
}

/**
 * A paper for someone who wants to read (or download) it, or manage it.
 * Not found when it does not exist or they may not know it does.
 */
export function getPaperFor(
  user: SessionUser,
  action: PaperAction | "read",
  id: number,
  db: Db = getDb(),
): PaperRecord {
  const paper = Number.isSafeInteger(id) && id > 0 ? loadPaper(id, db) : null;
  if (!paper) throw new NotFoundError("paper");
  const facts = { boardId: paper.meeting.boardId, confidential: paper.confidential };
  authorizePaper(user, "read", facts);
  // Its agenda item's confidentiality follows to the paper when it is marked; a paper written before is hidden the same.
  if (
    paper.agendaItem &&
    !canOnAgendaItem(user, "read", { boardId: paper.meeting.boardId, confidential: paper.agendaItem.confidential })
  ) {
    throw new NotFoundError("paper");
  }
  if (action !== "read") authorizePaper(user, action, facts);
  return paper;
}

export interface MeetingPaper {
  id: number;
  title: string;
  confidential: boolean;
  fileType: PaperFileType;
  size: number;
  agendaItem: { id: number; position: number; title: string } | null;
}

export interface MeetingPapers {
  meetingId: number;
  papers: MeetingPaper[];
  /** May this person add papers (and so see "Add a paper")? */
  canManage: boolean;
}

/**
 * The meeting page's papers: those this person may see, in agenda order
 * (papers on no item last), each with its agenda item. For the meeting page's
 * loader; its component is MeetingPapers (app/components/meeting-papers.tsx).
 */
export function papersForMeeting(user: SessionUser, meetingId: number, db: Db = getDb()): MeetingPapers {
  const meeting = getPaperMeeting(meetingId, db);
  const rows = db
    .select({
      id: papers.id,
      title: papers.title,
      confidential: papers.confidential,
      fileType: storedFiles.fileType,
      size: storedFiles.size,
      itemId: agendaItems.id,
      itemTitle: agendaItems.title,
      itemConfidential: agendaItems.confidential,
    })
    .from(papers)
    .innerJoin(meetings, eq(meetings.id, papers.meetingId))
    .innerJoin(storedFiles, eq(storedFiles.sha256, papers.fileSha256))
    .leftJoin(agendaItems, eq(agendaItems.id, papers.agendaItemId))
    .where(and(eq(papers.meetingId, meetingId), boardContentVisibleTo(user, meetings.boardId, papers.confidential)))
    .orderBy(asc(agendaItems.position), asc(papers.id))
    .all()
    .filter(
      (row) =>
        row.itemId === null ||
        canOnAgendaItem(user, "read", { boardId: meeting.boardId, confidential: Boolean(row.itemConfidential) }),
    );
  const numbers = agendaNumbersFor(user, meetingId, db);
  const listed = rows.map((row) => ({
    id: row.id,
    title: row.title,
    confidential: row.confidential,
    fileType: row.fileType,
    size: row.size,
    agendaItem:
      row.itemId === null
        ? null
        : { id: row.itemId, position: numbers.get(row.itemId) ?? 0, title: row.itemTitle ?? "" },
  }));
  return {
    meetingId,
    // SQLite puts nulls first in ascending order: papers on no agenda item go last.
    papers: [...listed.filter((paper) => paper.agendaItem), ...listed.filter((paper) => !paper.agendaItem)],
    canManage: managesBoard(user, meeting.boardId),
  };
}
