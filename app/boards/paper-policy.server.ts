/**
 * Who may see, download and change board papers. A paper is seen (and
 * downloaded, and found) by every member of staff unless it is
 * confidential, when only its board's members and administrators see it: to
 * anyone else it does not exist (404). Its board's secretary and
 * administrators upload, edit and remove papers.
 */
import { authorize, can, type RecordPolicy } from "../auth/policy";
import type { SessionUser } from "../auth/principals";
import { type BoardContentFacts, boardContentReaders, boardManagers } from "./board-access.server";

/** `manage`: upload, retitle, mark confidential, remove. */
export type PaperAction = "manage";

export const paperPolicy: RecordPolicy<BoardContentFacts, PaperAction> = {
  recordType: "paper",
  readers: boardContentReaders,
  allowed: (_action, paper) => boardManagers(paper.boardId),
};

export function canOnPaper(user: SessionUser, action: PaperAction | "read", paper: BoardContentFacts): boolean {
  return can(paperPolicy, user, action, paper);
}

export function authorizePaper(user: SessionUser, action: PaperAction | "read", paper: BoardContentFacts): void {
  authorize(paperPolicy, user, action, paper, "paper");
}
