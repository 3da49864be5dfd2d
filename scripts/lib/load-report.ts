/** The load benchmark's figures as text: a table of targets, then the comparisons issue 8 sets targets for. */
import type { LoadResult } from "./load-run";

export interface PublishFigures {
  count: number;
  /** Posts not found within the timeout. */
  missing: number;
  /** Milliseconds. */
  p50: number;
  p95: number;
  max: number;
}

export interface SearchComparison {
  /** The Hub's /search requests per second over raw Meilisearch's, at the same concurrency. */
  searchToRawThroughput: number | null;
  /** One client each: p95 of the Hub's /search, of raw Meilisearch, and what the Hub adds. */
  singleClientP95: { hub: number; raw: number; difference: number } | null;
}

/** Compares `search` with `meili`, and `search-single` with `meili-single`, for whichever of them ran. */
export function compareSearch(results: readonly LoadResult[]): SearchComparison {
  const byName = new Map(results.map((result) => [result.name, result]));
  const search = byName.get("search");
  const raw = byName.get("meili");
  const single = byName.get("search-single");
  const rawSingle = byName.get("meili-single");
  return {
    searchToRawThroughput:
      search && raw && raw.requestsPerSecond > 0 ? search.requestsPerSecond / raw.requestsPerSecond : null,
    singleClientP95:
      single && rawSingle
        ? {
            hub: single.latency.p95,
            raw: rawSingle.latency.p95,
            difference: single.latency.p95 - rawSingle.latency.p95,
          }
        : null,
  };
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "n/a");

export function formatLoadReport(
  results: readonly LoadResult[],
  comparison: SearchComparison,
  publish: PublishFigures | undefined,
): string {
  const row = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(44) : cell.padStart([5, 8, 10, 10, 10, 8, 7][i - 1] ?? 8))).join(" ");
  const lines = [row(["target", "conns", "req/s", "p50", "p95", "p99", "non-2xx", "errors"])];
  for (const r of results) {
    lines.push(
      row([
        r.label,
        String(r.connections),
        r.requestsPerSecond.toFixed(1),
        ms(r.latency.p50),
        ms(r.latency.p95),
        ms(r.latency.p99),
        String(r.unexpected),
        String(r.errors),
      ]),
    );
  }
  lines.push(
    "  (non-2xx: any answer but the expected one, a 200, or for sign-in a 302; errors: no answer, timeouts after 10 s included)",
  );
  const search = results.find((r) => r.name === "search");
  const raw = results.find((r) => r.name === "meili");
  if (comparison.searchToRawThroughput !== null && search && raw) {
    lines.push(
      "",
      `Hub search / raw Meilisearch throughput: ${(comparison.searchToRawThroughput * 100).toFixed(0)}% (${search.requestsPerSecond.toFixed(1)} vs ${raw.requestsPerSecond.toFixed(1)} requests/s; target at least 60%)`,
    );
  }
  const single = comparison.singleClientP95;
  if (single) {
    lines.push(
      `One client, p95: Hub /search ${ms(single.hub)}, raw Meilisearch ${ms(single.raw)}: the Hub adds ${ms(single.difference)} (target within 10 ms)`,
    );
  }
  if (publish) {
    const missing = publish.missing > 0 ? `; ${publish.missing} not found within 30 s` : "";
    lines.push(
      `Publish to searchable (${publish.count} publishes): p50 ${ms(publish.p50)}, p95 ${ms(publish.p95)}, max ${ms(publish.max)}${missing} (target p95 under 1 s)`,
    );
  }
  return lines.join("\n");
}
