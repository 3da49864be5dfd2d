/**
 * Confidentiality follows a record's parts: a paper or decision on a
 * confidential agenda item is confidential, and so are a confidential
 * decision's actions. Each record stores the flag that applies to it, so
 * every query and search document reads one column; the commands that mark
 * an agenda item or a decision confidential call these in the same
 * transaction, with an event per record changed (the search relay re-indexes
 * each). Making the parent open again leaves its parts as they are: opening
 * a record up is a choice made on that record.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { ChangeSource } from "../../db/enums";
import { actions, decisions, papers } from "../../db/schema";
import { recordEvent } from "../events/event-log.server";
import type { Db } from "../platform/db.server";

interface Actor {
  actorId: string | null;
  source: ChangeSource;
}

/** Marks this decision's actions confidential. */
export function spreadDecisionConfidentiality(tx: Db, decisionId: number, by: Actor): void {
  const opened = tx
    .select({ id: actions.id, partnerId: actions.partnerId })
    .from(actions)
    .where(and(eq(actions.decisionId, decisionId), eq(actions.confidential, false)))
    .all();
  if (opened.length === 0) return;
  tx.update(actions)
    .set({ confidential: true, updatedAt: new Date() })
    .where(
      inArray(
        actions.id,
        opened.map((row) => row.id),
      ),
    )
    .run();
  for (const action of opened) {
    recordEvent(tx, {
      type: "action.edited",
      recordType: "action",
      recordId: action.id,
      ...by,
      partnerIds: [action.partnerId],
      data: { confidential: true },
    });
  }
}

/** Marks the papers and decisions (and so their actions) on this agenda item confidential. */
export function spreadAgendaItemConfidentiality(tx: Db, agendaItemId: number, by: Actor): void {
  const now = new Date();
  const openPapers = tx
    .select({ id: papers.id })
    .from(papers)
    .where(and(eq(papers.agendaItemId, agendaItemId), eq(papers.confidential, false)))
    .all();
  for (const paper of openPapers) {
    tx.update(papers).set({ confidential: true, updatedAt: now }).where(eq(papers.id, paper.id)).run();
    recordEvent(tx, {
      type: "paper.edited",
      recordType: "paper",
      recordId: paper.id,
      ...by,
      partnerIds: [],
      data: { confidential: true },
    });
  }
  const openDecisions = tx
    .select({ id: decisions.id })
    .from(decisions)
    .where(and(eq(decisions.agendaItemId, agendaItemId), eq(decisions.confidential, false)))
    .all();
  for (const decision of openDecisions) {
    tx.update(decisions).set({ confidential: true, updatedAt: now }).where(eq(decisions.id, decision.id)).run();
    recordEvent(tx, {
      type: "decision.edited",
      recordType: "decision",
      recordId: decision.id,
      ...by,
      partnerIds: [],
      data: { confidential: true },
    });
    spreadDecisionConfidentiality(tx, decision.id, by);
  }
}
