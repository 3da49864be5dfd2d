/**
 * `npm run bench:search [-- --posts N]`: loads the demo content plus N
 * generated posts (default 10,000) into a temporary data folder, indexes them,
 * then measures raw Meilisearch searches and the Hub's own /search page for a
 * fixed list of queries, in the same run. Prints the figures; asserts nothing.
 */
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

const { closeDb } = await import("../app/platform/db.server");
const { createUser } = await import("../app/auth/users.server");
const { reindexAll } = await import("../app/search/reindex.server");
const { relayAll } = await import("../app/search/search-relay.server");
const { markIndexCurrent } = await import("../app/search/relay-runner.server");
const { getSearchClient } = await import("../app/search/meili.server");
const { ensureIndex, SEARCH_INDEX } = await import("../app/search/index-settings.server");
const { searchPageParams } = await import("../app/search/finder.server");
const { parseSearchQuery } = await import("../app/search/search-query");
const { getSearchConnection } = await import("../app/platform/env.server");
const { connectSearch } = await import("../server/search-runtime");
const { seedBenchDatabase } = await import("./lib/bench-database");
const { startBenchHub, signIn } = await import("./lib/bench-hub");
const { summariseLatencies } = await import("./lib/latency-summary");

let hub: Awaited<ReturnType<typeof startBenchHub>> | undefined;
let stopSearch = async () => {};

try {
  console.log(`Data folder: ${dataDir}`);
  const seeded = seedBenchDatabase(POSTS);
  console.log(`Generated ${POSTS} posts in SQLite in ${seeded.seconds.toFixed(1)} s.`);

  const search = await connectSearch();
  if (search.mode === "off") throw new Error("No Meilisearch available");
  stopSearch = async () => search.managed?.stop();

  // The event log holds an event for every post inserted above: relay it into
  // an empty index (the relay's path), then rebuild from scratch (the reindex path).
  await ensureIndex();
  const started = performance.now();
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

  const connection = getSearchConnection();
  hub = await startBenchHub({ dataDir, env: { MEILI_URL: connection?.url, MEILI_MASTER_KEY: connection?.apiKey } });
  const url = hub.url;
  const cookie = await signIn(url, reader.email, "bench-password-123");

  const index = getSearchClient().index(SEARCH_INDEX);
  // Exactly what the search page asks for this reader.
  const rawSearch = (q: string) =>
    index.search(q, searchPageParams(reader, parseSearchQuery(new URLSearchParams({ q }))));
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
  const rawStats = summariseLatencies(raw);
  const pageStats = summariseLatencies(page);
  const engineStats = summariseLatencies(engineMs);
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
  await hub?.stop();
  await stopSearch();
  closeDb();
  if (!args.keep) fs.rmSync(dataDir, { recursive: true, force: true });
}
