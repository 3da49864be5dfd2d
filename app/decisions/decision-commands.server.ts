/**
 * The commands on decisions, as a person: record one for a meeting, edit
 * it, change its status. Each checks the decision policy first (its
 * board's secretary and administrators), before any word of the input is
 * weighed, then validates, then writes in one IMMEDIATE transaction (the
 * number taken and the decision inserted together). There is no delete.
 */

import { eq } from "drizzle-orm";
import type { MeetingStatus } from "../../db/enums";
import { meetings } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { authorizeDecision } from "../boards/decision-policy.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { NotFoundError, ValidationError } from "../platform/errors";
import { resolveAgendaItem, resolveLeadOfficer, resolveSupersedingDecision } from "./decision-checks.server";
import {
  type DecisionFields,
  type DecisionStatusFields,
  DecisionStatusSchema,
  EditDecisionSchema,
  RecordDecisionSchema,
  validatedDecision,
} from "./decision-schemas";
import {
  type DecisionRow,
  renderDecisionText,
  writeDecisionEdit,
  writeDecisionStatus,
  writeNewDecision,
} from "./decision-writes.server";
import { findDecision } from "./decisions.server";

export interface MeetingForDecision {
  id: number;
  boardId: number;
  startsAt: Date;
  status: MeetingStatus;
}

/** The meeting a decision is being recorded for, if this person may record one (404 / 403 otherwise). */
export function meetingForRecording(user: SessionUser, meetingId: number, db: Db = getDb()): MeetingForDecision {
  const meeting = Number.isSafeInteger(meetingId)
    ? db
        .select({ id: meetings.id, boardId: meetings.boardId, startsAt: meetings.startsAt, status: meetings.status })
        .from(meetings)
        .where(eq(meetings.id, meetingId))
        .get()
    : undefined;
  if (!meeting) throw new NotFoundError("No such meeting");
  authorizeDecision(user, "manage", { boardId: meeting.boardId, confidential: false });
  return meeting;
}

/** The decision at this reference, if this person manages it (404 when unseen, 403 when only read). */
export function decisionForManaging(user: SessionUser, reference: string, db: Db = getDb()): DecisionRow {
  const decision = findDecision(reference, db);
  if (!decision) throw new NotFoundError("No such decision");
  // Every decision is in the register, so anyone else is forbidden (403), never told it does not exist.
  authorizeDecision(user, "manage", decision);
  return decision;
}

/** Records a decision for a meeting. Throws NotFoundError, ForbiddenError (before reading the input) or ValidationError. */
export function recordDecision({
  actor,
  meetingId,
  fields,
  db = getDb(),
  now = new Date(),
}: {
  actor: SessionUser;
  meetingId: number;
  fields: DecisionFields;
  db?: Db;
  now?: Date;
}): DecisionRow {
  const meeting = meetingForRecording(actor, meetingId, db);
  const input = validatedDecision(RecordDecisionSchema, fields);
  if (meeting.status === "cancelled") throw new ValidationError({ title: ["decisions.errors.meetingCancelled"] });
  const rendered = renderDecisionText(input.text);
  return writeTransaction((tx) => {
    const agenda = resolveAgendaItem(tx, meetingId, input.agendaItem);
    const leadOfficerId = resolveLeadOfficer(tx, input.leadOfficer);
    return writeNewDecision(
      tx,
      { ...input, ...agenda, meetingId, rendered, leadOfficerId },
      { actorId: actor.id, source: "web", now },
    );
  }, db);
}

/** Saves an edit of a decision; its reference, board, meeting and status are not the form's to change. */
export function editDecision({
  actor,
  reference,
  fields,
  db = getDb(),
  now = new Date(),
}: {
  actor: SessionUser;
  reference: string;
  fields: DecisionFields;
  db?: Db;
  now?: Date;
}): DecisionRow {
  decisionForManaging(actor, reference, db);
  const input = validatedDecision(EditDecisionSchema, fields);
  const rendered = renderDecisionText(input.text);
  return writeTransaction((tx) => {
    // Read again inside the transaction: the decision as it is now, not as it was before rendering.
    const current = decisionForManaging(actor, reference, tx);
    const agenda = resolveAgendaItem(tx, current.meetingId, input.agendaItem);
    const leadOfficerId = resolveLeadOfficer(tx, input.leadOfficer);
    return writeDecisionEdit(
      tx,
      current,
      { ...input, ...agenda, rendered, leadOfficerId },
      { actorId: actor.id, source: "web", now },
      input.changeNote || null,
    );
  }, db);
}

/**
 * Changes a decision's status: superseded names the decision that
 * supersedes it, withdrawn records who (the actor) and why.
 */
export function changeDecisionStatus({
  actor,
  reference,
  fields,
  db = getDb(),
  now = new Date(),
}: {
  actor: SessionUser;
  reference: string;
  fields: DecisionStatusFields;
  db?: Db;
  now?: Date;
}): DecisionRow {
  decisionForManaging(actor, reference, db);
  const input = validatedDecision(DecisionStatusSchema, fields);
  return writeTransaction((tx) => {
    const current = decisionForManaging(actor, reference, tx);
    const supersededById =
      input.status === "superseded" ? resolveSupersedingDecision(tx, current, input.supersededBy) : null;
    if (input.status === "withdrawn" && !input.withdrawnReason) {
      throw new ValidationError({ withdrawnReason: ["decisions.errors.withdrawnReason.required"] });
    }
    const withdrawn = input.status === "withdrawn";
    return writeDecisionStatus(
      tx,
      current,
      {
        status: input.status,
        supersededById,
        withdrawnBy: withdrawn ? actor.id : null,
        withdrawnReason: withdrawn ? input.withdrawnReason : null,
      },
      { actorId: actor.id, source: "web", now },
    );
  }, db);
}
