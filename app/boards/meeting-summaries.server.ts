/**
 * Summaries for partners as a reader sees them: the introduction written by
 * the board's secretary, then the meeting's decisions and actions read from
 * their records now, through their policies for THIS reader. A confidential
 * decision the reader may not read keeps its place as its reference and
 * "Restricted" (as in the register, so a summary's numbering has no gaps),
 * never its title or text; a confidential action is left out. Nothing is
 * chosen by hand. Every member of staff reads every summary (a meeting is no
 * secret); the same summary reads differently for a board member.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { actions, boards, decisions, meetingSummaries, meetings, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { inLocale } from "../i18n/bilingual";
import type { Locale } from "../i18n/translate";
import { renderedHtml } from "../markdown/render-for-save.server";
import { type Db, getDb } from "../platform/db.server";
import { boardContentVisibleTo, managesBoard } from "./board-access.server";
import { canOnDecision } from "./decision-policy.server";
import { decisionUrl } from "./decision-search.server";
import type { PresentedSummary, SummaryAction, SummaryDecision } from "./presented-summary";

export type { PresentedSummary };

type SummaryRow = {
  summary: typeof meetingSummaries.$inferSelect;
  meetingId: number;
  startsAt: Date;
  boardId: number;
  boardName: string;
  boardNameCy: string | null;
  boardSlug: string;
};

const summaryColumns = {
  summary: meetingSummaries,
  meetingId: meetings.id,
  startsAt: meetings.startsAt,
  boardId: boards.id,
  boardName: boards.name,
  boardNameCy: boards.nameCy,
  boardSlug: boards.slug,
};

function summaryRows(db: Db) {
  return db
    .select(summaryColumns)
    .from(meetingSummaries)
    .innerJoin(meetings, eq(meetingSummaries.meetingId, meetings.id))
    .innerJoin(boards, eq(meetings.boardId, boards.id));
}

/** The meetings' decisions, in reference order, as this reader may see them. */
function decisionsFor(user: SessionUser, meetingIds: number[], locale: Locale, db: Db) {
  const rows = db
    .select()
    .from(decisions)
    .where(inArray(decisions.meetingId, meetingIds))
    .orderBy(asc(decisions.year), asc(decisions.number))
    .all();
  const byMeeting = new Map<number, SummaryDecision[]>();
  for (const row of rows) {
    const url = decisionUrl(row.reference);
    const shown: SummaryDecision = canOnDecision(user, "readContent", row)
      ? {
          reference: row.reference,
          url,
          restricted: false,
          title: inLocale(row.title, row.titleCy, locale).text,
          status: row.status,
          html: row.rendered ? renderedHtml(row.rendered, "text", locale) : "",
        }
      : { reference: row.reference, url, restricted: true };
    byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), shown]);
  }
  return byMeeting;
}

/** The meetings' actions this reader may see (the rule's SQL condition), earliest due first. */
function actionsFor(user: SessionUser, meetingIds: number[], locale: Locale, db: Db) {
  const rows = db
    .select({ action: actions, ownerName: users.name })
    .from(actions)
    .innerJoin(meetings, eq(actions.meetingId, meetings.id))
    .leftJoin(users, eq(actions.ownerId, users.id))
    .where(
      and(inArray(actions.meetingId, meetingIds), boardContentVisibleTo(user, meetings.boardId, actions.confidential)),
    )
    .orderBy(asc(actions.dueDate), asc(actions.id))
    .all();
  const byMeeting = new Map<number, SummaryAction[]>();
  for (const { action, ownerName } of rows) {
    const shown: SummaryAction = {
      id: action.id,
      description: inLocale(action.description, action.descriptionCy, locale).text,
      ownerName,
      dueDate: action.dueDate,
      status: action.status,
    };
    byMeeting.set(action.meetingId, [...(byMeeting.get(action.meetingId) ?? []), shown]);
  }
  return byMeeting;
}

function present(user: SessionUser, rows: SummaryRow[], locale: Locale, db: Db): PresentedSummary[] {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.meetingId);
  const decided = decisionsFor(user, ids, locale, db);
  const actioned = actionsFor(user, ids, locale, db);
  return rows.map((row) => ({
    meetingId: row.meetingId,
    boardName: inLocale(row.boardName, row.boardNameCy, locale).text,
    boardSlug: row.boardSlug,
    meetingAt: row.startsAt.toISOString(),
    publishedAt: row.summary.publishedAt.toISOString(),
    introductionHtml: row.summary.rendered ? renderedHtml(row.summary.rendered, "introduction", locale) : "",
    decisions: decided.get(row.meetingId) ?? [],
    actions: actioned.get(row.meetingId) ?? [],
  }));
}

/** A meeting's summary as this reader sees it, or null when none is published. */
export function summaryOfMeeting(
  user: SessionUser,
  meetingId: number,
  locale: Locale,
  db: Db = getDb(),
): PresentedSummary | null {
  if (!Number.isSafeInteger(meetingId)) return null;
  const rows = summaryRows(db).where(eq(meetingSummaries.meetingId, meetingId)).all();
  return present(user, rows, locale, db)[0] ?? null;
}

/** The latest summaries across boards (the home and partner pages), newest meeting first. */
export function latestSummaries(user: SessionUser, limit: number, locale: Locale, db: Db = getDb()) {
  const rows = summaryRows(db).orderBy(desc(meetings.startsAt), desc(meetings.id)).limit(limit).all();
  return present(user, rows, locale, db);
}

/** A board's latest summary (its page), or null. */
export function latestSummaryOfBoard(
  user: SessionUser,
  boardId: number,
  locale: Locale,
  db: Db = getDb(),
): PresentedSummary | null {
  const rows = summaryRows(db)
    .where(eq(meetings.boardId, boardId))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(1)
    .all();
  return present(user, rows, locale, db)[0] ?? null;
}

/**
 * The meeting page's summary section: the summary as this reader sees it,
 * and whether they may publish or update it (the board's managers, once the
 * meeting is held). For the meeting page's loader.
 */
export function meetingSummarySection(
  user: SessionUser,
  meeting: { id: number; boardId: number; status: string },
  locale: Locale,
  db: Db = getDb(),
): { summary: PresentedSummary | null; publishUrl: string | null } {
  const mayPublish = meeting.status === "held" && managesBoard(user, meeting.boardId);
  return {
    summary: summaryOfMeeting(user, meeting.id, locale, db),
    publishUrl: mayPublish ? `/meetings/${meeting.id}/summary` : null,
  };
}
