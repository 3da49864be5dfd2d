/**
 * Another process holds the database's write lock (a script, a backup gone
 * wrong, a second Hub stuck mid-write). A write through the Hub waits for it
 * (busy_timeout), then answers 503 with Retry-After and a page saying
 * nothing was saved; nothing half-written is left; reads keep working.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueTitle } from "../support/e2e-posts";
import { type HubClient, savedSlug, sendNewPost, signIn } from "../support/hub-client";
import { type RunningHub, startHub } from "../support/hub-server";

let hub: RunningHub;
let admin: HubClient;

beforeAll(async () => {
  hub = await startHub();
  admin = await signIn(hub.url);
}, 240_000);

afterAll(async () => {
  await hub?.stop();
});

async function holdWriteLock(databaseFile: string): Promise<ChildProcess> {
  const holder = spawn(process.execPath, ["--import", "tsx", "test/support/write-lock-holder.ts", databaseFile], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout?.once("data", () => resolve());
    holder.once("exit", (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return holder;
}

function release(holder: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => holder.once("exit", () => resolve()));
  holder.kill("SIGKILL");
  return exited;
}

/** Rows of the tables a post's save writes together, read from the Hub's database file. */
function rowCounts(): { posts: number; revisions: number; events: number } {
  const db = new Database(path.join(hub.dataDir, "hub.db"), { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { posts: count("posts"), revisions: count("revisions"), events: count("events") };
  } finally {
    db.close();
  }
}

describe("while another process holds the write lock", () => {
  it("makes a write wait, then answer 503 with Retry-After, keeping nothing of it; reads go on; the same write works once the lock is free", async () => {
    const before = rowCounts();
    const title = uniqueTitle("Locked out lesson");
    const holder = await holdWriteLock(path.join(hub.dataDir, "hub.db"));
    try {
      // Reads need no lock (WAL).
      expect((await admin.get("/partners")).status).toBe(200);

      const started = Date.now();
      const refused = await sendNewPost(admin, { title });
      const waited = Date.now() - started;
      const page = await refused.text();
      expect(refused.status, page.slice(0, 300)).toBe(503);
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(page).toContain("Sorry, the service is busy");
      expect(page).toContain("Nothing you sent was saved. Try again in a few seconds.");
      // It waited for the lock (busy_timeout is 5 s) before giving up.
      expect(waited).toBeGreaterThanOrEqual(4_500);

      expect((await admin.get("/partners")).status).toBe(200);
      expect(rowCounts()).toEqual(before);
    } finally {
      await release(holder);
    }

    const saved = await sendNewPost(admin, { title });
    expect(savedSlug(saved)).not.toBeNull();
    const after = rowCounts();
    expect(after.posts).toBe(before.posts + 1);
    expect(after.revisions).toBe(before.revisions + 1);
    expect(after.events).toBeGreaterThanOrEqual(before.events + 1);

    const log = hub.output();
    expect(log).toContain("The database could not take a write; answered");
    expect(log).not.toMatch(/Unexpected server error/);
  });
});
