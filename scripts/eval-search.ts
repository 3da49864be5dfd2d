/**
 * `npm run eval:search [-- --category <name>] [-- --json <file>] [-- --keep]`:
 * measures how well the finder finds what staff mean (decision 061). Imports
 * the demo content and accounts into a temporary data folder, indexes every
 * record through the Hub's own rebuild, then runs each query of the relevance
 * set (test/search-eval/relevance-set.ts) through the finder's own search as
 * the demo reader, visibility filter included. Prints recall@5 and MRR per
 * category and overall, the zero-result queries and the misses. A
 * measurement: no thresholds; it fails only when it cannot measure (setup,
 * or a set that names records the demo content does not have).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { readContentKeys, unknownKeys } from "../test/search-eval/content-keys";
import { CATEGORIES, type Category, RELEVANCE_SET } from "../test/search-eval/relevance-set";
import { aggregate, CUTOFF, type Figures, judge, type QueryOutcome } from "./lib/relevance-metrics";

const READER_EMAIL = "reader@demo.srs-hub.test";

const { values: args } = parseArgs({
  options: {
    category: { type: "string" },
    json: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
if (args.category !== undefined && !(CATEGORIES as readonly string[]).includes(args.category)) {
  console.error(`Unknown category "${args.category}". Categories: ${CATEGORIES.join(", ")}.`);
  process.exit(2);
}
const queries = RELEVANCE_SET.filter((query) => !args.category || query.category === args.category);
const categories = CATEGORIES.filter((category: Category) => !args.category || category === args.category);

// The set must name records that exist and that the reader may see, before anything is measured.
const contentDir = path.resolve(process.env.CONTENT_DIR ?? "content");
const problems = unknownKeys(
  queries.flatMap((query) => query.expected),
  readContentKeys(contentDir),
);
if (problems.length > 0) {
  console.error(
    `The relevance set names records the demo content does not offer a reader:\n  ${problems.join("\n  ")}`,
  );
  process.exit(1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-eval-"));
process.env.DATA_DIR = dataDir;
process.env.NODE_ENV = "development";
process.env.LOAD_DEMO_CONTENT = "true";
process.env.LOG_LEVEL = "warn";
// Always a Meilisearch of its own: the rebuild swaps the index in, and must never replace a running Hub's.
delete process.env.MEILI_URL;
delete process.env.MEILI_MASTER_KEY;

const { eq } = await import("drizzle-orm");
const { closeDb, getDb } = await import("../app/platform/db.server");
const { users, decisions, meetings, papers } = await import("../db/schema");
const { toSessionUser } = await import("../app/auth/users.server");
const { prepareDatabase } = await import("../server/prepare-database");
const { connectSearch } = await import("../server/search-runtime");
const { readPendingPaperText } = await import("../app/papers/paper-text.server");
const { rebuildSearchIndex } = await import("../app/search/relay-runner.server");
const { searchRecords } = await import("../app/search/finder.server");
const { parseSearchQuery } = await import("../app/search/search-query");
const { decisionUrl } = await import("../app/boards/decision-search.server");

/** Each demo record's address in the finder's results, to its key in the set. */
function keysByUrl(): Map<string, string> {
  const db = getDb();
  const byUrl = new Map<string, string>();
  for (const key of readContentKeys(contentDir).visible) {
    const [type, name] = key.split(":") as [string, string];
    if (type === "post") byUrl.set(`/posts/${name}`, key);
    if (type === "roadmap") byUrl.set(`/roadmap/${name}`, key);
  }
  for (const row of db
    .select({ reference: decisions.reference, importKey: decisions.importKey })
    .from(decisions)
    .all()) {
    if (row.importKey) byUrl.set(decisionUrl(row.reference), `decision:${row.importKey}`);
  }
  for (const row of db.select({ id: meetings.id, importKey: meetings.importKey }).from(meetings).all()) {
    if (row.importKey) byUrl.set(`/meetings/${row.id}`, `meeting:${row.importKey}`);
  }
  const paperRows = db
    .select({ id: papers.id, fileName: papers.fileName, meetingKey: meetings.importKey })
    .from(papers)
    .innerJoin(meetings, eq(papers.meetingId, meetings.id))
    .all();
  for (const row of paperRows) {
    const board = row.meetingKey?.split("/")[0];
    if (board) byUrl.set(`/papers/${row.id}`, `paper:${board}/${row.fileName}`);
  }
  return byUrl;
}

