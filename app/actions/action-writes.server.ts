/**
 * The writes of actions, with their events, shared by the commands and the
 * demo import: a new action, an edit (and a reassignment), a change of
 * status with its dated note. What they are given is already checked.
 * Events carry ids, dates and statuses, never the description: an action
 * may be confidential, and events are not filtered by board.
 */
import { eq } from "drizzle-orm";
import type { ActionStatus, ChangeSource } from "../../db/enums";
import { actions, actionUpdates } from "../../db/schema";
import { recordEvent } from "../events/event-log.server";
import type { Db } from "../platform/db.server";

export interface WriteContext {
  actorId: string | null;
  source: ChangeSource;
  now: Date;
}

export interface NewActionRow {
  meetingId: number;
  decisionId: number | null;
  description: string;
  ownerId: string;
  partnerId: number;
  dueDate: string;
  confidential: boolean;
  status?: ActionStatus;
}

export function writeNewAction(tx: Db, row: NewActionRow, context: WriteContext): number {
  const { id } = tx
    .insert(actions)
    .values({ ...row, status: row.status ?? "open", createdAt: context.now, updatedAt: context.now })
    .returning({ id: actions.id })
    .get();
  recordEvent(
    tx,
    {
      type: "action.created",
      recordType: "action",
      recordId: id,
      actorId: context.actorId,
      source: context.source,
      partnerIds: [row.partnerId],
      data: { meetingId: row.meetingId, decisionId: row.decisionId, ownerId: row.ownerId, dueDate: row.dueDate },
    },
    context.now,
  );
  return id;
}

export interface StoredActionFields {
  id: number;
  description: string;
  ownerId: string | null;
  partnerId: number;
  dueDate: string;
}

/**
 * Saves an edit: "action.edited" when the description, partner or due date
 * changed, "action.reassigned" when the owner did.
 */
export function writeActionChange(
  tx: Db,
  existing: StoredActionFields,
  next: { description: string; ownerId: string; partnerId: number; dueDate: string },
  context: WriteContext,
): void {
  const edited =
    next.description !== existing.description ||
    next.partnerId !== existing.partnerId ||
    next.dueDate !== existing.dueDate;
  const reassigned = next.ownerId !== existing.ownerId;
  if (!edited && !reassigned) return;
  tx.update(actions)
    .set({
      ...next,
      updatedAt: context.now,
      // A new due date, or a new owner, is told about its lateness afresh.
      ...(next.dueDate !== existing.dueDate || reassigned ? { overdueNotifiedAt: null } : {}),
    })
    .where(eq(actions.id, existing.id))
    .run();
  const event = {
    recordType: "action" as const,
    recordId: existing.id,
    actorId: context.actorId,
    source: context.source,
  };
  const partnerIds = [...new Set([existing.partnerId, next.partnerId])];
  if (edited) {
    recordEvent(
      tx,
      {
        ...event,
        type: "action.edited",
        partnerIds,
        data: { dueDate: next.dueDate, partnerId: next.partnerId },
      },
      context.now,
    );
  }
  if (reassigned) {
    recordEvent(
      tx,
      { ...event, type: "action.reassigned", partnerIds, data: { from: existing.ownerId, to: next.ownerId } },
      context.now,
    );
  }
}

/** A change of status (or a note on the same status) with its dated note. */
export function writeActionUpdate(
  tx: Db,
  existing: { id: number; status: ActionStatus; partnerId: number },
  update: { status: ActionStatus; noteDate: string; note: string },
  context: WriteContext,
): number {
  const { id } = tx
    .insert(actionUpdates)
    .values({ actionId: existing.id, ...update, authorId: context.actorId, createdAt: context.now })
    .returning({ id: actionUpdates.id })
    .get();
  tx.update(actions).set({ status: update.status, updatedAt: context.now }).where(eq(actions.id, existing.id)).run();
  recordEvent(
    tx,
    {
      type: "action.status_changed",
      recordType: "action",
      recordId: existing.id,
      actorId: context.actorId,
      source: context.source,
      partnerIds: [existing.partnerId],
      data: { from: existing.status, to: update.status, noteDate: update.noteDate },
    },
    context.now,
  );
  return id;
}
