/**
 * `npm run bench:search [-- --posts N]`: loads the demo content plus N
 * generated posts (default 10,000) into a temporary data folder, indexes them,
 * then measures raw Meilisearch searches and the Hub's own /search page for a
 * fixed list of queries, in the same run. Prints the figures; asserts nothing.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    posts: { type: "string", default: "10000" },
    repeat: { type: "string", default: "20" },
    keep: { type: "boolean", default: false },
  },
});
const POSTS = Number(args.posts);
const REPEAT = Number(args.repeat);
if (!Number.isInteger(POSTS) || POSTS < 0 || !Number.isInteger(REPEAT) || REPEAT < 1) {
  console.error("Usage: npm run bench:search -- [--posts N] [--repeat R] [--keep]");
  process.exit(2);
}

const QUERIES = [
  "teams",
  "Micosoft Teems",
  "M365 licensing",
  "cyber incident response",
  "digital inclusion",
  "cloud backup",
  "two-factor",
  "social care case management",
  "ISDN switch-off",
  "body-worn video",
  "apprenticeships",
  "generative AI guardrails",
];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-bench-"));
process.env.DATA_DIR = dataDir;
process.env.NODE_ENV = "production";
process.env.LOAD_DEMO_CONTENT = "false";

const { writeTransaction, closeDb } = await import("../app/platform/db.server");
const { migrateDatabase } = await import("../app/platform/migrate.server");
const { readContentDirectory } = await import("../app/content/content-files.server");
const { importContent } = await import("../app/content/import-content.server");
const { insertPost } = await import("../app/posts/post-writes.server");
const { renderPostMarkdown } = await import("../app/posts/post-rendering.server");
const { listPartners } = await import("../app/partners/partners.server");
const { createUser } = await import("../app/auth/users.server");
const { reindexAll } = await import("../app/search/reindex.server");
const { relayAll } = await import("../app/search/search-relay.server");
const { markIndexCurrent } = await import("../app/search/relay-runner.server");
const { getSearchClient } = await import("../app/search/meili.server");
const { ensureIndex, SEARCH_INDEX } = await import("../app/search/index-settings.server");
const { getSearchConnection } = await import("../app/platform/env.server");
const { connectSearch } = await import("../server/search-runtime");
const { generatePosts } = await import("./lib/generate-posts");
const { freeLocalPort } = await import("../server/meilisearch-process");

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
}

async function waitForHub(url: string, hub: ChildProcess, log: () => string) {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (hub.exitCode !== null) throw new Error(`The Hub exited:\n${log()}`);
    const ok = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The Hub did not start:\n${log()}`);
}

let hub: ChildProcess | undefined;
let stopSearch = async () => {};

try {
  console.log(`Data folder: ${dataDir}`);
  migrateDatabase();
  importContent(readContentDirectory("content"));
  const partnerIds = new Map(listPartners().map((partner) => [partner.slug, partner.id]));

  let started = performance.now();
  const generated = generatePosts(POSTS);
  for (let offset = 0; offset < generated.length; offset += 1000) {
    writeTransaction((tx) => {
      for (const post of generated.slice(offset, offset + 1000)) {
        insertPost(tx, {
          input: post,
          rendered: renderPostMarkdown(post),
          partnerId: partnerIds.get(post.partner) ?? 0,
          partnerSlug: post.partner,
          actorId: null,
          source: "script",
          now: new Date(),
          publishedAt: post.status === "published" ? post.publishedAt : null,
        });
      }
    });
  }
  console.log(`Generated ${POSTS} posts in SQLite in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

  const search = await connectSearch();
  if (search.mode === "off") throw new Error("No Meilisearch available");
  stopSearch = async () => search.managed?.stop();

  // The event log holds an event for every post inserted above: relay it into
  // an empty index (the relay's path), then rebuild from scratch (the reindex path).
  await ensureIndex();
  started = performance.now();
  const relayed = await relayAll({ batchSize: 500 });
  const relaySeconds = (performance.now() - started) / 1000;
  const reindex = await reindexAll({ batchSize: 1000 });
  markIndexCurrent();
  const reader = await createUser({
    email: "bench.reader@example.test",
    name: "Bench Reader",
    role: "reader",
    partnerSlug: "srs",
    password: "bench-password-123",
  });

  const port = await freeLocalPort();
  const url = `http://127.0.0.1:${port}`;
  let hubLog = "";
  const connection = getSearchConnection();
  hub = spawn(path.resolve("node_modules/.bin/tsx"), ["server/index.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      MEILI_URL: connection?.url,
      MEILI_MASTER_KEY: connection?.apiKey,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  hub.stdout?.on("data", (chunk) => {
    hubLog += chunk;
  });
  hub.stderr?.on("data", (chunk) => {
    hubLog += chunk;
  });
  await waitForHub(url, hub, () => hubLog);

  const login = await fetch(`${url}/login`, {
    method: "POST",
    headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: reader.email, password: "bench-password-123" }),
    redirect: "manual",
  });
  const cookie = login.headers.get("set-cookie")?.split(";")[0];
  if (login.status !== 302 || !cookie) throw new Error(`Sign-in failed: ${login.status}`);

  const index = getSearchClient().index(SEARCH_INDEX);
  const rawSearch = (q: string) =>
    index.search(q, {
      filter: ['visibility IN ["everyone"]'],
      facets: ["type", "kind", "partners", "tags", "year"],
      page: 1,
      hitsPerPage: 10,
      attributesToHighlight: ["title", "summary"],
      attributesToCrop: ["body"],
      cropLength: 40,
    });
  const hubSearch = async (q: string) => {
    const response = await fetch(`${url}/search?${new URLSearchParams({ q })}`, { headers: { Cookie: cookie } });
    if (response.status !== 200) throw new Error(`/search answered ${response.status}`);
    await response.text();
  };

  for (const q of QUERIES) {
    await rawSearch(q);
    await hubSearch(q);
  }
  // Each kind is measured in its own phase, one request at a time, so neither
  // waits behind the other's leftover work.
  const raw: number[] = [];
  const engineMs: number[] = [];
  for (let round = 0; round < REPEAT; round++) {
    for (const q of QUERIES) {
      const t = performance.now();
      const response = await rawSearch(q);
      raw.push(performance.now() - t);
      engineMs.push(response.processingTimeMs);
    }
  }
  const page: number[] = [];
  for (let round = 0; round < REPEAT; round++) {
    for (const q of QUERIES) {
      const t = performance.now();
      await hubSearch(q);
      page.push(performance.now() - t);
    }
  }
  const rawStats = summarise(raw);
  const pageStats = summarise(page);
  const engineStats = summarise(engineMs);
  const total = (await index.getStats()).numberOfDocuments;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`
Search benchmark: ${total} documents (demo content + ${POSTS} generated), ${QUERIES.length} queries x ${REPEAT} rounds
  Indexing, search relay into an empty index: ${relayed.indexed} documents in ${relaySeconds.toFixed(1)} s = ${Math.round(relayed.indexed / relaySeconds)} documents/s
  Indexing, full reindex with swap:           ${reindex.documents} documents in ${reindex.seconds.toFixed(1)} s = ${Math.round(reindex.documentsPerSecond)} documents/s
  Raw Meilisearch search (HTTP, client):      p50 ${ms(rawStats.p50)}   p95 ${ms(rawStats.p95)}   (engine time p50 ${ms(engineStats.p50)}, p95 ${ms(engineStats.p95)})
  Hub /search page (signed in, rendered):     p50 ${ms(pageStats.p50)}   p95 ${ms(pageStats.p95)}
  Page / raw ratio:                           p50 ${(pageStats.p50 / rawStats.p50).toFixed(1)}x   p95 ${(pageStats.p95 / rawStats.p95).toFixed(1)}x
  Machine: ${os.cpus().length} cores, Node ${process.version}`);
} finally {
  if (hub && hub.exitCode === null) {
    const exited = new Promise((resolve) => hub?.once("exit", resolve));
    hub.kill("SIGTERM");
    await exited;
  }
  await stopSearch();
  closeDb();
  if (!args.keep) fs.rmSync(dataDir, { recursive: true, force: true });
}
