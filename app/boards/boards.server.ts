/**
 * Queries for boards: the list with each board's next meeting, one board
 * with its members and meetings, and the people who may be seated. Every
 * member of staff reads boards (board-policy.server.ts).
 */
import { and, asc, count, desc, eq, gte, isNull, lt, min, ne } from "drizzle-orm";
import type { BoardRole, MeetingStatus } from "../../db/enums";
import { boardMembers, boards, decisions, meetings, partners, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { type Db, getDb } from "../platform/db.server";
import { NotFoundError } from "../platform/errors";
import { managesBoard } from "./board-access.server";
import { authorizeBoard, canOnBoard } from "./board-policy.server";

export type BoardRow = typeof boards.$inferSelect;

export interface BoardListEntry {
  slug: string;
  name: string;
  members: number;
  nextMeeting: { id: number; startsAt: Date } | null;
}

/** Every board, by name, with its number of members and its next scheduled meeting. */
export function listBoards(now: Date = new Date(), db: Db = getDb()): BoardListEntry[] {
  const rows = db.select().from(boards).orderBy(asc(boards.name)).all();
  const memberCounts = new Map(
    db
      .select({ boardId: boardMembers.boardId, n: count() })
      .from(boardMembers)
      .groupBy(boardMembers.boardId)
      .all()
      .map((row) => [row.boardId, row.n]),
  );
  const next = new Map(
    db
      .select({ boardId: meetings.boardId, startsAt: min(meetings.startsAt) })
      .from(meetings)
      .where(and(gte(meetings.startsAt, now), eq(meetings.status, "scheduled")))
      .groupBy(meetings.boardId)
      .all()
      .map((row) => [row.boardId, row.startsAt]),
  );
  return rows.map((board) => {
    const startsAt = next.get(board.id);
    const meeting = startsAt
      ? db
          .select({ id: meetings.id, startsAt: meetings.startsAt })
          .from(meetings)
          .where(and(eq(meetings.boardId, board.id), eq(meetings.startsAt, startsAt)))
          .get()
      : undefined;
    return {
      slug: board.slug,
      name: board.name,
      members: memberCounts.get(board.id) ?? 0,
      nextMeeting: meeting ?? null,
    };
  });
}

export function findBoardBySlug(slug: string, db: Db = getDb()): BoardRow | undefined {
  return db.select().from(boards).where(eq(boards.slug, slug)).get();
}

export function findBoardById(id: number, db: Db = getDb()): BoardRow | undefined {
  return db.select().from(boards).where(eq(boards.id, id)).get();
}

/** A board for this person to read or manage; NotFoundError when there is none, ForbiddenError when they may not. */
export function getBoardFor(user: SessionUser, what: "read" | "manage", slug: string, db: Db = getDb()): BoardRow {
  const board = findBoardBySlug(slug, db);
  if (!board) throw new NotFoundError("No such board");
  authorizeBoard(user, what, board);
  return board;
}

export interface BoardMemberEntry {
  userId: string;
  name: string;
  email: string;
  role: BoardRole;
  partnerName: string;
  active: boolean;
}

const ROLE_ORDER: Record<BoardRole, number> = { chair: 0, secretary: 1, member: 2 };

/** A board's members: its chair, then secretaries, then members, each by name. */
export function listBoardMembers(boardId: number, db: Db = getDb()): BoardMemberEntry[] {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: boardMembers.role,
      partnerName: partners.shortName,
      deactivatedAt: users.deactivatedAt,
    })
    .from(boardMembers)
    .innerJoin(users, eq(users.id, boardMembers.userId))
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(boardMembers.boardId, boardId))
    .all()
    .map(({ deactivatedAt, ...member }) => ({ ...member, active: deactivatedAt === null }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name));
}

export interface MeetingListEntry {
  id: number;
  startsAt: Date;
  location: string;
  online: boolean;
  status: MeetingStatus;
}

/** A board's meetings from now on (soonest first) and before now (latest first). */
export function listBoardMeetings(
  boardId: number,
  now: Date = new Date(),
  db: Db = getDb(),
): { upcoming: MeetingListEntry[]; past: MeetingListEntry[] } {
  const columns = {
    id: meetings.id,
    startsAt: meetings.startsAt,
    location: meetings.location,
    onlineUrl: meetings.onlineUrl,
    status: meetings.status,
  };
  const entry = ({ onlineUrl, ...row }: { onlineUrl: string | null } & Omit<MeetingListEntry, "online">) => ({
    ...row,
    online: onlineUrl !== null,
  });
  const upcoming = db
    .select(columns)
    .from(meetings)
    .where(and(eq(meetings.boardId, boardId), gte(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .all()
    .map(entry);
  const past = db
    .select(columns)
    .from(meetings)
    .where(and(eq(meetings.boardId, boardId), lt(meetings.startsAt, now)))
    .orderBy(desc(meetings.startsAt))
    .all()
    .map(entry);
  return { upcoming, past };
}

/** True once a decision carries the board's reference prefix: it is then fixed. */
export function boardHasDecisions(boardId: number, db: Db = getDb()): boolean {
  return (
    db.select({ id: decisions.id }).from(decisions).where(eq(decisions.boardId, boardId)).limit(1).get() !== undefined
  );
}

export interface SeatablePerson {
  id: string;
  name: string;
  email: string;
  partnerName: string;
}

/** Every active account of every partner, by name: anyone may sit on a board. */
export function listSeatablePeople(db: Db = getDb()): SeatablePerson[] {
  return db
    .select({ id: users.id, name: users.name, email: users.email, partnerName: partners.shortName })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(isNull(users.deactivatedAt))
    .orderBy(asc(users.name), asc(users.email))
    .all();
}

/** What the board page offers this person. */
export function boardPermissions(user: SessionUser, board: BoardRow) {
  return { manage: canOnBoard(user, "manage", board), scheduleMeetings: managesBoard(user, board.id) };
}

/** The board's chair, if it has one other than `exceptUserId`. */
export function otherChairOf(boardId: number, exceptUserId: string, db: Db = getDb()): string | null {
  return (
    db
      .select({ userId: boardMembers.userId })
      .from(boardMembers)
      .where(
        and(eq(boardMembers.boardId, boardId), eq(boardMembers.role, "chair"), ne(boardMembers.userId, exceptUserId)),
      )
      .get()?.userId ?? null
  );
}
