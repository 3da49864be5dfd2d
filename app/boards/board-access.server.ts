/**
 * The one rule of confidentiality for board records (papers, agenda items,
 * decisions' content, actions): a confidential record is seen only by the
 * board's members and administrators; anything else by every member of
 * staff. Every policy below builds its readers from `boardContentReaders`,
 * and every query that lists such records filters with
 * `boardContentVisibleTo`, so pages, downloads, search, counts and summaries
 * agree.
 */
import { type AnyColumn, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import {
  ADMIN,
  boardMembers,
  boardSecretaries,
  EVERYONE,
  holdsAny,
  memberBoardIds,
  type Principal,
  type SessionUser,
} from "../auth/principals";

/** What the rule needs to know of a record that belongs to a board. */
export interface BoardContentFacts {
  boardId: number;
  confidential: boolean;
}

/** Who may see a board record's content. */
export function boardContentReaders(record: BoardContentFacts): Principal[] {
  return record.confidential ? [boardMembers(record.boardId), ADMIN] : [EVERYONE];
}

/** Who runs a board's business: its secretary and administrators. */
export function boardManagers(boardId: number): Principal[] {
  return [boardSecretaries(boardId), ADMIN];
}

/** May this person run this board's business (meetings, papers, decisions, actions, summaries)? */
export function managesBoard(user: SessionUser, boardId: number): boolean {
  return holdsAny(user, boardManagers(boardId));
}

/**
 * The SQL condition "this person may see this board record's content", for
 * a table with a board id and a confidential flag (join to get the board id
 * where the table has none). True for administrators.
 */
export function boardContentVisibleTo(user: SessionUser, boardId: AnyColumn, confidential: AnyColumn): SQL {
  if (holdsAny(user, [ADMIN])) return sql`1 = 1`;
  const boards = memberBoardIds(user);
  const open = eq(confidential, false);
  return boards.length === 0 ? open : (or(open, inArray(boardId, boards)) as SQL);
}
