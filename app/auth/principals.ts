/**
 * Who a person is, for every access rule: the set of principals they hold.
 * Each record type's policy says which principals may read or change a
 * record; a person may when they hold one of them. Pure and client-safe.
 * A seat on a board is a principal too (`board:<id>:member`, and its role),
 * so every policy, query and search filter picks memberships up.
 */
import type { BoardRole, Role } from "../../db/enums";

/** A seat a person holds on a board. */
export interface BoardSeat {
  boardId: number;
  role: BoardRole;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerId: number;
  /** The boards the person sits on, read with their session. */
  boardSeats: readonly BoardSeat[];
}

/** Any signed-in member of staff. */
export const EVERYONE = "everyone";
/** SRS administrators. */
export const ADMIN = "admin";
/** SRS roadmap coordinators: they create roadmap items and assign their owners. */
export const COORDINATOR = "coordinator";

export type Principal =
  | typeof EVERYONE
  | typeof ADMIN
  | typeof COORDINATOR
  | `partner:${number}:editor`
  | `partner:${number}:member`
  | `user:${string}`
  | `board:${number}:${BoardRole}`;

/** One person, by account id: a record's owner (a roadmap item's). */
export function person(userId: string): Principal {
  return `user:${userId}`;
}

/** The editors of one partner's content. */
export function partnerEditors(partnerId: number): Principal {
  return `partner:${partnerId}:editor`;
}

/** Everyone who belongs to a partner, whatever their role. */
export function partnerMembers(partnerId: number): Principal {
  return `partner:${partnerId}:member`;
}

/** Everyone with a seat on a board, whatever its role. */
export function boardMembers(boardId: number): Principal {
  return `board:${boardId}:member`;
}

/** A board's secretary: they run its meetings, papers, decisions, actions and summaries. */
export function boardSecretaries(boardId: number): Principal {
  return `board:${boardId}:secretary`;
}

/** A board's chair. */
export function boardChairs(boardId: number): Principal {
  return `board:${boardId}:chair`;
}

/** Every principal a person holds. */
export function principalsOf(user: SessionUser): Principal[] {
  const held: Principal[] = [EVERYONE, person(user.id)];
  if (user.role === "admin") held.push(ADMIN);
  if (user.role === "coordinator") held.push(COORDINATOR);
  held.push(partnerMembers(user.partnerId));
  if (user.role === "editor") held.push(partnerEditors(user.partnerId));
  for (const seat of user.boardSeats) {
    // Every seat is a membership; a chair or secretary also holds that role's principal.
    held.push(boardMembers(seat.boardId));
    if (seat.role !== "member") held.push(`board:${seat.boardId}:${seat.role}`);
  }
  return held;
}

/** True when the person holds at least one of the allowed principals. */
export function holdsAny(user: SessionUser, allowed: readonly Principal[]): boolean {
  const held = principalsOf(user);
  return allowed.some((principal) => held.includes(principal));
}

/** The partners whose content this person edits (admins edit every partner's, which this does not list). */
export function editedPartnerIds(user: SessionUser): number[] {
  return principalsOf(user).flatMap((principal) => {
    const match = /^partner:(\d+):editor$/.exec(principal);
    return match ? [Number(match[1])] : [];
  });
}

/** The boards this person sits on (any role). */
export function memberBoardIds(user: SessionUser): number[] {
  return user.boardSeats.map((seat) => seat.boardId);
}
