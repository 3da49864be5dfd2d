/**
 * Overload and slow requests against a started Hub with low limits: three
 * requests in flight at most, and three seconds to answer. Freezing its
 * Meilisearch (SIGSTOP) makes searches hang for as long as the test wants.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HubClient, signIn } from "../support/hub-client";
import { type RunningHub, startHub } from "../support/hub-server";
import { eventually } from "../support/wait";

let hub: RunningHub;
let admin: HubClient;

beforeAll(async () => {
  hub = await startHub({ env: { MAX_REQUESTS_IN_FLIGHT: "3", REQUEST_TIMEOUT_SECONDS: "3" } });
  admin = await signIn(hub.url);
}, 240_000);

afterAll(async () => {
  await hub?.stop();
});

function meilisearchPid(): number {
  return (JSON.parse(fs.readFileSync(path.join(hub.dataDir, "meili", "runtime.json"), "utf8")) as { meiliPid: number })
    .meiliPid;
}

/** Runs `work` while the Hub's Meilisearch is frozen: searches wait on it until its client gives up (5 s). */
async function withSearchFrozen<T>(work: () => Promise<T>): Promise<T> {
  const pid = meilisearchPid();
  process.kill(pid, "SIGSTOP");
  try {
    return await work();
  } finally {
    process.kill(pid, "SIGCONT");
  }
}

function someStaticAsset(): string {
  const file = fs.readdirSync("build/client/assets").find((name) => name.endsWith(".css"));
  if (!file) throw new Error("no built stylesheet");
  return `/assets/${file}`;
}

describe("under overload", () => {
  it("refuses requests past the limit at once with 503 and Retry-After; static files and health checks still answer; then ends the slow ones", async () => {
    await withSearchFrozen(async () => {
      const started = Date.now();
      const held = [1, 2, 3].map(() => admin.get("/search?q=teams"));
      // The three searches are in flight once a fourth request is refused.
      let refused: Response | undefined;
      await eventually(async () => {
        const response = await admin.get("/partners");
        if (response.status === 200) return false;
        refused = response;
        return true;
      }, 5_000);
      expect(refused?.status).toBe(503);
      expect(refused?.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await refused?.text()).toMatch(/busy with other requests/);

      expect((await fetch(`${hub.url}${someStaticAsset()}`)).status).toBe(200);
      // An orchestrator's probes must not see the load: it would restart or drain a healthy process.
      expect((await fetch(`${hub.url}/healthz/live`)).status).toBe(200);
      expect((await fetch(`${hub.url}/healthz/ready/`)).status).toBe(200);
      expect((await fetch(`${hub.url}/HEALTHZ/Live`)).status).toBe(200);
      const health = fetch(`${hub.url}/healthz`);

      // The time-out ends each held search with a page that quotes its request id.
      const heldIds: string[] = [];
      for (const answer of await Promise.all(held)) {
        expect(answer.status).toBe(503);
        expect(answer.headers.get("connection")).toBe("close");
        const id = answer.headers.get("x-request-id") ?? "";
        heldIds.push(id);
        expect(await answer.text()).toContain(
          `took too long to answer. Try again in a few seconds. Quote this reference if you report it: ${id}`,
        );
      }
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
      // Each ended three seconds after the Hub received it, as its own line says (a loaded machine may fire its
      // timer late, but not by a second: a four-second time-out would pass then).
      const endedAfter = hub
        .output()
        .split("\n")
        .filter((line) => line.includes("Request took too long; ended"))
        .map((line) => JSON.parse(line) as { requestId: string; ms: number });
      expect(endedAfter.map((line) => line.requestId).sort()).toEqual([...heldIds].sort());
      for (const { ms } of endedAfter) {
        // Node's timers and Date.now() tick on different clocks: a 3 s timer may read as 2,999 ms.
        expect(ms).toBeGreaterThanOrEqual(2_990);
        expect(ms).toBeLessThan(4_000);
      }
      expect((await health).status).toBe(200);
    });

    // The handlers finish late (Meilisearch's client gives up after 5 s): the Hub neither crashes nor logs a server error.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await admin.get("/search?q=teams")).status).toBe(200);
    expect((await admin.get("/partners")).status).toBe(200);
    const log = hub.output();
    expect(log.match(/Request took too long; ended/g)).toHaveLength(3);
    expect(log).not.toMatch(/Unexpected server error|ERR_HTTP_HEADERS_SENT/);
  });
});
