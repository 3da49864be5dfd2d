/**
 * The relevance measures of `npm run eval:search` (decision 061): recall at k
 * and the reciprocal rank of the first relevant result, per query, then
 * averaged per category and overall. Pure functions over ranked record keys.
 */

export const CUTOFF = 5;

export interface Judgement {
  /** The records wanted. */
  expected: readonly string[];
  /** Any one of them answers the query. */
  anyOf?: boolean;
}

/**
 * The share of the wanted records in the first k results; for an "any of"
 * query, 1 when at least one of them is there. The denominator is never more
 * than k, so a query wanting more than k records can still score 1.
 */
export function recallAt(k: number, ranked: readonly string[], judgement: Judgement): number {
  const wanted = new Set(judgement.expected);
  if (wanted.size === 0) throw new Error("A query must want at least one record");
  const found = ranked.slice(0, k).filter((key) => wanted.has(key)).length;
  if (judgement.anyOf) return found > 0 ? 1 : 0;
  return found / Math.min(wanted.size, k);
}

/** 1 / the rank of the first wanted record (1 for first place); 0 when none is returned. */
export function reciprocalRank(ranked: readonly string[], judgement: Judgement): number {
  const wanted = new Set(judgement.expected);
  const index = ranked.findIndex((key) => wanted.has(key));
  return index === -1 ? 0 : 1 / (index + 1);
}

export interface QueryOutcome {
  q: string;
  category: string;
  recall: number;
  reciprocalRank: number;
  /** Results in all (not only the page). */
  total: number;
  /** Wanted records not in the first k (all wanted ones for an "any of" query that found none). */
  missed: string[];
  /** The first k results, as keys. */
  top: string[];
}

export function judge(
  query: Judgement & { q: string; category: string },
  ranked: readonly string[],
  total: number,
  k = CUTOFF,
): QueryOutcome {
  const top = ranked.slice(0, k);
  const recall = recallAt(k, ranked, query);
  const missed = query.anyOf && recall === 1 ? [] : query.expected.filter((key) => !top.includes(key));
  return {
    q: query.q,
    category: query.category,
    recall,
    reciprocalRank: reciprocalRank(ranked, query),
    total,
    missed,
    top,
  };
}

export interface Figures {
  queries: number;
  recallAt5: number;
  mrr: number;
  zeroResults: number;
  /** Queries with a wanted record missing from the first k. */
  missing: number;
}

function figuresOf(outcomes: readonly QueryOutcome[]): Figures {
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  return {
    queries: outcomes.length,
    recallAt5: mean(outcomes.map((outcome) => outcome.recall)),
    mrr: mean(outcomes.map((outcome) => outcome.reciprocalRank)),
    zeroResults: outcomes.filter((outcome) => outcome.total === 0).length,
    missing: outcomes.filter((outcome) => outcome.missed.length > 0).length,
  };
}

/**
 * Each category's figures (every query weighs the same within it) and the
 * overall figures (every query weighs the same, whatever its category), in
 * the order the categories are given.
 */
export function aggregate(
  outcomes: readonly QueryOutcome[],
  categories: readonly string[],
): { byCategory: Record<string, Figures>; overall: Figures } {
  const byCategory: Record<string, Figures> = {};
  for (const category of categories) {
    const own = outcomes.filter((outcome) => outcome.category === category);
    if (own.length > 0) byCategory[category] = figuresOf(own);
  }
  return { byCategory, overall: figuresOf(outcomes) };
}
