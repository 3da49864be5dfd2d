/**
 * Records that cannot reach search never hold the others back, and never
 * disappear: they are retried, parked, shown to administrators and retried
 * on request. Meilisearch here runs with a 150 KB payload limit (an operator's
 * setting), so a post with a long full account is refused while short posts
 * are not.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import {
  type ConsumerFailure,
  dueRetries,
  failureCounts,
  MAX_ATTEMPTS,
  RETRY_DELAYS_MS,
} from "~/events/consumer-failures.server";
import { consumerBacklog } from "~/events/consumers.server";
import { recordEvent } from "~/events/event-log.server";
import { measureHealth } from "~/operations/health-report.server";
import { getDb } from "~/platform/db.server";
import { ForbiddenError } from "~/platform/errors";
import { acquireLease, leaseHolder, releaseLease } from "~/platform/lease.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { searchRecords } from "~/search/finder.server";
import { RELAY_LEASE, startSearchRelay } from "~/search/relay-runner.server";
import { getSearchAdminView, retryParkedRecords } from "~/search/search-admin.server";
import { parseSearchQuery } from "~/search/search-query";
import { LeaseLostError, relayAll, relayOnce, SEARCH_CONSUMER } from "~/search/search-relay.server";
import { consumerFailures, events, posts } from "../../db/schema";
import { givenUser, lessonInput, unique } from "../support/factories";
import { startMeilisearchWithDemoContent, type TestMeilisearch } from "../support/meilisearch";
import { eventually } from "../support/wait";

let meili: TestMeilisearch;
let admin: SessionUser;
let editor: SessionUser;

beforeAll(async () => {
  meili = await startMeilisearchWithDemoContent({ MEILI_HTTP_PAYLOAD_SIZE_LIMIT: "150000" });
  admin = await givenUser("admin");
  editor = await givenUser("editor", "torfaen");
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
});

const searchAs = async (user: SessionUser, q: string) =>
  (await searchRecords(user, parseSearchQuery(new URLSearchParams({ q })))).hits.map((hit) => hit.url);
const found = (q: string) => searchAs(admin, q);

/** A full account of about 190 KB: within the Hub's own limit, over this Meilisearch's. */
function longBody(word: string): string {
  return `${word} `.repeat(4).concat("The cut-over weekend, hour by hour. ".repeat(5_300));
}

function failureOf(postId: number): ConsumerFailure | undefined {
  return getDb()
    .select()
    .from(consumerFailures)
    .where(eq(consumerFailures.recordId, String(postId)))
    .get();
}

function postId(slug: string): number {
  return getDb().select({ id: posts.id }).from(posts).where(eq(posts.slug, slug)).get()?.id ?? -1;
}

/** Runs the relay as if its clock were `at`. */
const relayAt = (at: Date) => relayOnce({ now: () => at });

