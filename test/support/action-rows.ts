/**
 * Decisions written straight to their table, for tests of actions arising
 * from them (the decisions' own commands are tested with their module).
 */
import { getDb } from "~/platform/db.server";
import { decisions } from "../../db/schema";

let numbered = 0;

/** A decision of a board's meeting, with a reference such as TST-2026-001. */
export function givenDecision(
  boardId: number,
  meetingId: number,
  input: { confidential?: boolean; title?: string } = {},
) {
  numbered++;
  const now = new Date();
  return getDb()
    .insert(decisions)
    .values({
      reference: `TST-2026-${String(numbered).padStart(3, "0")}-${boardId}`,
      boardId,
      year: 2026,
      number: numbered,
      meetingId,
      title: input.title ?? `Decision ${numbered}`,
      text: "Agreed.",
      decisionMaker: "The board",
      status: "agreed",
      confidential: input.confidential ?? false,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}
