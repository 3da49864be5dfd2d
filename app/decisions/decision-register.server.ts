/**
 * The register of decisions (decision 053): every decision, newest first,
 * with the filters board, status, year and roadmap item and their
 * disjunctive counts (each filter's counts apply the other filters). A
 * confidential decision the reader may not read keeps its row (reference,
 * date, board, status, "Restricted"), and is counted by board, status and
 * year, which the row shows anyway; its links are content, so it is never
 * counted or found by roadmap item. The register is read whole from SQLite
 * in two queries: boards hold hundreds of decisions, not millions.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DecisionStatus } from "../../db/enums";
import { boards, decisions, meetings, recordLinks, roadmapItems, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { boardContentVisibleTo } from "../boards/board-access.server";
import { inLocale } from "../i18n/bilingual";
import type { Locale } from "../i18n/translate";
import { type Db, getDb } from "../platform/db.server";
import type { FacetCount } from "../search/finder-results";
import { DECISION_FILTERS, type DecisionFilter, type DecisionQuery } from "./decision-query";

/** Decisions on one page of the register. */
export const REGISTER_PAGE_SIZE = 25;

export interface RegisterRow {
  reference: string;
  /** The meeting's day, ISO. */
  date: string;
  year: number;
  board: { slug: string; name: string };
  status: DecisionStatus;
  meetingId: number;
  /** Null when restricted: the reader may not read its content. */
  content: {
    title: string;
    decisionMaker: string;
    effectiveDate: string | null;
    leadOfficer: string | null;
    items: { slug: string; title: string }[];
  } | null;
}

export interface Register {
  rows: RegisterRow[];
  total: number;
  page: number;
  pageCount: number;
  facets: Record<DecisionFilter, FacetCount[]>;
  /** Labels for filter values (boards' and items' names). */
  labels: { board: Record<string, string>; item: Record<string, string> };
}

/** Every decision with what the register needs, newest first, content only where the reader may read it. */
export function registerRows(reader: SessionUser, locale: Locale, db: Db = getDb()): RegisterRow[] {
  const rows = db
    .select({
      id: decisions.id,
      reference: decisions.reference,
      year: decisions.year,
      status: decisions.status,
      meetingId: decisions.meetingId,
      startsAt: meetings.startsAt,
      boardSlug: boards.slug,
      boardName: boards.name,
      title: decisions.title,
      titleCy: decisions.titleCy,
      decisionMaker: decisions.decisionMaker,
      effectiveDate: decisions.effectiveDate,
      leadOfficer: users.name,
      readable: boardContentVisibleTo(reader, decisions.boardId, decisions.confidential).mapWith(Boolean),
    })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .innerJoin(boards, eq(boards.id, decisions.boardId))
    .leftJoin(users, eq(users.id, decisions.leadOfficerId))
    .orderBy(desc(meetings.startsAt), desc(decisions.number), asc(decisions.reference))
    .all();
  const readableIds = rows.filter((row) => row.readable).map((row) => String(row.id));
  const itemsOf = new Map<string, { slug: string; title: string }[]>();
  if (readableIds.length > 0) {
    const links = db
      .select({ decisionId: recordLinks.subjectId, slug: roadmapItems.slug, title: roadmapItems.title })
      .from(recordLinks)
      .innerJoin(roadmapItems, eq(recordLinks.objectId, sql`cast(${roadmapItems.id} as text)`))
      .where(
        and(
          eq(recordLinks.subjectType, "decision"),
          eq(recordLinks.relation, "affects"),
          eq(recordLinks.objectType, "roadmap_item"),
          inArray(recordLinks.subjectId, readableIds),
        ),
      )
      .orderBy(asc(roadmapItems.title))
      .all();
    for (const link of links) {
      itemsOf.set(link.decisionId, [...(itemsOf.get(link.decisionId) ?? []), { slug: link.slug, title: link.title }]);
    }
  }
  return rows.map((row) => ({
    reference: row.reference,
    date: row.startsAt.toISOString(),
    year: row.year,
    board: { slug: row.boardSlug, name: row.boardName },
    status: row.status,
    meetingId: row.meetingId,
    content: row.readable
      ? {
          title: inLocale(row.title, row.titleCy, locale).text,
          decisionMaker: row.decisionMaker,
          effectiveDate: row.effectiveDate,
          leadOfficer: row.leadOfficer,
          items: itemsOf.get(String(row.id)) ?? [],
        }
      : null,
  }));
}

/** A row's values for one filter: a restricted row has no roadmap items. */
function valuesOf(row: RegisterRow, name: DecisionFilter): string[] {
  switch (name) {
    case "board":
      return [row.board.slug];
    case "status":
      return [row.status];
    case "year":
      return [String(row.year)];
    case "item":
      return row.content?.items.map((item) => item.slug) ?? [];
  }
}

function matches(row: RegisterRow, query: DecisionQuery, except?: DecisionFilter): boolean {
  return DECISION_FILTERS.every((name) => {
    const chosen = query[name] as string[];
    return name === except || chosen.length === 0 || valuesOf(row, name).some((value) => chosen.includes(value));
  });
}

/** The register's rows matching the query (every page), newest first. */
export function filteredRegister(reader: SessionUser, query: DecisionQuery, locale: Locale, db: Db = getDb()) {
  const all = registerRows(reader, locale, db);
  return { all, rows: all.filter((row) => matches(row, query)) };
}

/** One page of the register, with its filters' counts. */
export function decisionRegister(
  reader: SessionUser,
  query: DecisionQuery,
  locale: Locale,
  db: Db = getDb(),
): Register {
  const { all, rows } = filteredRegister(reader, query, locale, db);
  const facets = Object.fromEntries(
    DECISION_FILTERS.map((name) => {
      const counts = new Map<string, number>();
      for (const row of all) {
        if (!matches(row, query, name)) continue;
        for (const value of valuesOf(row, name)) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      const ordered = [...counts].map(([value, count]) => ({ value, count }));
      // Years newest first; the rest by how many they hold.
      ordered.sort((a, b) =>
        name === "year" ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value),
      );
      return [name, ordered];
    }),
  ) as Record<DecisionFilter, FacetCount[]>;
  const labels = { board: {} as Record<string, string>, item: {} as Record<string, string> };
  for (const row of all) {
    labels.board[row.board.slug] = row.board.name;
    for (const item of row.content?.items ?? []) labels.item[item.slug] = item.title;
  }
  const pageCount = Math.max(1, Math.ceil(rows.length / REGISTER_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  return {
    rows: rows.slice((page - 1) * REGISTER_PAGE_SIZE, page * REGISTER_PAGE_SIZE),
    total: rows.length,
    page,
    pageCount,
    facets,
    labels,
  };
}
