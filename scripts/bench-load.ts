/**
 * `npm run bench:load [-- options]`: the built Hub in production mode, with
 * the demo content plus N generated posts and its own Meilisearch, driven
 * over loopback by autocannon, page by page; then publish-to-searchable
 * latency. Prints the figures (and writes them as JSON if asked); asserts
 * nothing. See docs/performance.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureBuild } from "../server/ensure-build";
import type { PublishFigures } from "./lib/load-report";
import type { LoadResult, LoadTarget } from "./lib/load-run";

const TARGET_NAMES = [
  "healthz",
  "home",
  "post",
  "posts",
  "roadmap",
  "search",
  "meili",
  "suggest",
  "login",
  "search-single",
  "meili-single",
  "publish",
] as const;
type TargetName = (typeof TARGET_NAMES)[number];

const USAGE = `Usage: npm run bench:load -- [--posts N] [--duration S] [--connections C] [--workers W]
  [--publishes P] [--warmup S] [--only ${TARGET_NAMES.join(",")}] [--json FILE] [--profile DIR]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values: args } = parseArgs({
  options: {
    posts: { type: "string", default: "10000" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    workers: { type: "string" },
    publishes: { type: "string", default: "20" },
    warmup: { type: "string", default: "2" },
    only: { type: "string" },
    json: { type: "string" },
    profile: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

function wholeNumber(name: string, value: string | undefined, min: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) fail(`--${name} must be a whole number of at least ${min}.`);
  return number;
}

const POSTS = wholeNumber("posts", args.posts, 0);
const SECONDS = wholeNumber("duration", args.duration, 1);
const CONNECTIONS = wholeNumber("connections", args.connections, 1);
const WORKERS = args.workers === undefined ? undefined : wholeNumber("workers", args.workers, 1);
const PUBLISHES = wholeNumber("publishes", args.publishes, 1);
const WARMUP = wholeNumber("warmup", args.warmup, 0);
const only = new Set(args.only?.split(",").map((name) => name.trim()) ?? TARGET_NAMES);
for (const name of only) {
  if (!(TARGET_NAMES as readonly string[]).includes(name)) fail(`--only: "${name}" is not a target.`);
}
const runs = (name: TargetName) => only.has(name);

const SEARCH_QUERY = "teams";
const SUGGEST_QUERY = "team";
const PASSWORD = "load-bench-password-7Q";
const PARTNER = "torfaen";
// Browsers ask for compressed pages: the Hub's answers are measured as they would send them.
const BROWSER_HEADERS = { "Accept-Encoding": "gzip, deflate, br", "User-Agent": "Mozilla/5.0 (bench:load)" };

// Before the data folder exists: a failed build exits the process. Its log goes beside the data folders, not
// to the default data folder: reading the settings now would fix DATA_DIR before it is set below.
ensureBuild(console.log, { logFile: path.join(os.tmpdir(), "srs-hub-load-build.log") });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-load-"));
process.env.DATA_DIR = dataDir;
process.env.NODE_ENV = "production";
process.env.LOAD_DEMO_CONTENT = "false";
// The index is built in the data folder's own Meilisearch, never in one named by the environment.
delete process.env.MEILI_URL;
delete process.env.MEILI_MASTER_KEY;

const { getEnv } = await import("../app/platform/env.server");
// The settings are read once per process: had anything read them before DATA_DIR was set, the benchmark
// would write its posts into the default data folder.
if (path.resolve(getEnv().dataDir) !== path.resolve(dataDir)) {
  fail(`The settings were read before DATA_DIR was set: the data folder is ${getEnv().dataDir}, not ${dataDir}.`);
}
const { closeDb } = await import("../app/platform/db.server");
const { createUser } = await import("../app/auth/users.server");
const { SEARCH_INDEX } = await import("../app/search/index-settings.server");
const { suggestionParams } = await import("../app/search/search.server");
const { searchPageParams } = await import("../app/search/finder.server");
const { parseSearchQuery } = await import("../app/search/search-query");
const { indexBenchDatabase, seedBenchDatabase } = await import("./lib/bench-database");
const { startBenchHub, signIn } = await import("./lib/bench-hub");
const { hubMeilisearch, meiliRequest, waitUntilSearchCaughtUp } = await import("./lib/hub-meilisearch");
const { runLoad, stopLoad } = await import("./lib/load-run");
const { compareSearch, formatLoadReport } = await import("./lib/load-report");
const { measurePublishToSearch } = await import("./lib/publish-to-search");
const { summariseLatencies } = await import("./lib/latency-summary");
const { cpuProfilesWrittenSince, formatCpuProfileSummary, isMainThreadProfile, readCpuProfile, summariseCpuProfiles } =
  await import("./lib/cpu-profile-summary");

let hub: Awaited<ReturnType<typeof startBenchHub>> | undefined;
let cleaning: Promise<void> | undefined;
/** Stops what was started and removes the data folder; once, whichever way the run ends. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    stopLoad();
    await hub?.stop();
    closeDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  })();
  return cleaning;
}
// `on`, not `once`: under tsx, a second signal to a process with no listener left ends it mid-clean-up.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (!cleaning) console.error(`\n${signal}: stopping the Hub and removing ${dataDir}.`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  const profileStarted = Date.now();
  if (args.profile) fs.mkdirSync(args.profile, { recursive: true });
  console.log(`Data folder: ${dataDir}`);
  const seeded = seedBenchDatabase(POSTS);
  console.log(`Demo content and ${POSTS} generated posts written in ${seeded.seconds.toFixed(1)} s.`);
  const reader = await createUser({
    email: "bench.reader@example.test",
    name: "Load Reader",
    role: "reader",
    partnerSlug: PARTNER,
    password: PASSWORD,
  });
  const editor = await createUser({
    email: "bench.editor@example.test",
    name: "Load Editor",
    role: "editor",
    partnerSlug: PARTNER,
    password: PASSWORD,
  });
  // One account per connection: a sign-in counts as a failure until it succeeds, so two at once on
  // one account would soon be throttled, and the figure would not be the password hash's cost.
  const signInEmails: string[] = [];
  if (runs("login")) {
    for (let n = 0; n < CONNECTIONS; n++) {
      const email = `bench.signin.${n}@example.test`;
      await createUser({ email, name: `Sign-in ${n}`, role: "reader", partnerSlug: PARTNER, password: PASSWORD });
      signInEmails.push(email);
    }
  }
  const indexed = await indexBenchDatabase();
  console.log(`Search index built: ${indexed.documents} documents in ${indexed.seconds.toFixed(1)} s.`);
  closeDb();

  hub = await startBenchHub({
    dataDir,
    env: { WEB_CONCURRENCY: WORKERS === undefined ? undefined : String(WORKERS) },
    profileDir: args.profile,
  });
  const hubUrl = hub.url;
  const meili = hubMeilisearch(dataDir);
  const started = performance.now();
  await waitUntilSearchCaughtUp(hubUrl, meili);
  const { numberOfDocuments } = await meiliRequest<{ numberOfDocuments: number }>(
    meili,
    `/indexes/${SEARCH_INDEX}/stats`,
  );
  console.log(
    `Hub at ${hubUrl}; search index ready (${numberOfDocuments} documents) after ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );

  const readerCookie = await signIn(hubUrl, reader.email, PASSWORD);
  const signedIn = { ...BROWSER_HEADERS, Cookie: readerCookie };
  const postSlug = seeded.publishedSlugs[0] ?? "teams-rollout-covid";
  const rawSearchBody = JSON.stringify({
    q: SEARCH_QUERY,
    ...searchPageParams(reader, parseSearchQuery(new URLSearchParams({ q: SEARCH_QUERY }))),
  });
  const rawSearch = (name: TargetName, label: string, connections: number): LoadTarget => ({
    name,
    label,
    connections,
    url: `${meili.url}/indexes/${SEARCH_INDEX}/search`,
    method: "POST",
    headers: { Authorization: `Bearer ${meili.key}`, "Content-Type": "application/json" },
    body: rawSearchBody,
  });
  const hubSearch = (name: TargetName, label: string, connections: number): LoadTarget => ({
    name,
    label,
    connections,
    url: `${hubUrl}/search?${new URLSearchParams({ q: SEARCH_QUERY })}`,
    headers: signedIn,
  });
  const targets: LoadTarget[] = [
    {
      name: "healthz",
      label: "/healthz",
      connections: CONNECTIONS,
      url: `${hubUrl}/healthz`,
      headers: BROWSER_HEADERS,
    },
    { name: "home", label: "home, signed in", connections: CONNECTIONS, url: `${hubUrl}/`, headers: signedIn },
    {
      name: "post",
      label: "a post page, signed in",
      connections: CONNECTIONS,
      url: `${hubUrl}/posts/${postSlug}`,
      headers: signedIn,
    },
    {
      name: "posts",
      label: "the finder with no words (newest first), signed in",
      connections: CONNECTIONS,
      url: `${hubUrl}/search`,
      headers: signedIn,
    },
    {
      name: "roadmap",
      label: "the roadmap's board, signed in",
      connections: CONNECTIONS,
      url: `${hubUrl}/roadmap`,
      headers: signedIn,
    },
    hubSearch("search", `/search?q=${SEARCH_QUERY}, signed in`, CONNECTIONS),
    rawSearch("meili", "the same search, straight to Meilisearch", CONNECTIONS),
    {
      name: "suggest",
      label: `suggestions for "${SUGGEST_QUERY}", signed in`,
      connections: CONNECTIONS,
      url: `${hubUrl}/search/suggest?${new URLSearchParams({ q: SUGGEST_QUERY })}`,
      headers: signedIn,
    },
    {
      name: "login",
      label: "sign-in, correct password",
      connections: CONNECTIONS,
      url: `${hubUrl}/login`,
      method: "POST",
      headers: { ...BROWSER_HEADERS, Origin: hubUrl, "Content-Type": "application/x-www-form-urlencoded" },
      bodyForConnection: (n) =>
        new URLSearchParams({ email: signInEmails[n % signInEmails.length] ?? "", password: PASSWORD }).toString(),
      expectedStatus: 302,
    },
    hubSearch("search-single", `/search?q=${SEARCH_QUERY}, one client`, 1),
    rawSearch("meili-single", "the same search to Meilisearch, one client", 1),
  ];

  const results: LoadResult[] = [];
  for (const target of targets.filter((t) => runs(t.name as TargetName))) {
    if (cleaning) break;
    process.stdout.write(`Running ${target.label} for ${SECONDS} s...\n`);
    results.push(await runLoad(target, { seconds: SECONDS, warmupSeconds: WARMUP }));
  }
  if (cleaning) throw new Error("Interrupted");

  let publish: PublishFigures | undefined;
  if (runs("publish")) {
    process.stdout.write(`Publishing ${PUBLISHES} posts, one at a time, and searching for each...\n`);
    const measured = await measurePublishToSearch({
      hubUrl,
      cookie: await signIn(hubUrl, editor.email, PASSWORD),
      partner: PARTNER,
      meili,
      indexUid: SEARCH_INDEX,
      searchParams: suggestionParams(editor, 20),
      count: PUBLISHES,
      marker: `Loadbench ${Date.now().toString(36)}`,
    });
    const summary = summariseLatencies(measured.samples);
    publish = { count: PUBLISHES, missing: measured.missing, p50: summary.p50, p95: summary.p95, max: summary.max };
  }

  const version = await meiliRequest<{ pkgVersion: string }>(meili, "/version");
  const cpus = os.cpus();
  const machine = {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    node: process.version,
    meilisearch: version.pkgVersion,
  };
  await hub.stop();

  const comparison = compareSearch(results);
  console.log(
    `\nLoad benchmark: ${numberOfDocuments} documents (demo content + ${POSTS} generated posts), ${WORKERS === undefined ? "WEB_CONCURRENCY unset (the Hub's default)" : `WEB_CONCURRENCY=${WORKERS}`}, ${SECONDS} s per target after ${WARMUP} s of warm-up`,
  );
  console.log(
    `Machine: ${machine.cores} cores (${machine.cpuModel}), Node ${machine.node}, Meilisearch ${machine.meilisearch}\n`,
  );
  console.log(formatLoadReport(results, comparison, publish));

  let profile: ReturnType<typeof summariseCpuProfiles> | undefined;
  if (args.profile) {
    const files = cpuProfilesWrittenSince(args.profile, profileStarted).filter(isMainThreadProfile);
    profile = summariseCpuProfiles(files.map(readCpuProfile), process.cwd());
    const names = files.map((file) => path.basename(file)).join(", ");
    console.log(`\nProfiles of the Hub's main thread(s) in ${path.resolve(args.profile)}: ${names}`);
    console.log(formatCpuProfileSummary(profile, 15));
  }

  if (args.json) {
    const figures = {
      machine,
      options: {
        posts: POSTS,
        documents: numberOfDocuments,
        seconds: SECONDS,
        warmupSeconds: WARMUP,
        connections: CONNECTIONS,
        workers: WORKERS ?? null,
      },
      targets: results,
      ...comparison,
      publishToSearchable: publish ?? null,
      profile: profile ? { ...profile, functions: profile.functions.slice(0, 50) } : null,
    };
    fs.writeFileSync(args.json, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`\nFigures written to ${args.json}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (hub) console.error(`\nThe Hub's last lines:\n${hub.output().split("\n").slice(-20).join("\n")}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
