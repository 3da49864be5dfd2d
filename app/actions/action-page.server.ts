/**
 * What an action's page shows, for one reader: the action, its board,
 * meeting and decision (the decision's title only for those who may read
 * its content), owner, partner, due date, status with its dated notes, and
 * what the reader may do. Also the edit form's stored values.
 */
import { asc, eq } from "drizzle-orm";
import { actionUpdates, boards, decisions, partners, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { canOnAction } from "../boards/action-policy.server";
import { canOnDecision } from "../boards/decision-policy.server";
import { type Db, getDb } from "../platform/db.server";
import { datePartsOf } from "../posts/post-dates";
import { getActionFor, isOverdue, type StoredAction } from "./actions.server";

function nameOf(db: Db, userId: string | null): string | null {
  if (!userId) return null;
  return db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? null;
}

export function actionPage(user: SessionUser, id: number, db: Db = getDb()) {
  const action = getActionFor(user, "read", id, db);
  const board = db
    .select({ slug: boards.slug, name: boards.name })
    .from(boards)
    .where(eq(boards.id, action.boardId))
    .get();
  const partner = db
    .select({ slug: partners.slug, name: partners.name })
    .from(partners)
    .where(eq(partners.id, action.partnerId))
    .get();
  const decisionRow = action.decisionId
    ? db
        .select({
          reference: decisions.reference,
          title: decisions.title,
          boardId: decisions.boardId,
          confidential: decisions.confidential,
        })
        .from(decisions)
        .where(eq(decisions.id, action.decisionId))
        .get()
    : undefined;
  const decision = decisionRow
    ? {
        reference: decisionRow.reference,
        // A confidential decision's title is its board's: anyone else sees "Restricted".
        title: canOnDecision(user, "readContent", decisionRow) ? decisionRow.title : null,
      }
    : null;
  const updates = db
    .select({
      id: actionUpdates.id,
      status: actionUpdates.status,
      noteDate: actionUpdates.noteDate,
      note: actionUpdates.note,
      authorName: users.name,
    })
    .from(actionUpdates)
    .leftJoin(users, eq(users.id, actionUpdates.authorId))
    .where(eq(actionUpdates.actionId, action.id))
    .orderBy(asc(actionUpdates.noteDate), asc(actionUpdates.id))
    .all();
  return {
    action: {
      id: action.id,
      description: action.description,
      status: action.status,
      dueDate: action.dueDate,
      overdue: isOverdue(action),
      confidential: action.confidential,
      ownerName: nameOf(db, action.ownerId),
      meetingId: action.meetingId,
      meetingStartsAt: action.meetingStartsAt.getTime(),
    },
    board: board ?? { slug: "", name: "" },
    partner: partner ?? { slug: "", name: "" },
    decision,
    updates,
    mayUpdate: canOnAction(user, "update", action),
    mayManage: canOnAction(user, "manage", action),
  };
}

/** The stored action as its edit form shows it. */
export function actionFormValues(action: StoredAction, db: Db = getDb()) {
  const partner = db.select({ slug: partners.slug }).from(partners).where(eq(partners.id, action.partnerId)).get();
  return {
    description: action.description,
    owner: action.ownerId ?? "",
    partner: partner?.slug ?? "",
    dueDate: datePartsOf(action.dueDate),
  };
}