describe("a record Meilisearch refuses", () => {
  it("is found alone, retried with backoff and parked, while the records around it are indexed", async () => {
    const word = unique("okapi").replace("-", "");
    const before = createPost({ actor: editor, fields: lessonInput("torfaen", { title: `${word} before` }) });
    const poison = createPost({
      actor: editor,
      fields: lessonInput("torfaen", { title: `${word} poison`, body: longBody(word) }),
    });
    const after = createPost({ actor: editor, fields: lessonInput("torfaen", { title: `${word} after` }) });

    let now = new Date();
    const first = await relayAt(now);
    expect(first.failed).toBe(1);
    expect((await found(word)).sort()).toEqual([`/posts/${after.slug}`, `/posts/${before.slug}`]);
    // The log was read past the refused record: nothing waits behind it.
    expect(consumerBacklog(SEARCH_CONSUMER).pending).toBe(0);
    const failure = failureOf(postId(poison.slug));
    expect(failure).toMatchObject({ attempts: 1, parkedAt: null });
    expect(failure?.lastError).toMatch(/payload/i);

    // Each later attempt waits its turn, then fails again, until the record is parked.
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(dueRetries(SEARCH_CONSUMER, now)).toEqual([]);
      now = new Date(now.getTime() + (RETRY_DELAYS_MS[attempt - 2] ?? 0) + 1);
      expect(dueRetries(SEARCH_CONSUMER, now)).toHaveLength(1);
      await relayAt(now);
      expect(failureOf(postId(poison.slug))?.attempts).toBe(attempt);
    }
    const parked = failureOf(postId(poison.slug));
    expect(parked?.parkedAt).toBeInstanceOf(Date);
    expect(parked?.retryAt).toBeNull();
    expect(dueRetries(SEARCH_CONSUMER, new Date(now.getTime() + 86_400_000))).toEqual([]);

    // Administrators see it, with its error, on the page and in the health check.
    const view = getSearchAdminView(admin);
    expect(view.failing).toEqual([
      expect.objectContaining({
        recordType: "post",
        label: { title: `${word} poison`, url: `/posts/${poison.slug}` },
        attempts: MAX_ATTEMPTS,
        lastError: expect.stringMatching(/payload/i),
        parked: true,
        retryAt: null,
      }),
    ]);
    const health = (await measureHealth()).body;
    expect(health).toMatchObject({ status: "degraded", index: { parked: 1, backlog: 0 } });

    // New work keeps flowing past it.
    const later = createPost({ actor: editor, fields: lessonInput("torfaen", { title: `${word} later` }) });
    await relayAll();
    expect(await found(word)).toContain(`/posts/${later.slug}`);

    // Retrying it (only an administrator may) puts it back in line; it fails again while the cause remains.
    expect(() => retryParkedRecords(editor)).toThrow(ForbiddenError);
    expect(retryParkedRecords(admin, { recordType: "post", recordId: String(postId(poison.slug)) })).toBe(1);
    // The retry is in the event log, with who asked for it.
    const retryEvent = getDb().select().from(events).where(eq(events.type, "post.search-retry-requested")).all().at(-1);
    expect(retryEvent).toMatchObject({ recordId: String(postId(poison.slug)), actorId: admin.id, source: "web" });
    expect(failureCounts(SEARCH_CONSUMER)).toEqual({ retrying: 1, parked: 0 });
    await relayAll();
    expect(failureOf(postId(poison.slug))).toMatchObject({ attempts: 1, parkedAt: null });

    // Once the cause is gone (the account is shortened), the next change indexes it and clears the failure.
    updatePost({
      actor: editor,
      slug: poison.slug,
      fields: lessonInput("torfaen", { slug: poison.slug, title: `${word} poison` }),
      changeNote: "Shortened the full account",
    });
    await relayAll();
    expect(await found(word)).toContain(`/posts/${poison.slug}`);
    expect(failureOf(postId(poison.slug))).toBeUndefined();
    expect(failureCounts(SEARCH_CONSUMER)).toEqual({ retrying: 0, parked: 0 });
  });
});

