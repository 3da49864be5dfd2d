/**
 * Actions read for one page: an action with its board (through its
 * meeting), checked against action-policy; the meeting and decision an
 * action is being added to; who may own one; what an action names by id or
 * slug resolved, each unknown one a form error on its own field.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { actions, boards, decisions, meetings, partners, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { type ActionAction, authorizeAction } from "../boards/action-policy.server";
import { authorizeMeeting } from "../boards/meeting-policy.server";
import { type Db, getDb } from "../platform/db.server";
import { type FieldErrors, NotFoundError, ValidationError } from "../platform/errors";
import { todayInUk } from "../posts/post-dates";

export type StoredAction = typeof actions.$inferSelect & { boardId: number; meetingStartsAt: Date };

export function findAction(id: number, db: Db = getDb()): StoredAction | null {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const row = db
    .select({ action: actions, boardId: meetings.boardId, meetingStartsAt: meetings.startsAt })
    .from(actions)
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .where(eq(actions.id, id))
    .get();
  return row ? { ...row.action, boardId: row.boardId, meetingStartsAt: row.meetingStartsAt } : null;
}

/** The action, when this person may do `what` to it: NotFoundError or ForbiddenError otherwise. */
export function getActionFor(
  user: SessionUser,
  what: ActionAction | "read",
  id: number,
  db: Db = getDb(),
): StoredAction {
  const action = findAction(id, db);
  if (!action) throw new NotFoundError("No such action");
  authorizeAction(user, what, action);
  return action;
}

/** An action is overdue while it is open and its due day has passed. */
export function isOverdue(action: { status: string; dueDate: string }, today: string = todayInUk()): boolean {
  return action.status === "open" && action.dueDate < today;
}

export interface ActionMeeting {
  id: number;
  boardId: number;
  startsAt: Date;
  boardName: string;
  boardSlug: string;
}

export function findMeeting(id: number, db: Db = getDb()): ActionMeeting | null {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return (
    db
      .select({
        id: meetings.id,
        boardId: meetings.boardId,
        startsAt: meetings.startsAt,
        boardName: boards.name,
        boardSlug: boards.slug,
      })
      .from(meetings)
      .innerJoin(boards, eq(boards.id, meetings.boardId))
      .where(eq(meetings.id, id))
      .get() ?? null
  );
}

/** The meeting an action is added to, when this person runs its board. */
export function getMeetingForNewAction(user: SessionUser, meetingId: number, db: Db = getDb()): ActionMeeting {
  const meeting = findMeeting(meetingId, db);
  if (!meeting) throw new NotFoundError("No such meeting");
  authorizeMeeting(user, "manage", meeting);
  return meeting;
}

export interface ActionDecision {
  id: number;
  reference: string;
  title: string;
  confidential: boolean;
  boardId: number;
}

/** A decision of this meeting, for an action arising from it; a form error when it is not one. */
export function decisionForAction(db: Db, decisionId: number | null, meetingId: number): ActionDecision | null {
  if (decisionId === null) return null;
  const decision = db
    .select({
      id: decisions.id,
      reference: decisions.reference,
      title: decisions.title,
      confidential: decisions.confidential,
      boardId: decisions.boardId,
      meetingId: decisions.meetingId,
    })
    .from(decisions)
    .where(eq(decisions.id, decisionId))
    .get();
  // An action arises at the meeting that made its decision: its due date is weighed against that meeting.
  if (!decision || decision.meetingId !== meetingId)
    throw new ValidationError({ decision: ["actions.errors.decision.unknown"] });
  return decision;
}

export interface OwnerChoice {
  id: string;
  name: string;
  partnerName: string;
}

/** Who may own an action: anyone with an active account, by name. */
export function listActionOwners(db: Db = getDb()): OwnerChoice[] {
  return db
    .select({ id: users.id, name: users.name, partnerName: partners.name })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(isNull(users.deactivatedAt))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

export function listActionPartners(db: Db = getDb()): { slug: string; name: string }[] {
  return db.select({ slug: partners.slug, name: partners.name }).from(partners).orderBy(asc(partners.name)).all();
}

/** The UK day a meeting starts on: an action cannot be due before it. */
export function meetingDay(startsAt: Date): string {
  return todayInUk(startsAt);
}

/**
 * The owner and partner as ids, and the due date checked against the
 * meeting. `keepOwnerId` is an owner the action already has, kept even if
 * their account has since ended, so an edit of something else need not
 * change it.
 */
export function resolveActionReferences(
  db: Db,
  input: { owner: string; partner: string; dueDate: string },
  meeting: { startsAt: Date },
  keepOwnerId?: string | null,
): { ownerId: string; partnerId: number } {
  const errors: FieldErrors = {};
  const owner = db
    .select({ id: users.id, partnerId: users.partnerId, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, input.owner))
    .get();
  const ownerOk = owner && (!owner.deactivatedAt || owner.id === keepOwnerId);
  if (!ownerOk) errors.owner = ["actions.errors.owner.unknown"];
  let partnerId = owner?.partnerId;
  if (input.partner) {
    const partner = db.select({ id: partners.id }).from(partners).where(eq(partners.slug, input.partner)).get();
    if (!partner) errors.partner = ["actions.errors.partner.unknown"];
    partnerId = partner?.id;
  }
  if (input.dueDate < meetingDay(meeting.startsAt)) errors.dueDate = ["actions.errors.dueDate.beforeMeeting"];
  if (Object.keys(errors).length > 0 || !owner || partnerId === undefined) throw new ValidationError(errors);
  return { ownerId: owner.id, partnerId };
}

/** Whether this person's open actions exist at all (for the home page's link, without loading them). */
export function ownsOpenActions(userId: string, db: Db = getDb()): boolean {
  return Boolean(
    db
      .select({ id: actions.id })
      .from(actions)
      .where(and(eq(actions.ownerId, userId), eq(actions.status, "open")))
      .get(),
  );
}
