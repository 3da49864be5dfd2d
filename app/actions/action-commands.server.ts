/**
 * The commands on actions: add one to a meeting (optionally arising from
 * one of its board's decisions), edit or reassign it (the board's
 * secretary, administrators), and change its status with a dated note (its
 * owner too). Who may is settled before any word on the input; everything
 * is read again and written in one transaction.
 */
import { eq } from "drizzle-orm";
import { partners } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { lastEventId } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import {
  type ActionFields,
  ActionInputSchema,
  type ActionUpdateFields,
  ActionUpdateInputSchema,
  validated,
} from "./action-schemas";
import { writeActionChange, writeActionUpdate, writeNewAction } from "./action-writes.server";
import { decisionForAction, getActionFor, getMeetingForNewAction, resolveActionReferences } from "./actions.server";

export interface SavedAction {
  id: number;
  eventId: number;
}

/**
 * Adds an action to a meeting. An action of a confidential decision is
 * written confidential (the decision's content is its board's alone).
 * Throws NotFoundError, ForbiddenError or ValidationError.
 */
export function createAction({
  actor,
  meetingId,
  decisionId = null,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  meetingId: number;
  decisionId?: number | null;
  fields: ActionFields;
  db?: Db;
}): SavedAction {
  getMeetingForNewAction(actor, meetingId, db);
  const input = validated(ActionInputSchema, fields);
  return writeTransaction((tx) => {
    const meeting = getMeetingForNewAction(actor, meetingId, tx);
    const decision = decisionForAction(tx, decisionId, meeting.id);
    const references = resolveActionReferences(tx, input, meeting);
    const id = writeNewAction(
      tx,
      {
        meetingId: meeting.id,
        decisionId: decision?.id ?? null,
        description: input.description,
        dueDate: input.dueDate,
        ...references,
        confidential: decision?.confidential ?? false,
      },
      { actorId: actor.id, source: "web", now: new Date() },
    );
    return { id, eventId: lastEventId(tx) };
  }, db);
}

/** Saves an edit of an action: its description, owner (a reassignment), partner and due date. */
export function editAction({
  actor,
  actionId,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  actionId: number;
  fields: ActionFields;
  db?: Db;
}): SavedAction {
  getActionFor(actor, "manage", actionId, db);
  const input = validated(ActionInputSchema, fields);
  return writeTransaction((tx) => {
    const existing = getActionFor(actor, "manage", actionId, tx);
    const references = resolveActionReferences(tx, input, { startsAt: existing.meetingStartsAt }, existing.ownerId);
    writeActionChange(
      tx,
      existing,
      { description: input.description, dueDate: input.dueDate, ...references },
      { actorId: actor.id, source: "web", now: new Date() },
    );
    return { id: existing.id, eventId: lastEventId(tx) };
  }, db);
}

/** A new status (or the same, with news) and its dated note: the owner, the board's secretary, administrators. */
export function updateActionStatus({
  actor,
  actionId,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  actionId: number;
  fields: ActionUpdateFields;
  db?: Db;
}): SavedAction {
  getActionFor(actor, "update", actionId, db);
  const input = validated(ActionUpdateInputSchema, fields);
  return writeTransaction((tx) => {
    const existing = getActionFor(actor, "update", actionId, tx);
    writeActionUpdate(tx, existing, input, { actorId: actor.id, source: "web", now: new Date() });
    return { id: existing.id, eventId: lastEventId(tx) };
  }, db);
}

/** Reassigns an action to another owner, keeping the rest: the handover of someone who has left. */
export function reassignAction({
  actor,
  actionId,
  owner,
  db = getDb(),
}: {
  actor: SessionUser;
  actionId: number;
  owner: string;
  db?: Db;
}): SavedAction {
  const current = getActionFor(actor, "manage", actionId, db);
  // The partner is the one the action is for, whoever owns it: it stays as it was.
  return editAction({
    actor,
    actionId,
    db,
    fields: {
      description: current.description,
      owner,
      partner: partnerSlugOf(current.partnerId, db),
      dueDate: current.dueDate,
    },
  });
}

function partnerSlugOf(partnerId: number, db: Db): string {
  return db.select({ slug: partners.slug }).from(partners).where(eq(partners.id, partnerId)).get()?.slug ?? "";
}
