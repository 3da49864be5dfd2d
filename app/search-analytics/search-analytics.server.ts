/**
 * What the search log says, by week, for the people who run the Hub: the
 * most searched queries, those that found nothing, and those whose results
 * nobody opened (decision 060). Weeks run Monday to Sunday on London's clock.
 */
import { and, count, gte, lt, sql } from "drizzle-orm";
import { searchLog } from "../../db/schema";
import { ADMIN, holdsAny, type SessionUser } from "../auth/principals";
import { ukLocalToUtc, utcToUkLocal } from "../boards/meeting-times";
import { type Db, getDb } from "../platform/db.server";
import { ForbiddenError } from "../platform/errors";

/** How many weeks the page offers, newest first. */
export const WEEKS_OFFERED = 8;
/** How many queries each list shows. */
export const QUERIES_PER_LIST = 25;

export interface SearchWeek {
  /** Its Monday, `YYYY-MM-DD`: the week's name in the address. */
  id: string;
  start: Date;
  end: Date;
}

export interface QueryFigures {
  query: string;
  searches: number;
  /** Searches that found nothing. */
  zeroResults: number;
  /** Searches with results. */
  withResults: number;
  /** Searches one of whose results was opened. */
  opened: number;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The London week an instant falls in. */
export function weekOf(at: Date): SearchWeek {
  const { day } = utcToUkLocal(at);
  // getUTCDay: Sunday is 0; the week starts on Monday.
  const monday = addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
  return { id: monday, start: ukLocalToUtc(monday, "00:00"), end: ukLocalToUtc(addDays(monday, 7), "00:00") };
}

/** This week and the ones before it, newest first. */
export function recentWeeks(now: Date, howMany = WEEKS_OFFERED): SearchWeek[] {
  const weeks = [weekOf(now)];
  while (weeks.length < howMany) {
    const previous = weeks[weeks.length - 1] as SearchWeek;
    weeks.push(weekOf(new Date(previous.start.getTime() - 12 * 60 * 60_000)));
  }
  return weeks;
}

/** Every query searched in the week, with its figures, most searched first. */
export function queryFiguresForWeek(week: SearchWeek, db: Db = getDb()): QueryFigures[] {
  return db
    .select({
      query: searchLog.query,
      searches: count(),
      zeroResults: sql<number>`sum(${searchLog.resultCount} = 0)`,
      withResults: sql<number>`sum(${searchLog.resultCount} > 0)`,
      opened: sql<number>`sum(${searchLog.openedAt} is not null)`,
    })
    .from(searchLog)
    .where(and(gte(searchLog.searchedAt, week.start), lt(searchLog.searchedAt, week.end)))
    .groupBy(searchLog.query)
    .orderBy(sql`count(*) desc`, searchLog.query)
    .all();
}

export interface WeekAnalytics {
  searches: number;
  distinctQueries: number;
  zeroResultSearches: number;
  openedSearches: number;
  /** Most searched first. */
  top: QueryFigures[];
  /** Queries that found nothing at least once, most often first. */
  zeroResults: QueryFigures[];
  /** Queries that found something, none of whose results anyone opened. */
  notOpened: QueryFigures[];
}

/** A week's figures and its three lists (each at most QUERIES_PER_LIST long). */
export function analyseWeek(figures: QueryFigures[]): WeekAnalytics {
  const sum = (pick: (row: QueryFigures) => number) => figures.reduce((total, row) => total + pick(row), 0);
  return {
    searches: sum((row) => row.searches),
    distinctQueries: figures.length,
    zeroResultSearches: sum((row) => row.zeroResults),
    openedSearches: sum((row) => row.opened),
    top: figures.slice(0, QUERIES_PER_LIST),
    zeroResults: figures
      .filter((row) => row.zeroResults > 0)
      .sort((a, b) => b.zeroResults - a.zeroResults || a.query.localeCompare(b.query))
      .slice(0, QUERIES_PER_LIST),
    notOpened: figures.filter((row) => row.withResults > 0 && row.opened === 0).slice(0, QUERIES_PER_LIST),
  };
}

/**
 * The analytics page's view: the weeks offered and the chosen one's figures.
 * A week not among those offered (or none) means this week.
 */
export function getSearchAnalytics(actor: SessionUser, weekId: string | null, now = new Date(), db: Db = getDb()) {
  if (!holdsAny(actor, [ADMIN])) throw new ForbiddenError("Only administrators see what people search for");
  const weeks = recentWeeks(now);
  const week = weeks.find((candidate) => candidate.id === weekId) ?? (weeks[0] as SearchWeek);
  return {
    weeks: weeks.map(({ id, start }) => ({ id, start: start.toISOString() })),
    week: { id: week.id, start: week.start.toISOString(), end: week.end.toISOString() },
    ...analyseWeek(queryFiguresForWeek(week, db)),
  };
}
