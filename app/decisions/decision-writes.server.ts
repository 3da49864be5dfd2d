/**
 * The writes of a decision, with their revision and event, shared by the
 * commands (a person in the web app) and the demo import: numbering and
 * inserting a new one, saving an edit, changing its status. Call each inside
 * a write transaction; who may is the commands' business, and so is what
 * the input names (checked in decision-checks.server.ts).
 */
import { eq, sql } from "drizzle-orm";
import type { ChangeSource, DecisionStatus } from "../../db/enums";
import { boards, decisionSequences, decisions, meetings, type RenderedFields } from "../../db/schema";
import { spreadDecisionConfidentiality } from "../boards/confidentiality.server";
import { recordEvent } from "../events/event-log.server";
import { renderForSave } from "../markdown/render-for-save.server";
import type { Db } from "../platform/db.server";
import { NotFoundError } from "../platform/errors";
import { addRevision } from "../revisions/revisions.server";
import { formatDecisionReference } from "./decision-references";

export type DecisionRow = typeof decisions.$inferSelect;

export interface WriteMeta {
  actorId: string | null;
  source: ChangeSource;
  now: Date;
}

/** What a decision's revision keeps (version 1). */
export interface DecisionSnapshot {
  reference: string;
  title: string;
  text: string;
  decisionMaker: string;
  status: DecisionStatus;
  effectiveDate: string | null;
  leadOfficerId: string | null;
  agendaItemId: number | null;
  confidential: boolean;
  supersededById: number | null;
  withdrawnReason: string | null;
}

export const DECISION_SNAPSHOT_VERSION = 1;

function snapshotOf(row: DecisionRow): DecisionSnapshot {
  return {
    reference: row.reference,
    title: row.title,
    text: row.text,
    decisionMaker: row.decisionMaker,
    status: row.status,
    effectiveDate: row.effectiveDate,
    leadOfficerId: row.leadOfficerId,
    agendaItemId: row.agendaItemId,
    confidential: row.confidential,
    supersededById: row.supersededById,
    withdrawnReason: row.withdrawnReason,
  };
}

function keepRevision(tx: Db, row: DecisionRow, meta: WriteMeta, changeNote?: string | null): void {
  addRevision(tx, {
    recordType: "decision",
    recordId: row.id,
    schemaVersion: DECISION_SNAPSHOT_VERSION,
    snapshot: snapshotOf(row),
    rendered: row.rendered,
    // A confidential decision's history is content: only those who read its content see it.
    restricted: row.confidential,
    actorId: meta.actorId,
    source: meta.source,
    changeNote,
    createdAt: meta.now,
  });
}

/** The decision text rendered for its page and for search; before the transaction, as it may take its budget. */
export function renderDecisionText(text: string): RenderedFields {
  return renderForSave({ text });
}

/**
 * Takes the next number of a board's year. The counter is bumped in place
 * (an upsert returning the new value) inside the caller's IMMEDIATE
 * transaction, which holds the database's write lock from its start: two
 * writers, in one process or several, can never read the same last number,
 * and a number once taken is never given again (nothing lowers the counter).
 */
export function takeDecisionNumber(tx: Db, boardId: number, year: number): number {
  const row = tx
    .insert(decisionSequences)
    .values({ boardId, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [decisionSequences.boardId, decisionSequences.year],
      set: { lastNumber: sql`${decisionSequences.lastNumber} + 1` },
    })
    .returning({ lastNumber: decisionSequences.lastNumber })
    .get();
  return row.lastNumber;
}

export interface NewDecision {
  meetingId: number;
  agendaItemId: number | null;
  /** The agenda item's own confidentiality: a decision on a confidential item is confidential. */
  agendaItemConfidential: boolean;
  title: string;
  text: string;
  rendered: RenderedFields;
  decisionMaker: string;
  status: DecisionStatus;
  effectiveDate: string | null;
  leadOfficerId: string | null;
  confidential: boolean;
  importKey?: string | null;
}

