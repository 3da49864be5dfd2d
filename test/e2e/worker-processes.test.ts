/**
 * WEB_CONCURRENCY: the Hub served by several worker processes on one port,
 * sharing one database and one Meilisearch, with one search relay. This file
 * runs its own Hub, and kills one of its workers.
 */
import fs from "node:fs";
import http from "node:http";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { postForm, uniqueTitle } from "../support/e2e-posts";
import { searchBacklog } from "../support/hub-data";
import { startHub } from "../support/hub-server";
import { eventually } from "../support/wait";

const e2e = e2eFixture({ env: { WEB_CONCURRENCY: "2" } });

/** The Hub's own processes (primary and workers, each a Node run with --import tsx), found by their data folder. */
function hubProcesses(dataDir: string): { pid: number; parent: number }[] {
  const found: { pid: number; parent: number }[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = fs.readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!environ.includes(`DATA_DIR=${dataDir}`) || !cmdline.includes("--import")) continue;
      const parent = Number(fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ")[1]);
      found.push({ pid: Number(entry), parent });
    } catch {
      // The process ended while being read.
    }
  }
  return found;
}

function workersOf(dataDir: string): number[] {
  const processes = hubProcesses(dataDir);
  const pids = new Set(processes.map((process) => process.pid));
  return processes.filter((process) => pids.has(process.parent)).map((process) => process.pid);
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

describe("a Hub with two worker processes", () => {
  it("serves from both, and writes made through any of them reach search through one relay", async () => {
    // The Hub says so once every worker listens (the first may answer before).
    await eventually(() => e2e.hub.output().includes("Serving from 2 worker processes"));
    expect(workersOf(e2e.hub.dataDir)).toHaveLength(2);

    const cookie = await signIn(e2e.baseUrl, "editor.torfaen@demo.srs-hub.test");
    const titles = Array.from({ length: 6 }, () => uniqueTitle("Written through a worker"));
    // Six connections, so both workers take some of the writes.
    const slugs = await Promise.all(
      titles.map(async (title) => {
        const response = await fetch(`${e2e.baseUrl}/posts/new?kind=lesson`, {
          method: "POST",
          headers: { Origin: e2e.baseUrl, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(postForm({ title, status: "published" })),
          redirect: "manual",
        });
        expect(response.status).toBe(302);
        return (response.headers.get("location") ?? "").replace("/posts/", "");
      }),
    );
    for (const [index, title] of titles.entries()) {
      await eventually(async () => {
        const page = await fetch(`${e2e.baseUrl}/search?${new URLSearchParams({ q: title })}`, {
          headers: { Cookie: cookie },
        }).then((response) => response.text());
        return page.includes(`href="/posts/${slugs[index]}"`);
      }, 15_000);
    }
    // The primary relays; no worker ever competes for the lease.
    expect(e2e.hub.output()).not.toContain("standing by");

    // Whichever worker answers /metrics, it counts every worker's requests: all six writes.
    for (let scrape = 0; scrape < 4; scrape++) {
      const metrics = await fetch(`${e2e.baseUrl}/metrics`).then((response) => response.text());
      const writes = metrics
        .split("\n")
        .filter((line) => line.startsWith("hub_http_requests_total{") && line.includes('method="POST"'))
        .filter((line) => line.includes('route="/posts/new"'))
        .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
      expect(writes).toBe(6);
    }
  });

  it("replaces a worker that dies, and keeps answering", async () => {
    const [victim, survivor] = workersOf(e2e.hub.dataDir);
    expect(victim).toBeDefined();
    process.kill(victim as number, "SIGKILL");
    await eventually(() => e2e.hub.output().includes(`Worker ${victim} exited (signal SIGKILL); starting another.`));
    await eventually(() => {
      const workers = workersOf(e2e.hub.dataDir);
      return workers.length === 2 && !workers.includes(victim as number) && workers.includes(survivor as number);
    }, 20_000);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${e2e.baseUrl}/login`).then((response) => response.status)),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe("stopping a Hub with worker processes", () => {
  it("stops every worker, the primary and its Meilisearch", async () => {
    const hub = await startHub({ env: { WEB_CONCURRENCY: "2" } });
    const dataDir = hub.dataDir;
    const meiliPid = JSON.parse(fs.readFileSync(`${dataDir}/meili/runtime.json`, "utf8")).meiliPid as number;
    expect(hubProcesses(dataDir)).toHaveLength(3);
    const output = hub.output;
    // From a Hub at rest: the relay may still be sending the demo content to Meilisearch.
    await eventually(async () => (await searchBacklog(hub.url)) === 0, 60_000, 200);
    // A browser's kept-alive connection, idle after its answer, must not hold the stop up (it used to: 10 s).
    const browserLike = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) =>
      http
        .get(`${hub.url}/login`, { agent: browserLike }, (response) => response.resume().on("end", resolve))
        .on("error", reject),
    );
    const stopping = Date.now();
    await hub.stop();
    // Well under the 10 s after which a stop gives up waiting and exits anyway.
    expect(Date.now() - stopping).toBeLessThan(8_000);
    browserLike.destroy();
    expect(hubProcesses(dataDir)).toEqual([]);
    expect(fs.existsSync(`/proc/${meiliPid}`)).toBe(false);
    expect(output()).not.toContain("starting another");
  });
});
