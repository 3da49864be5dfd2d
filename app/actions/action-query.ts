/** Reading the address of /actions: filters, "show done and dropped", page. Client-safe. */

/** The list's filters, in the order the page shows them. Values of one are OR'd; different ones AND'd. */
export const ACTION_FILTERS = ["board", "partner", "owner"] as const;
export type ActionFilter = (typeof ACTION_FILTERS)[number];

export interface ActionQuery {
  board: string[];
  partner: string[];
  /** Account ids, or `me` for the person reading. */
  owner: string[];
  /** Done and dropped actions too, not only open ones. */
  all: boolean;
  page: number;
}

export const ACTIONS_PAGE_SIZE = 25;
const SLUG = /^[a-z0-9-]{1,80}$/;
const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_VALUES = 20;

const ACCEPTS: Record<ActionFilter, (value: string) => boolean> = {
  board: (value) => SLUG.test(value),
  partner: (value) => SLUG.test(value),
  owner: (value) => ACCOUNT_ID.test(value),
};

/** Parses `/actions?board=&partner=&owner=&all=1&page=`; values not well formed are ignored, never an error. */
export function parseActionQuery(params: URLSearchParams): ActionQuery {
  const valuesOf = (name: ActionFilter) =>
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
    partner: valuesOf("partner"),
    owner: valuesOf("owner"),
    all: params.get("all") === "1",
    page: Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The query string of an /actions address, without its page. */
export function actionSearch(query: Omit<ActionQuery, "page">): string {
  const params = new URLSearchParams();
  for (const name of ACTION_FILTERS) for (const value of query[name]) params.append(name, value);
  if (query.all) params.set("all", "1");
  const search = params.toString();
  return search ? `?${search}` : "";
}
