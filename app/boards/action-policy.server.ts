/**
 * Who may see and change actions. An action is seen by every member of
 * staff unless it is confidential (its decision is), when only its board's
 * members and administrators see it, and its owner: whoever answers for an
 * action reads it, seat or no seat (decision 054). Its owner and its board's secretary
 * change its status with a dated note; the secretary and administrators
 * edit and reassign it; administrators also reassign the open actions of
 * someone who has left.
 */
import { authorize, can, type RecordPolicy } from "../auth/policy";
import { type Principal, person, type SessionUser } from "../auth/principals";
import { type BoardContentFacts, boardContentReaders, boardManagers } from "./board-access.server";

export interface ActionAccessFacts extends BoardContentFacts {
  ownerId: string | null;
}

/** `update`: a new status with a dated note; `manage`: edit, reassign. */
export type ActionAction = "update" | "manage";

const owner = (action: ActionAccessFacts): Principal[] => (action.ownerId ? [person(action.ownerId)] : []);

export const actionPolicy: RecordPolicy<ActionAccessFacts, ActionAction> = {
  recordType: "action",
  readers: (action) => [...boardContentReaders(action), ...owner(action)],
  allowed: (what, action) =>
    what === "update" ? [...owner(action), ...boardManagers(action.boardId)] : boardManagers(action.boardId),
};

export function canOnAction(user: SessionUser, what: ActionAction | "read", action: ActionAccessFacts): boolean {
  return can(actionPolicy, user, what, action);
}

export function authorizeAction(user: SessionUser, what: ActionAction | "read", action: ActionAccessFacts): void {
  authorize(actionPolicy, user, what, action, "action");
}
