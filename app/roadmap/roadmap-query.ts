/** Reading the roadmap views' address: which view, which filters. Client-safe: no server imports. */
import { RAG_RATINGS, type RagRating, ROADMAP_STATUSES, type RoadmapStatus } from "../../db/enums";

export const ROADMAP_VIEWS = ["board", "timeline"] as const;
export type RoadmapView = (typeof ROADMAP_VIEWS)[number];

/** The roadmap's filters, in the order the page shows them. Values of one are OR'd; different ones AND'd. */
export const ROADMAP_FILTERS = ["partner", "theme", "status", "rag"] as const;
export type RoadmapFilter = (typeof ROADMAP_FILTERS)[number];

/** An item's latest rating, or `none` while it has had no progress update. */
export type RagValue = RagRating | "none";
export const RAG_VALUES: readonly RagValue[] = [...RAG_RATINGS, "none"];

export interface RoadmapQuery {
  view: RoadmapView;
  partner: string[];
  theme: string[];
  status: RoadmapStatus[];
  rag: RagValue[];
}

const SLUG = /^[a-z0-9-]{1,80}$/;
const MAX_VALUES = 20;

const ACCEPTS: Record<RoadmapFilter, (value: string) => boolean> = {
  partner: (value) => SLUG.test(value),
  theme: (value) => SLUG.test(value),
  status: (value) => (ROADMAP_STATUSES as readonly string[]).includes(value),
  rag: (value) => (RAG_VALUES as readonly string[]).includes(value),
};

/**
 * Parses `/roadmap?view=&partner=&theme=&status=&rag=` (each filter may come
 * several times). Values that are not well formed are ignored, never an error.
 */
export function parseRoadmapQuery(params: URLSearchParams): RoadmapQuery {
  const valuesOf = (name: RoadmapFilter) =>
    [
      ...new Set(
        params
          .getAll(name)
          .map((value) => value.trim())
          .filter(ACCEPTS[name]),
      ),
    ].slice(0, MAX_VALUES);
  const view = params.get("view");
  return {
    view: view === "timeline" ? "timeline" : "board",
    partner: valuesOf("partner"),
    theme: valuesOf("theme"),
    status: valuesOf("status") as RoadmapStatus[],
    rag: valuesOf("rag") as RagValue[],
  };
}

/** The query string of a roadmap address (the filters, and the view unless it is the board). */
export function roadmapSearch(query: Partial<RoadmapQuery>, withView = true): string {
  const params = new URLSearchParams();
  if (withView && query.view && query.view !== "board") params.set("view", query.view);
  for (const name of ROADMAP_FILTERS) for (const value of query[name] ?? []) params.append(name, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export function isRoadmapFiltered(query: RoadmapQuery): boolean {
  return ROADMAP_FILTERS.some((name) => query[name].length > 0);
}

/** `2026-Q3` as a number of quarters, for ordering and spans; null when it is not a quarter. */
export function quarterIndex(quarter: string): number | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return match ? Number(match[1]) * 4 + Number(match[2]) - 1 : null;
}

/** The quarter a number of quarters names, as `2026-Q3`. */
export function quarterAt(index: number): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
