/**
 * The index repairs itself: the relay's holder compares it with SQLite (every
 * record's version against its document's) at start and now and then, and
 * patches or rebuilds what drifted. Each test damages a real Meilisearch the
 * way an operator or a fault would, then lets the check find it.
 */
import { eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { measureHealth } from "~/operations/health-report.server";
import { getDb } from "~/platform/db.server";
import { acquireLease, newHolderId, releaseLease } from "~/platform/lease.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { checkSearchIndex, type IndexCheckReport } from "~/search/index-check.server";
import { INDEX_SETTINGS, SEARCH_INDEX } from "~/search/index-settings.server";
import { getSearchClient } from "~/search/meili.server";
import { RELAY_LEASE, startSearchRelay } from "~/search/relay-runner.server";
import type { SearchDocument } from "~/search/search-document.server";
import { relayAll } from "~/search/search-relay.server";
import { posts } from "../../db/schema";
import { givenUser, lessonInput, unique } from "../support/factories";
import { startMeilisearchWithDemoContent, startTestMeilisearch, type TestMeilisearch } from "../support/meilisearch";
import { searchableRecordCount } from "../support/searchable-records";
import { eventually } from "../support/wait";

let meili: TestMeilisearch;
let editor: SessionUser;
const holder = newHolderId();

beforeAll(async () => {
  meili = await startMeilisearchWithDemoContent();
  editor = await givenUser("editor", "torfaen");
  for (let n = 0; n < 5; n++) {
    createPost({ actor: editor, fields: lessonInput("torfaen", { title: `Self-repair lesson ${n}` }) });
  }
  await relayAll();
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
});

const index = () => getSearchClient().index<SearchDocument>(SEARCH_INDEX);

async function documentCount(): Promise<number> {
  return (await index().getDocuments({ limit: 1 })).total;
}

async function documentOf(postId: number): Promise<SearchDocument | null> {
  return index()
    .getDocument(`post-${postId}`)
    .catch(() => null);
}

function postIds(): number[] {
  return getDb()
    .select({ id: posts.id })
    .from(posts)
    .where(ne(posts.status, "archived"))
    .all()
    .map((row) => row.id);
}

/** One check as the relay's holder runs it. */
async function check(lines: string[] = []): Promise<IndexCheckReport> {
  expect(acquireLease(RELAY_LEASE, holder, 60_000)).toBe(true);
  try {
    return await checkSearchIndex({ holder, log: (line) => lines.push(line) });
  } finally {
    releaseLease(RELAY_LEASE, holder);
  }
}

/** What /healthz shows this machine, worked out now (not the report shared for a second). */
async function health() {
  // Read back as JSON, as a monitor reads it.
  return JSON.parse(JSON.stringify((await measureHealth()).body));
}

describe("the index check", () => {
  it("finds nothing to do when the index matches the database", async () => {
    const report = await check();
    expect(report).toMatchObject({ outcome: "matched", missing: 0, outdated: 0, extra: 0, patched: 0 });
    expect(report.records).toBe(searchableRecordCount());
    expect(report.documents).toBe(searchableRecordCount());
  });

  it("puts back deleted documents and replaces older ones, and touches nothing else", async () => {
    const [deletedA, deletedB, olderA, olderB, canary] = postIds();
    if (!deletedA || !deletedB || !olderA || !olderB || !canary) throw new Error("too few posts");
    const canaryBefore = await documentOf(canary);
    await index()
      .deleteDocuments([`post-${deletedA}`, `post-${deletedB}`])
      .waitTask();
    await index()
      .updateDocuments([
        { id: `post-${olderA}`, title: "An older title", version: 1 },
        { id: `post-${olderB}`, title: "Another older title", version: 0 },
        // Same version, different text: not drift by the check's measure, so it must be left as it is.
        { id: `post-${canary}`, title: "Left alone" },
      ])
      .waitTask();

    const lines: string[] = [];
    const report = await check(lines);
    expect(report).toMatchObject({ outcome: "patched", missing: 2, outdated: 2, extra: 0, patched: 4 });
    for (const id of [deletedA, deletedB, olderA, olderB]) {
      const row = getDb().select({ title: posts.title }).from(posts).where(eq(posts.id, id)).get();
      expect((await documentOf(id))?.title).toBe(row?.title);
    }
    expect(await documentOf(canary)).toEqual({ ...canaryBefore, title: "Left alone" });
    expect(lines.join("\n")).toMatch(/2 missing, 2 out of date, 0 that should not be there; patching 4/);

    // Put the canary right for the tests that follow.
    await index()
      .updateDocuments([{ id: `post-${canary}`, version: 0 }])
      .waitTask();
    expect(await check()).toMatchObject({ outcome: "patched", outdated: 1, patched: 1 });
  });

  it("removes documents of records that no longer exist, or are no longer searchable", async () => {
    const { slug } = createPost({ actor: editor, fields: lessonInput("torfaen", { title: `${unique("Archived")}` }) });
    await relayAll();
    const archived = getDb().select().from(posts).where(eq(posts.slug, slug)).get();
    if (!archived) throw new Error("no post");
    const before = await documentOf(archived.id);
    expect(before).not.toBeNull();
    // Archived behind the index's back (the relay's cursor moved past it), and a record that never existed.
    updatePost({ actor: editor, slug, fields: lessonInput("torfaen", { title: archived.title, status: "archived" }) });
    const { resetConsumer } = await import("~/events/consumers.server");
    const { lastEventId } = await import("~/events/event-log.server");
    resetConsumer("search", lastEventId());
    await index()
      .addDocuments([{ ...(before as SearchDocument), id: "post-999999", recordId: "999999" }])
      .waitTask();

    const report = await check();
    expect(report).toMatchObject({ outcome: "patched", missing: 0, outdated: 0, extra: 2, patched: 2 });
    expect(await documentOf(archived.id)).toBeNull();
    expect(await documentOf(999_999)).toBeNull();
  });

  it("leaves records the relay has not reached yet to the relay", async () => {
    const { slug } = createPost({ actor: editor, fields: lessonInput("torfaen", { title: unique("Pending") }) });
    expect(await check()).toMatchObject({ outcome: "matched", missing: 0 });
    await relayAll();
    const id = getDb().select({ id: posts.id }).from(posts).where(eq(posts.slug, slug)).get()?.id ?? -1;
    expect(await documentOf(id)).not.toBeNull();
  });

  it("applies the index settings again when someone changed them", async () => {
    await index()
      .updateSettings({ searchableAttributes: ["title"], filterableAttributes: ["type"] })
      .waitTask();
    const report = await check();
    expect(report).toMatchObject({ outcome: "matched", settingsApplied: true });
    const settings = await index().getSettings();
    expect(settings.searchableAttributes).toEqual(INDEX_SETTINGS.searchableAttributes);
    expect([...(settings.filterableAttributes ?? [])].sort()).toEqual([...INDEX_SETTINGS.filterableAttributes].sort());
  });

  it("rebuilds an index that was deleted", async () => {
    await getSearchClient().deleteIndex(SEARCH_INDEX).waitTask();
    const lines: string[] = [];
    const report = await check(lines);
    expect(report).toMatchObject({ outcome: "rebuilt", reason: "the index was missing" });
    expect(await documentCount()).toBe(searchableRecordCount());
    expect(lines[0]).toMatch(/the index was missing; rebuilding/);
  });

  it("rebuilds an index that was emptied", async () => {
    await index().deleteAllDocuments().waitTask();
    expect(await check()).toMatchObject({ outcome: "rebuilt", reason: "the index was empty", documents: 0 });
    expect(await documentCount()).toBe(searchableRecordCount());
  });
});

describe("the relay's holder", () => {
  it("checks now and then, repairs what drifted, and says so in /healthz", async () => {
    const lines: string[] = [];
    const relay = startSearchRelay({ pollMs: 20, checkEveryMs: 200, log: (line) => lines.push(line) });
    try {
      await eventually(() => lines.some((line) => line.includes("the index matches the database")));
      const [victim] = postIds();
      await index()
        .deleteDocuments([`post-${victim}`])
        .waitTask();
      await eventually(() => lines.includes("Search check: patched 1 records."), 5_000);
      expect(await documentOf(victim ?? -1)).not.toBeNull();
      expect(lines).toContain("Search check: 1 missing, 0 out of date, 0 that should not be there; patching 1...");
      expect((await health()).index.lastCheck).toMatchObject({
        outcome: expect.stringMatching(/matched|patched/),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    } finally {
      await relay.stop();
    }
  });

  it("shows a rebuild in progress in /healthz", async () => {
    await getSearchClient().deleteIndex(SEARCH_INDEX).waitTask();
    let during: { rebuilding: unknown } | undefined;
    const relay = startSearchRelay({
      pollMs: 20,
      log: () => {},
      rebuild: {
        onSnapshotTaken: async () => {
          during = (await health()).index;
        },
      },
    });
    try {
      await eventually(async () => (await health()).index.rebuilding === null && during !== undefined);
      expect((await health()).index.lastCheck).toMatchObject({ outcome: "rebuilt" });
      expect(during?.rebuilding).toEqual({ since: expect.any(String), reason: "the index was missing" });
      expect((await health()).index.rebuilding).toBeNull();
    } finally {
      await relay.stop();
    }
  });

  it("rebuilds from the database when it starts on a Meilisearch with an empty data folder", async () => {
    const fresh = await startTestMeilisearch();
    const lines: string[] = [];
    const startedAt = new Date().toISOString();
    const relay = startSearchRelay({ pollMs: 20, log: (line) => lines.push(line) });
    try {
      await eventually(async () => {
        const { lastCheck } = (await health()).index;
        return lastCheck?.outcome === "rebuilt" && lastCheck.at >= startedAt;
      }, 20_000);
      expect(await documentCount()).toBe(searchableRecordCount());
      expect(lines.join("\n")).toMatch(/the index was missing; rebuilding the index from the database/);
    } finally {
      await relay.stop();
      await fresh.dispose();
    }
  });
});