const number = (value: number) => value.toFixed(2);
const pad = (text: string | number, width: number) => String(text).padEnd(width);

function figuresLine(name: string, figures: Figures): string {
  return `  ${pad(name, 15)}${pad(figures.queries, 9)}${pad(number(figures.recallAt5), 10)}${pad(number(figures.mrr), 7)}${pad(figures.zeroResults, 13)}${figures.missing}`;
}

let stopSearch = async () => {};
let failed = false;
try {
  const setupLog: string[] = [];
  const log = (line: string) => setupLog.push(line);
  const started = performance.now();
  await prepareDatabase(log);
  const search = await connectSearch(log);
  if (search.mode === "off") throw new Error(`No Meilisearch available:\n${setupLog.join("\n")}`);
  stopSearch = async () => search.managed?.stop();
  // Papers are searched by their text too: read it, as the Hub's paper-text reader would.
  await readPendingPaperText();
  const rebuilt = await rebuildSearchIndex(`eval-search-${process.pid}`, {}, "relevance evaluation");

  const readerRow = getDb().select().from(users).where(eq(users.email, READER_EMAIL)).get();
  if (!readerRow) throw new Error(`The demo account ${READER_EMAIL} was not created`);
  const reader = toSessionUser(readerRow);
  const byUrl = keysByUrl();
  const unmapped = [...new Set(queries.flatMap((query) => query.expected))].filter(
    (key) => ![...byUrl.values()].includes(key),
  );
  if (unmapped.length > 0) throw new Error(`Records of the set the import did not make: ${unmapped.join(", ")}`);

  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    const results = await searchRecords(reader, parseSearchQuery(new URLSearchParams({ q: query.q })));
    const ranked = results.hits.map((hit) => byUrl.get(hit.url) ?? hit.url);
    outcomes.push(judge(query, ranked, results.total));
  }
  const seconds = (performance.now() - started) / 1000;
  const { byCategory, overall } = aggregate(outcomes, categories);

  console.log(
    `\nSearch relevance: ${queries.length} queries over ${rebuilt.documents} documents, as ${READER_EMAIL} (${seconds.toFixed(1)} s)`,
  );
  console.log(
    `  ${pad("category", 15)}${pad("queries", 9)}${pad(`recall@${CUTOFF}`, 10)}${pad("MRR", 7)}${pad("zero-result", 13)}missing`,
  );
  for (const [category, figures] of Object.entries(byCategory)) console.log(figuresLine(category, figures));
  console.log(figuresLine("overall", overall));

  const misses = outcomes.filter((outcome) => outcome.missed.length > 0);
  console.log(`\nQueries that miss (a wanted record not in the top ${CUTOFF}): ${misses.length}`);
  for (const outcome of misses) {
    console.log(`  [${outcome.category}] "${outcome.q}": ${outcome.total} results, recall ${number(outcome.recall)}`);
    console.log(`      wanted, missing: ${outcome.missed.join(", ")}`);
    if (outcome.top.length > 0) console.log(`      came first:      ${outcome.top.join(", ")}`);
  }

  if (args.json) {
    const report = { measuredAt: new Date().toISOString(), cutoff: CUTOFF, overall, byCategory, queries: outcomes };
    fs.writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nFigures written to ${args.json}`);
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await stopSearch();
  closeDb();
  if (!args.keep) fs.rmSync(dataDir, { recursive: true, force: true });
  else console.log(`Data folder kept: ${dataDir}`);
}
process.exit(failed ? 1 : 0);
