/**
 * Who may see and change decisions. Every decision keeps its place in the
 * register for every member of staff (its reference, date and status), as
 * committee systems show exempt items; a confidential decision's content
 * (title, text, links, actions) is read only by its board's members and
 * administrators (`readContent`). Its board's secretary and administrators
 * record decisions, change their status and link them to roadmap items.
 * Nobody deletes a decision.
 */
import { authorize, can, type RecordPolicy } from "../auth/policy";
import { EVERYONE, type SessionUser } from "../auth/principals";
import { type BoardContentFacts, boardContentReaders, boardManagers } from "./board-access.server";

/** `readContent`: its title, text and links; `manage`: edit, change status, link. */
export type DecisionAction = "readContent" | "manage";

export const decisionPolicy: RecordPolicy<BoardContentFacts, DecisionAction> = {
  recordType: "decision",
  readers: () => [EVERYONE],
  allowed: (action, decision) =>
    action === "readContent" ? boardContentReaders(decision) : boardManagers(decision.boardId),
};

export function canOnDecision(
  user: SessionUser,
  action: DecisionAction | "read",
  decision: BoardContentFacts,
): boolean {
  return can(decisionPolicy, user, action, decision);
}

export function authorizeDecision(
  user: SessionUser,
  action: DecisionAction | "read",
  decision: BoardContentFacts,
): void {
  authorize(decisionPolicy, user, action, decision, "decision");
}
