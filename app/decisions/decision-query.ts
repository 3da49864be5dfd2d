/** Reading the register's address: its filters and page. Client-safe: no server imports. */
import { DECISION_STATUSES, type DecisionStatus } from "../../db/enums";

/** The register's filters, in the order the page shows them. Values of one are OR'd; different ones AND'd. */
export const DECISION_FILTERS = ["board", "status", "year", "item"] as const;
export type DecisionFilter = (typeof DECISION_FILTERS)[number];

export interface DecisionQuery {
  board: string[];
  status: DecisionStatus[];
  year: string[];
  /** Roadmap items, by slug. */
  item: string[];
  page: number;
}

const SLUG = /^[a-z0-9-]{1,80}$/;
const MAX_VALUES = 20;

const ACCEPTS: Record<DecisionFilter, (value: string) => boolean> = {
  board: (value) => SLUG.test(value),
  status: (value) => (DECISION_STATUSES as readonly string[]).includes(value),
  year: (value) => /^\d{4}$/.test(value),
  item: (value) => SLUG.test(value),
};

/** Parses `/decisions?board=&status=&year=&item=&page=`; values that are not well formed are ignored. */
export function parseDecisionQuery(params: URLSearchParams): DecisionQuery {
  const valuesOf = (name: DecisionFilter) =>
    [
      ...new Set(
        params
          .getAll(name)
          .map((value) => value.trim())
          .filter(ACCEPTS[name]),
      ),
    ].slice(0, MAX_VALUES);
  const page = Number(params.get("page"));
  return {
    board: valuesOf("board"),
    status: valuesOf("status") as DecisionStatus[],
    year: valuesOf("year"),
    item: valuesOf("item"),
    page: Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The query string of a register address with these filters (no page). */
export function decisionSearch(query: Partial<DecisionQuery>): string {
  const params = new URLSearchParams();
  for (const name of DECISION_FILTERS) for (const value of query[name] ?? []) params.append(name, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}
