/**
 * A started Hub's data read from outside, as an operator would: its SQLite
 * file (read-only) and its managed Meilisearch (with the key it keeps in its
 * data folder). For fault tests that compare what the Hub said with what it kept.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface HubRuntime {
  url: string;
  hubPid: number;
  meiliPid: number;
}

/** What the Hub published about its process and its Meilisearch (it changes when either restarts). */
export function readRuntime(dataDir: string): HubRuntime {
  return JSON.parse(fs.readFileSync(path.join(dataDir, "meili", "runtime.json"), "utf8")) as HubRuntime;
}

/**
 * Runs `read` on the Hub's database and closes it. Not opened read-only: after a crash, only a
 * connection that may write can recover the journal the dead process left, and so see its last commits.
 */
export function readHubDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, "hub.db"), { fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export interface IndexedDocument {
  id: string;
  recordId: string;
  type: string;
  title: string;
  updatedAt: number;
}

/** Every document in the Hub's search index. */
export async function indexedDocuments(dataDir: string): Promise<IndexedDocument[]> {
  const { url } = readRuntime(dataDir);
  const key = fs.readFileSync(path.join(dataDir, "meili-master-key"), "utf8").trim();
  const response = await fetch(
    `${url}/indexes/records/documents?limit=100000&fields=id,recordId,type,title,updatedAt`,
    { headers: { Authorization: `Bearer ${key}` } },
  );
  if (!response.ok) throw new Error(`Meilisearch answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { results: IndexedDocument[] }).results;
}

/** Events the search relay has not yet handled, from the Hub's own health check (asked from this machine). */
export async function searchBacklog(baseUrl: string): Promise<number | null> {
  try {
    const health = (await (await fetch(`${baseUrl}/healthz`)).json()) as {
      search?: string;
      index?: { backlog?: number };
    };
    return health.search === "ok" ? (health.index?.backlog ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * True once the Hub's search is settled: checked against the database at
 * start, not rebuilding, nothing waiting. A Hub just started may still be
 * building its index; a test of how fast a change reaches search starts after.
 */
export async function searchSettled(baseUrl: string): Promise<boolean> {
  try {
    const health = (await (await fetch(`${baseUrl}/healthz`)).json()) as {
      search?: string;
      index?: { backlog?: number; lastCheck?: unknown; rebuilding?: unknown };
    };
    const index = health.index;
    return health.search === "ok" && index?.backlog === 0 && Boolean(index.lastCheck) && !index.rebuilding;
  } catch {
    return false;
  }
}

/** Processes whose working folder is in `dir` (a managed Meilisearch runs in its own folder). */
export function processesWorkingIn(dir: string): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return fs.readlinkSync(`/proc/${pid}/cwd`).startsWith(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The Hub's Meilisearch process now (runtime.json keeps the first one's id; a restart makes a new one). */
export function meilisearchPid(dataDir: string): number {
  const [pid, ...others] = processesWorkingIn(path.join(dataDir, "meili"));
  if (pid === undefined || others.length > 0)
    throw new Error(`expected one Meilisearch, found ${others.length + (pid === undefined ? 0 : 1)}`);
  return pid;
}
