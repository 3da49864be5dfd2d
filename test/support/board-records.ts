/**
 * Papers, decisions and actions written straight to their tables with the
 * events their commands record, for tests of what reads them (search,
 * summaries). Their commands are tested with their own modules.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { recordEvent } from "~/events/event-log.server";
import { writeTransaction } from "~/platform/db.server";
import type { DecisionStatus } from "../../db/enums";
import { actions, boards, decisions, papers, storedFiles } from "../../db/schema";

const by = { actorId: null, source: "import" as const, partnerIds: [] };

/** A paper on a meeting, its text already extracted, with its "paper.uploaded" and "paper.text_extracted" events. */
export function givenPaper(
  meetingId: number,
  input: { title: string; text?: string; confidential?: boolean; agendaItemId?: number | null },
) {
  const content = `${input.title}\n${input.text ?? ""}`;
  const sha256 = createHash("sha256").update(content).digest("hex");
  return writeTransaction((tx) => {
    tx.insert(storedFiles)
      .values({ sha256, size: Buffer.byteLength(content), fileType: "pdf" })
      .onConflictDoNothing()
      .run();
    const paper = tx
      .insert(papers)
      .values({
        meetingId,
        agendaItemId: input.agendaItemId ?? null,
        title: input.title,
        fileSha256: sha256,
        fileName: "paper.pdf",
        confidential: input.confidential ?? false,
        textState: input.text === undefined ? "pending" : "extracted",
        extractedText: input.text ?? null,
        updatedAt: new Date(),
      })
      .returning()
      .get();
    recordEvent(tx, { ...by, type: "paper.uploaded", recordType: "paper", recordId: paper.id, data: { meetingId } });
    if (input.text !== undefined) {
      recordEvent(tx, {
        ...by,
        type: "paper.text_extracted",
        recordType: "paper",
        recordId: paper.id,
        data: { state: "extracted" },
      });
    }
    return paper;
  });
}

/** A decision of a meeting with the next number of its board's year, and its "decision.recorded" event. */
export function givenDecision(
  boardId: number,
  meetingId: number,
  input: { title: string; text?: string; confidential?: boolean; status?: DecisionStatus; year?: number },
) {
  return writeTransaction((tx) => {
    const board = tx.select().from(boards).where(eq(boards.id, boardId)).get();
    if (!board) throw new Error(`No board ${boardId}`);
    const year = input.year ?? 2026;
    const taken = tx.select({ number: decisions.number }).from(decisions).where(eq(decisions.boardId, boardId)).all();
    const number = Math.max(0, ...taken.map((row) => row.number)) + 1;
    const reference = `${board.referencePrefix}-${year}-${String(number).padStart(3, "0")}`;
    const text = input.text ?? "The board agreed.";
    const decision = tx
      .insert(decisions)
      .values({
        reference,
        boardId,
        year,
        number,
        meetingId,
        title: input.title,
        text,
        rendered: { html: { text: `<p>${text}</p>` }, text: { text } },
        decisionMaker: "The board",
        status: input.status ?? "agreed",
        confidential: input.confidential ?? false,
        updatedAt: new Date(),
      })
      .returning()
      .get();
    recordEvent(tx, {
      ...by,
      type: "decision.recorded",
      recordType: "decision",
      recordId: decision.id,
      data: { reference },
    });
    return decision;
  });
}

/** An open action of a meeting (and decision), owned by someone for a partner, with its "action.created" event. */
export function givenAction(
  meetingId: number,
  input: {
    description: string;
    partnerId: number;
    ownerId?: string | null;
    decisionId?: number | null;
    confidential?: boolean;
    dueDate?: string;
  },
) {
  return writeTransaction((tx) => {
    const action = tx
      .insert(actions)
      .values({
        meetingId,
        decisionId: input.decisionId ?? null,
        description: input.description,
        ownerId: input.ownerId ?? null,
        partnerId: input.partnerId,
        dueDate: input.dueDate ?? "2026-06-30",
        status: "open",
        confidential: input.confidential ?? false,
        updatedAt: new Date(),
      })
      .returning()
      .get();
    recordEvent(tx, {
      ...by,
      partnerIds: [input.partnerId],
      type: "action.created",
      recordType: "action",
      recordId: action.id,
      data: {},
    });
    return action;
  });
}
