/**
 * Meilisearch killed outright (SIGKILL), twice, while 500 writes arrive over
 * HTTP: every write is saved for the person who sent it, the Hub restarts
 * its engine, and once the event log drains the index holds every record
 * once, in its latest version.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueTitle } from "../support/e2e-posts";
import { type HubClient, savedSlug, sendNewPost, sendPostEdit, signIn } from "../support/hub-client";
import { indexedDocuments, meilisearchPid, readHubDatabase, searchBacklog } from "../support/hub-data";
import { type RunningHub, startHub } from "../support/hub-server";
import { eventually } from "../support/wait";

const POSTS = 250;
const WORKERS = 8;

let hub: RunningHub;
let admin: HubClient;

beforeAll(async () => {
  hub = await startHub();
  admin = await signIn(hub.url);
}, 240_000);

afterAll(async () => {
  await hub?.stop();
});

describe("Meilisearch killed during writes", () => {
  it("loses no write, and the index catches up with every record's latest version, once each", async () => {
    const statuses: number[] = [];
    let writes = 0;
    const kills: number[] = [];
    const killSearchFrom = [100, 300];
    const restarts = () => hub.output().split("Meilisearch is running again").length - 1;
    const afterWrite = (response: Response) => {
      statuses.push(response.status);
      writes++;
      const due = killSearchFrom[kills.length];
      // The second kill waits, if need be, for the engine the Hub started again after the first.
      if (due !== undefined && writes >= due && restarts() === kills.length) {
        const pid = meilisearchPid(hub.dataDir);
        kills.push(pid);
        process.kill(pid, "SIGKILL");
      }
    };

    // Each worker creates posts and edits each one once: 250 creates and 250 edits.
    let next = 0;
    const worker = async () => {
      while (next < POSTS) {
        next++;
        const title = uniqueTitle("Outage lesson");
        const created = await sendNewPost(admin, { title });
        afterWrite(created);
        const slug = savedSlug(created);
        if (!slug) continue;
        afterWrite(await sendPostEdit(admin, slug, { title: `${title} revised`, slug }));
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));

    expect(writes).toBe(2 * POSTS);
    expect(statuses.filter((status) => status !== 302)).toEqual([]);
    expect(kills).toHaveLength(2);
    // The Hub restarted its engine after each kill.
    await eventually(
      () => /Meilisearch is running again[\s\S]*Meilisearch is running again/.test(hub.output()),
      30_000,
    );
    await eventually(async () => (await searchBacklog(hub.url)) === 0, 30_000, 200);

    const records = readHubDatabase(
      hub.dataDir,
      (db) =>
        db.prepare("select id, title, updated_at as updatedAt from posts where status != 'archived'").all() as {
          id: number;
          title: string;
          updatedAt: number;
        }[],
    );
    const revised = records.filter((record) => record.title.startsWith("Outage lesson"));
    expect(revised).toHaveLength(POSTS);
    expect(revised.every((record) => record.title.endsWith(" revised"))).toBe(true);

    const documents = (await indexedDocuments(hub.dataDir)).filter((document) => document.type === "post");
    expect(documents.map((document) => document.recordId).sort()).toEqual(
      records.map((record) => String(record.id)).sort(),
    );
    const byRecord = new Map(documents.map((document) => [document.recordId, document]));
    for (const record of records) {
      expect(byRecord.get(String(record.id))).toMatchObject({ title: record.title, updatedAt: record.updatedAt });
    }
    expect(hub.output()).not.toMatch(/Unexpected server error/);
  }, 120_000);
});
