/**
 * The process's Prometheus metrics (prom-client): what each process counts as
 * it works. Gauges of the Hub's state, read from SQLite when scraped, are in
 * app/operations/state-gauges.server.ts; gathering the processes of a cluster
 * is app/operations/cluster-metrics.server.ts.
 * One registry per process, shared by both copies of the app's modules
 * (see process-wide.ts).
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import { processWide } from "./process-wide";

/** Seconds: from a cheap health check to a slow search or sign-in. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface HubMetrics {
  registry: Registry;
  /** Requests answered (or abandoned, status 499), by method, route pattern and status. */
  httpRequests: Counter<"method" | "route" | "status">;
  httpRequestDuration: Histogram<"method" | "route" | "status_class">;
  /** Sign-in attempts refused because the account or the address must wait (decision 018). */
  signInThrottled: Counter<"scope">;
  /** Meilisearch calls that failed: queries (search pages) and writes (the relay, rebuilds). */
  searchErrors: Counter<"operation">;
}

function createHubMetrics(): HubMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: "hub_http_requests_total",
      help: "HTTP requests by method, route pattern and status (499: the client closed the connection first).",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpRequestDuration: new Histogram({
      name: "hub_http_request_duration_seconds",
      help: "Time from a request's arrival to its last byte sent, by method, route pattern and status class.",
      labelNames: ["method", "route", "status_class"],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    signInThrottled: new Counter({
      name: "hub_sign_in_throttled_total",
      help: "Sign-in attempts refused by throttling, by the scope that made them wait (account or address).",
      labelNames: ["scope"],
      registers: [registry],
    }),
    searchErrors: new Counter({
      name: "hub_search_errors_total",
      help: "Meilisearch calls that failed, by operation (query: searches and suggestions; write: indexing).",
      labelNames: ["operation"],
      registers: [registry],
    }),
  };
}

export function hubMetrics(): HubMetrics {
  return processWide("metrics", createHubMetrics);
}

export function countSearchError(operation: "query" | "write"): void {
  hubMetrics().searchErrors.inc({ operation });
}

export function countThrottledSignIn(scope: "account" | "address"): void {
  hubMetrics().signInThrottled.inc({ scope });
}
