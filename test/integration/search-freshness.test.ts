/**
 * Read your own writes: a save waits (briefly) until search holds the
 * change, so the page it leads to can find it; when search cannot confirm in
 * time, the notice says the change will show shortly.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { recordFailure } from "~/events/consumer-failures.server";
import { getDb, writeTransaction } from "~/platform/db.server";
import { deletePost } from "~/posts/delete-post.server";
import { noticeAfterDelete, noticeAfterSave } from "~/posts/post-notices.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { searchRecords } from "~/search/finder.server";
import { startSearchRelay } from "~/search/relay-runner.server";
import { isSearchable, RELAY_STALLED_MS, relayIsStalled, waitUntilSearchable } from "~/search/search-freshness.server";
import { parseSearchQuery } from "~/search/search-query";
import { relayAll, SEARCH_CONSUMER } from "~/search/search-relay.server";
import { events } from "../../db/schema";
import { givenUser, lessonInput, unique } from "../support/factories";
import { startMeilisearchWithDemoContent, type TestMeilisearch } from "../support/meilisearch";

let meili: TestMeilisearch;
let editor: SessionUser;

const found = async (q: string) =>
  (await searchRecords(editor, parseSearchQuery(new URLSearchParams({ q })))).hits.map((hit) => hit.url);
const word = () => unique("quokka").replace("-", "");

beforeAll(async () => {
  meili = await startMeilisearchWithDemoContent();
  editor = await givenUser("editor", "torfaen");
  await relayAll();
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
});

describe("with the relay running", () => {
  // Generous waits: how long confirmation takes is the benchmark's business, not this test's (a busy machine
  // stretches it); here each change must become searchable, and be found the moment it is confirmed.
  const confirmed = (change: { id: number; eventId: number }) =>
    waitUntilSearchable({ ...change, recordType: "post", recordId: change.id }, { timeoutMs: 60_000 });

  it("confirms a publish, an edit and a delete once search holds them, and search finds each at once", async () => {
    const relay = startSearchRelay({ log: () => {} });
    try {
      const title = word();
      const created = createPost({ actor: editor, fields: lessonInput("torfaen", { title, status: "published" }) });
      expect(await confirmed(created)).toBe(true);
      expect(await found(title)).toEqual([`/posts/${created.slug}`]);
      expect(await noticeAfterSave(created, { created: true })).toEqual({
        key: "notices.post.published.lesson",
        searchPending: false,
      });

      const renamed = word();
      const updated = updatePost({
        actor: editor,
        slug: created.slug,
        fields: lessonInput("torfaen", { title: renamed, status: "published", slug: created.slug }),
      });
      expect(await confirmed(updated)).toBe(true);
      expect(await found(renamed)).toEqual([`/posts/${created.slug}`]);

      const deleted = deletePost({ actor: editor, slug: created.slug });
      expect(await confirmed(deleted)).toBe(true);
      expect(await found(renamed)).toEqual([]);
      expect((await noticeAfterDelete(deleted)).searchPending).toBe(false);
    } finally {
      await relay.stop();
    }
  });
});

describe("when search cannot confirm", () => {
  it("gives up after the time allowed and says the change will show shortly", async () => {
    await meili.stop();
    const relay = startSearchRelay({ log: () => {}, maxBackoffMs: 200 });
    try {
      const created = createPost({
        actor: editor,
        fields: lessonInput("torfaen", { title: word(), status: "published" }),
      });
      const started = Date.now();
      expect(
        await waitUntilSearchable({ ...created, recordType: "post", recordId: created.id }, { timeoutMs: 300 }),
      ).toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      // Its own time-out ended the wait, before the default one (SEARCH_CONFIRM_SECONDS, 2 s) would have.
      expect(Date.now() - started).toBeLessThan(1_500);
      const notice = await noticeAfterSave(created, { created: true });
      expect(notice).toMatchObject({ key: "notices.post.published.lesson", searchPending: true });
    } finally {
      await relay.stop();
      await meili.start();
      await relayAll();
    }
  });

  it("answers at once, without waiting, while the relay has left an event unhandled for a while", async () => {
    const created = createPost({
      actor: editor,
      fields: lessonInput("torfaen", { title: word(), status: "published" }),
    });
    const change = { eventId: created.eventId, recordType: "post" as const, recordId: created.id };
    expect(relayIsStalled()).toBe(false);
    expect(relayIsStalled(getDb(), Date.now() + RELAY_STALLED_MS + 1000)).toBe(true);
    // The event as if written well before: the relay (not running here) has left it that long.
    getDb()
      .update(events)
      .set({ occurredAt: new Date(Date.now() - RELAY_STALLED_MS - 1000) })
      .where(eq(events.id, created.eventId))
      .run();
    const started = Date.now();
    expect(await waitUntilSearchable(change, { timeoutMs: 5_000 })).toBe(false);
    // Long before its five-second time-out.
    expect(Date.now() - started).toBeLessThan(2_500);
    await relayAll();
    expect(await waitUntilSearchable(change, { timeoutMs: 5_000 })).toBe(true);
  });

  it("does not count a record search failed to take as searchable, though the relay moved past it", async () => {
    const created = createPost({
      actor: editor,
      fields: lessonInput("torfaen", { title: word(), status: "published" }),
    });
    await relayAll();
    const change = { eventId: created.eventId, recordType: "post" as const, recordId: created.id };
    expect(isSearchable(change)).toBe(true);
    writeTransaction(
      (tx) =>
        recordFailure(tx, SEARCH_CONSUMER, { recordType: "post", recordId: String(created.id) }, "refused", new Date()),
      getDb(),
    );
    expect(isSearchable(change)).toBe(false);
  });
});