/** Numbers and inserts a decision, with its first revision and "decision.recorded". */
export function writeNewDecision(tx: Db, input: NewDecision, meta: WriteMeta): DecisionRow {
  const meeting = tx
    .select({ boardId: meetings.boardId, startsAt: meetings.startsAt, prefix: boards.referencePrefix })
    .from(meetings)
    .innerJoin(boards, eq(boards.id, meetings.boardId))
    .where(eq(meetings.id, input.meetingId))
    .get();
  if (!meeting) throw new NotFoundError("No such meeting");
  // The year of the meeting that made it, not of the day it was typed in.
  const year = meeting.startsAt.getUTCFullYear();
  const number = takeDecisionNumber(tx, meeting.boardId, year);
  const confidential = input.confidential || input.agendaItemConfidential;
  const row = tx
    .insert(decisions)
    .values({
      reference: formatDecisionReference(meeting.prefix, year, number),
      importKey: input.importKey ?? null,
      boardId: meeting.boardId,
      year,
      number,
      meetingId: input.meetingId,
      agendaItemId: input.agendaItemId,
      title: input.title,
      text: input.text,
      rendered: input.rendered,
      decisionMaker: input.decisionMaker,
      status: input.status,
      effectiveDate: input.effectiveDate,
      leadOfficerId: input.leadOfficerId,
      confidential,
      createdAt: meta.now,
      updatedAt: meta.now,
    })
    .returning()
    .get();
  keepRevision(tx, row, meta);
  recordEvent(
    tx,
    {
      type: "decision.recorded",
      recordType: "decision",
      recordId: row.id,
      actorId: meta.actorId,
      source: meta.source,
      partnerIds: [],
      // Facts the register shows to everyone; never the title (it may be confidential).
      data: { reference: row.reference, boardId: row.boardId, meetingId: row.meetingId, status: row.status },
    },
    meta.now,
  );
  if (confidential) spreadDecisionConfidentiality(tx, row.id, meta);
  return row;
}

export interface DecisionEdit {
  agendaItemId: number | null;
  agendaItemConfidential: boolean;
  title: string;
  text: string;
  rendered: RenderedFields;
  decisionMaker: string;
  effectiveDate: string | null;
  leadOfficerId: string | null;
  confidential: boolean;
}

/** Saves an edit (never the reference, board, meeting or status), with a revision and "decision.edited". */
export function writeDecisionEdit(
  tx: Db,
  current: DecisionRow,
  edit: DecisionEdit,
  meta: WriteMeta,
  changeNote: string | null = null,
): DecisionRow {
  const confidential = edit.confidential || edit.agendaItemConfidential;
  const row = tx
    .update(decisions)
    .set({
      agendaItemId: edit.agendaItemId,
      title: edit.title,
      text: edit.text,
      rendered: edit.rendered,
      decisionMaker: edit.decisionMaker,
      effectiveDate: edit.effectiveDate,
      leadOfficerId: edit.leadOfficerId,
      confidential,
      updatedAt: meta.now,
    })
    .where(eq(decisions.id, current.id))
    .returning()
    .get();
  keepRevision(tx, row, meta, changeNote);
  recordEvent(
    tx,
    {
      type: "decision.edited",
      recordType: "decision",
      recordId: row.id,
      actorId: meta.actorId,
      source: meta.source,
      partnerIds: [],
      data: { reference: row.reference, ...(confidential !== current.confidential ? { confidential } : {}) },
    },
    meta.now,
  );
  if (confidential && !current.confidential) spreadDecisionConfidentiality(tx, row.id, meta);
  return row;
}

export interface StatusChange {
  status: DecisionStatus;
  supersededById: number | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
}

/** Changes the status, with a revision and "decision.status_changed" ({from, to}). */
export function writeDecisionStatus(tx: Db, current: DecisionRow, change: StatusChange, meta: WriteMeta): DecisionRow {
  const row = tx
    .update(decisions)
    .set({ ...change, updatedAt: meta.now })
    .where(eq(decisions.id, current.id))
    .returning()
    .get();
  keepRevision(tx, row, meta);
  recordEvent(
    tx,
    {
      type: "decision.status_changed",
      recordType: "decision",
      recordId: row.id,
      actorId: meta.actorId,
      source: meta.source,
      partnerIds: [],
      data: {
        reference: row.reference,
        from: current.status,
        to: row.status,
        ...(row.supersededById ? { supersededById: row.supersededById } : {}),
      },
    },
    meta.now,
  );
  return row;
}
