/**
 * With several worker processes, /metrics answers for the whole Hub whichever
 * worker is asked: the primary adds up every worker's counts and its own,
 * and the state gauges read from SQLite appear once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let primary: ChildProcess;
let port = 0;
let output = "";

/** A request on a connection of its own, so the cluster hands it to the next worker. */
function get(target: string): Promise<{ status: number; worker: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: target, agent: false }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, worker: String(response.headers["x-worker"]), body }),
        );
      })
      .on("error", reject);
  });
}

beforeAll(async () => {
  primary = spawn(process.execPath, ["--import", "tsx", "test/support/cluster-metrics-hub.ts"], {
    env: { ...process.env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  primary.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  port = await new Promise<number>((resolve, reject) => {
    primary.stdout?.once("data", (chunk) => resolve(Number(String(chunk).trim())));
    primary.once("exit", (code) => reject(new Error(`The cluster exited with ${code}:\n${output}`)));
  });
});

afterAll(async () => {
  if (primary && primary.exitCode === null) {
    const exited = new Promise((resolve) => primary.once("exit", resolve));
    primary.kill("SIGTERM");
    await exited;
  }
});

function sample(text: string, series: string): number[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith(`${series} `))
    .map((line) => Number(line.slice(series.length + 1)));
}

describe("metrics from several worker processes", () => {
  it("add up every worker's requests and the primary's own counts, whichever worker is scraped", async () => {
    const workers = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const response = await get("/count");
      expect(response.status).toBe(200);
      workers.add(response.worker);
    }
    expect(workers.size).toBe(2);

    const scrapedBy = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const { status, worker, body } = await get("/metrics");
      expect(status).toBe(200);
      scrapedBy.add(worker);
      expect(sample(body, 'hub_http_requests_total{method="GET",route="/count",status="200"}')).toEqual([20]);
      expect(
        sample(body, 'hub_http_request_duration_seconds_count{method="GET",route="/count",status_class="2xx"}'),
      ).toEqual([20]);
      // Counted in the primary, not in any worker.
      expect(sample(body, 'hub_search_errors_total{operation="write"}')).toEqual([1]);
      // Read from SQLite once per scrape, by the primary: one sample, not one per process.
      expect(sample(body, 'hub_event_backlog_events{consumer="search"}')).toEqual([0]);
      expect(sample(body, 'hub_sign_in_blocked_keys{scope="account"}')).toEqual([0]);
      expect(body).toContain("process_cpu_user_seconds_total");
    }
    expect(scrapedBy.size).toBe(2);
  });
});
