/**
 * /actions and "Your actions": the actions a person may see (the one rule
 * of confidentiality, plus their own: action-policy), overdue first, then
 * by due date. One query reads every visible action of the statuses asked
 * for with its board, meeting, owner and partner; filters and their
 * disjunctive counts are worked out from that one list (decision 055), so
 * a count never includes an action the reader may not see.
 */
import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { ActionStatus } from "../../db/enums";
import { actions, boards, decisions, meetings, partners, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { boardContentVisibleTo } from "../boards/board-access.server";
import { canOnMeeting } from "../boards/meeting-policy.server";
import { type Db, getDb } from "../platform/db.server";
import { todayInUk } from "../posts/post-dates";
import type { FacetCount } from "../search/finder-results";
import { ACTION_FILTERS, ACTIONS_PAGE_SIZE, type ActionFilter, type ActionQuery } from "./action-query";

/** The SQL condition "this person may see this action" (join meetings for the board). */
export function actionsVisibleTo(user: SessionUser): SQL {
  return or(boardContentVisibleTo(user, meetings.boardId, actions.confidential), eq(actions.ownerId, user.id)) as SQL;
}

export interface ActionRow {
  id: number;
  description: string;
  status: ActionStatus;
  dueDate: string;
  overdue: boolean;
  confidential: boolean;
  ownerId: string | null;
  ownerName: string | null;
  partnerSlug: string;
  partnerName: string;
  boardSlug: string;
  boardName: string;
  meetingId: number;
  meetingStartsAt: number;
}

function readActions(user: SessionUser, statuses: readonly ActionStatus[], where: SQL | undefined, db: Db) {
  const today = todayInUk();
  return db
    .select({
      id: actions.id,
      description: actions.description,
      status: actions.status,
      dueDate: actions.dueDate,
      confidential: actions.confidential,
      ownerId: actions.ownerId,
      ownerName: users.name,
      partnerSlug: partners.slug,
      partnerName: partners.name,
      boardSlug: boards.slug,
      boardName: boards.name,
      meetingId: meetings.id,
      meetingStartsAt: meetings.startsAt,
    })
    .from(actions)
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .innerJoin(boards, eq(boards.id, meetings.boardId))
    .innerJoin(partners, eq(partners.id, actions.partnerId))
    .leftJoin(users, eq(users.id, actions.ownerId))
    .where(and(inArray(actions.status, [...statuses]), actionsVisibleTo(user), where))
    .orderBy(
      // Overdue (open and past due) first; then by due date.
      sql`case when ${actions.status} = 'open' and ${actions.dueDate} < ${today} then 0 else 1 end`,
      asc(actions.dueDate),
      asc(actions.id),
    )
    .all()
    .map(
      (row): ActionRow => ({
        ...row,
        meetingStartsAt: row.meetingStartsAt.getTime(),
        overdue: row.status === "open" && row.dueDate < today,
      }),
    );
}

export interface ActionList {
  rows: ActionRow[];
  total: number;
  page: number;
  pageCount: number;
  /** Each filter's values with counts worked out with every OTHER filter applied. */
  facets: Record<ActionFilter, FacetCount[]>;
  /** Labels of the values offered: board and partner names, owners' names. */
  labels: Record<ActionFilter, Record<string, string>>;
}

const filterValue: Record<ActionFilter, (row: ActionRow) => string | null> = {
  board: (row) => row.boardSlug,
  partner: (row) => row.partnerSlug,
  owner: (row) => row.ownerId,
};
const labelOf: Record<ActionFilter, (row: ActionRow) => string> = {
  board: (row) => row.boardName,
  partner: (row) => row.partnerName,
  owner: (row) => row.ownerName ?? "",
};

/** The /actions page: a page of the filtered actions, and the filters' counts. */
export function listActions(user: SessionUser, query: ActionQuery, db: Db = getDb()): ActionList {
  const statuses: ActionStatus[] = query.all ? ["open", "done", "dropped"] : ["open"];
  const all = readActions(user, statuses, undefined, db);
  const chosen: Record<ActionFilter, string[]> = {
    board: query.board,
    partner: query.partner,
    owner: query.owner.map((owner) => (owner === "me" ? user.id : owner)),
  };
  const passes = (row: ActionRow, except?: ActionFilter) =>
    ACTION_FILTERS.every(
      (name) => name === except || chosen[name].length === 0 || chosen[name].includes(filterValue[name](row) ?? ""),
    );
  const facets = {} as Record<ActionFilter, FacetCount[]>;
  const labels = {} as Record<ActionFilter, Record<string, string>>;
  for (const name of ACTION_FILTERS) {
    const counts = new Map<string, number>();
    labels[name] = {};
    for (const row of all) {
      const value = filterValue[name](row);
      if (value === null) continue;
      labels[name][value] = labelOf[name](row);
      if (passes(row, name)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    facets[name] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => (labels[name][a.value] ?? "").localeCompare(labels[name][b.value] ?? ""));
  }
  const rows = all.filter((row) => passes(row));
  const pageCount = Math.max(1, Math.ceil(rows.length / ACTIONS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  return {
    rows: rows.slice((page - 1) * ACTIONS_PAGE_SIZE, page * ACTIONS_PAGE_SIZE),
    total: rows.length,
    page,
    pageCount,
    facets,
    labels,
  };
}

export const HOME_ACTIONS = 5;

/** The home page's "Your actions": this person's open actions, overdue first, at most five, and how many there are. */
export function ownOpenActions(user: SessionUser, db: Db = getDb()): { rows: ActionRow[]; total: number } {
  const rows = readActions(user, ["open"], eq(actions.ownerId, user.id), db);
  return { rows: rows.slice(0, HOME_ACTIONS), total: rows.length };
}

/**
 * The meeting page's section: the meeting's actions as this person may see
 * them, and whether they may add one (the board's secretary, administrators).
 */
export function meetingActionsSection(
  user: SessionUser,
  meeting: { id: number; boardId: number },
  db: Db = getDb(),
): { meetingId: number; rows: ActionRow[]; mayAdd: boolean } {
  return {
    meetingId: meeting.id,
    rows: readActions(user, ["open", "done", "dropped"], eq(actions.meetingId, meeting.id), db),
    mayAdd: canOnMeeting(user, "manage", meeting),
  };
}

/**
 * The decision page's section: the actions arising from the decision as this
 * person may see them, and whether they may add one (the board's managers),
 * which then arises from this decision. Only for a decision whose content
 * the person may read (the page shows a restricted one without it).
 */
export function decisionActionsSection(
  user: SessionUser,
  decisionId: number,
  db: Db = getDb(),
): { meetingId: number; decisionId: number; rows: ActionRow[]; mayAdd: boolean } | null {
  const decision = db
    .select({ meetingId: decisions.meetingId, boardId: decisions.boardId })
    .from(decisions)
    .where(eq(decisions.id, decisionId))
    .get();
  if (!decision) return null;
  return {
    meetingId: decision.meetingId,
    decisionId,
    rows: readActions(user, ["open", "done", "dropped"], eq(actions.decisionId, decisionId), db),
    mayAdd: canOnMeeting(user, "manage", { boardId: decision.boardId }),
  };
}
