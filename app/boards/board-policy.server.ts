/**
 * Who may see and change boards themselves: every member of staff sees a
 * board, its members and its meetings; administrators add boards and seat
 * their members (chair, secretary, member).
 */
import { authorize, can, type RecordPolicy } from "../auth/policy";
import { ADMIN, EVERYONE, type SessionUser } from "../auth/principals";

export interface BoardAccessFacts {
  id: number;
}

/** `manage`: edit the board, seat and unseat its members. */
export type BoardAction = "manage";

export const boardPolicy: RecordPolicy<BoardAccessFacts, BoardAction> = {
  recordType: "board",
  readers: () => [EVERYONE],
  allowed: () => [ADMIN],
};

export function canOnBoard(user: SessionUser, action: BoardAction | "read", board: BoardAccessFacts): boolean {
  return can(boardPolicy, user, action, board);
}

export function authorizeBoard(user: SessionUser, action: BoardAction | "read", board: BoardAccessFacts): void {
  authorize(boardPolicy, user, action, board, "board");
}

/** May this person add boards? */
export function canCreateBoards(user: SessionUser): boolean {
  return can(boardPolicy, user, "manage", { id: 0 });
}
