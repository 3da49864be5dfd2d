/**
 * One target of the load benchmark driven by autocannon: a short warm-up
 * whose figures are thrown away, then the measured run. Every response's
 * time is kept, so the percentiles are exact rather than read off
 * autocannon's histogram (which has no p95).
 */
import autocannon, { type Instance } from "autocannon";
import { type LatencySummary, summariseLatencies } from "./latency-summary";

export interface LoadTarget {
  /** Short name, for --only and the JSON. */
  name: string;
  /** What a reader of the figures sees. */
  label: string;
  url: string;
  connections: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** A body of its own for each connection (the n-th connection made), such as its own account. */
  bodyForConnection?: (n: number) => string;
  /** The answer every request should get: 200 unless said (a successful sign-in is a 302). */
  expectedStatus?: number;
}

export interface LoadResult {
  name: string;
  label: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Milliseconds. */
  latency: LatencySummary;
  /** Responses with another status than the expected one. */
  unexpected: number;
  statuses: Record<string, number>;
  /** Requests that got no response at all, timeouts included. */
  errors: number;
  /** Of those, the ones still unanswered after 10 s. */
  timeouts: number;
}

let running: Instance | undefined;

/** Stops the run under way, if any (it then ends as if its time were up). */
export function stopLoad(): void {
  running?.stop();
}

async function fire(target: LoadTarget, seconds: number) {
  let connection = 0;
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: target.url,
    connections: target.connections,
    duration: seconds,
    timeout: 10,
    method: target.method ?? "GET",
    headers: target.headers ?? {},
    body: target.body,
    setupClient: target.bodyForConnection
      ? (client) => {
          client.setBody(target.bodyForConnection?.(connection++));
        }
      : undefined,
  });
  running = instance;
  instance.on("response", (_client, status, _bytes, responseTime) => {
    times.push(responseTime);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  try {
    const result = await instance;
    return { result, times, statuses };
  } finally {
    running = undefined;
  }
}

export async function runLoad(
  target: LoadTarget,
  { seconds, warmupSeconds }: { seconds: number; warmupSeconds: number },
) {
  if (warmupSeconds > 0) await fire(target, warmupSeconds);
  const { result, times, statuses } = await fire(target, seconds);
  const expected = String(target.expectedStatus ?? 200);
  const requests = times.length;
  return {
    name: target.name,
    label: target.label,
    connections: target.connections,
    seconds: result.duration,
    requests,
    requestsPerSecond: result.duration > 0 ? requests / result.duration : 0,
    latency: summariseLatencies(times),
    unexpected: requests - (statuses[expected] ?? 0),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  } satisfies LoadResult;
}