describe("a record whose document cannot be built", () => {
  it("fails alone and is parked in the end, never retried silently for ever", async () => {
    const word = unique("tapir").replace("-", "");
    const broken = createPost({ actor: editor, fields: lessonInput("torfaen", { title: `${word} broken` }) });
    const fine = createPost({ actor: editor, fields: lessonInput("torfaen", { title: `${word} fine` }) });
    await relayAll();
    const brokenId = postId(broken.slug);
    // Something outside the Hub's commands leaves a row it cannot read, then records a change to it.
    getDb().run(sql`update posts set sections = '{not json' where id = ${brokenId}`);
    recordEvent(getDb(), {
      type: "post.updated",
      recordType: "post",
      recordId: brokenId,
      actorId: null,
      source: "script",
      partnerIds: [],
    });
    const other = createPost({ actor: editor, fields: lessonInput("torfaen", { title: `${word} other` }) });

    let now = new Date();
    const result = await relayAt(now);
    expect(result.failed).toBe(1);
    // Its old document is taken out (it could say the post is public when it no longer is); the rest are there.
    expect((await found(word)).sort()).toEqual([`/posts/${fine.slug}`, `/posts/${other.slug}`].sort());
    expect(failureOf(brokenId)?.lastError).toMatch(/^Could not build the search document/);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + (RETRY_DELAYS_MS[attempt - 2] ?? 0) + 1);
      await relayAt(now);
    }
    expect(failureOf(brokenId)).toMatchObject({ attempts: MAX_ATTEMPTS, parkedAt: expect.any(Date) });
    // Repaired, it is retried on request and indexed.
    getDb().run(sql`update posts set sections = '{}' where id = ${brokenId}`);
    retryParkedRecords(admin);
    await relayAll();
    expect(failureOf(brokenId)).toBeUndefined();
    expect(await found(word)).toContain(`/posts/${broken.slug}`);
  });

  it("takes a failing record's old document out of the index, so a draft is not left public", async () => {
    const word = unique("civet").replace("-", "");
    const post = createPost({ actor: editor, fields: lessonInput("torfaen", { title: `${word} lesson` }) });
    await relayAll();
    expect(await searchAs(admin, word)).toEqual([`/posts/${post.slug}`]);
    const reader = await givenUser("reader");
    expect(await searchAs(reader, word)).toEqual([`/posts/${post.slug}`]);
    // Taken back to draft, with a full account this Meilisearch refuses: its new document never arrives.
    updatePost({
      actor: editor,
      slug: post.slug,
      fields: lessonInput("torfaen", {
        slug: post.slug,
        title: `${word} lesson`,
        status: "draft",
        body: longBody(word),
      }),
    });
    await relayAll();
    expect(await searchAs(reader, word)).toEqual([]);
  });
});

describe("two Hub processes on one data folder", () => {
  it("never relay at the same time: one holds the lease, the other stands by and takes over when it stops", async () => {
    const logs: string[] = [];
    const first = startSearchRelay({ holder: "hub-a", pollMs: 20, standbyCheckMs: 50, log: (line) => logs.push(line) });
    await eventually(() => first.role === "active");
    const second = startSearchRelay({
      holder: "hub-b",
      pollMs: 20,
      standbyCheckMs: 50,
      log: (line) => logs.push(line),
    });
    try {
      await eventually(() => second.role === "standby");
      expect(leaseHolder(RELAY_LEASE)?.holder).toBe("hub-a");
      // Work still flows through the one that relays.
      const word = unique("quagga").replace("-", "");
      const post = createPost({ actor: editor, fields: lessonInput("torfaen", { title: `${word} lesson` }) });
      await eventually(async () => (await found(word)).length === 1);
      expect(await found(word)).toEqual([`/posts/${post.slug}`]);
      expect(second.role).toBe("standby");

      await first.stop();
      await eventually(() => second.role === "active");
      expect(leaseHolder(RELAY_LEASE)?.holder).toBe("hub-b");
      expect(logs).toContain("Search relay: took over the relay lease.");
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});

describe("a relay that lost its lease", () => {
  it("records nothing: neither the cursor nor failures move", async () => {
    const word = unique("genet").replace("-", "");
    createPost({ actor: editor, fields: lessonInput("torfaen", { title: `${word} lesson` }) });
    // Another process took the lease while this one was busy.
    expect(acquireLease(RELAY_LEASE, "current-holder", 30_000)).toBe(true);
    try {
      const before = consumerBacklog(SEARCH_CONSUMER).pending;
      const failuresBefore = getDb().select().from(consumerFailures).all();
      expect(before).toBeGreaterThan(0);
      await expect(
        relayOnce({ holder: "former-holder", now: () => new Date(Date.now() + 86_400_000) }),
      ).rejects.toBeInstanceOf(LeaseLostError);
      expect(consumerBacklog(SEARCH_CONSUMER).pending).toBe(before);
      expect(getDb().select().from(consumerFailures).all()).toEqual(failuresBefore);
      await relayOnce({ holder: "current-holder" });
      expect(consumerBacklog(SEARCH_CONSUMER).pending).toBe(0);
    } finally {
      releaseLease(RELAY_LEASE, "current-holder");
    }
  });
});
