import { count, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { failureCounts } from "~/events/consumer-failures.server";
import { consumerBacklog, consumerPosition } from "~/events/consumers.server";
import { getDb } from "~/platform/db.server";
import { createPost } from "~/posts/save-post.server";
import { SearchUnavailableError } from "~/search/meili.server";
import { reindexAll } from "~/search/reindex.server";
import { startSearchRelay } from "~/search/relay-runner.server";
import { searchRecords } from "~/search/search.server";
import { parseSearchQuery } from "~/search/search-query";
import { relayAll, relayOnce, SEARCH_CONSUMER } from "~/search/search-relay.server";
import { posts } from "../../db/schema";
import { givenUser, lessonInput, unique } from "../support/factories";
import { startMeilisearchWithDemoContent, type TestMeilisearch } from "../support/meilisearch";
import { eventually } from "../support/wait";

let meili: TestMeilisearch;
let admin: SessionUser;

const search = (q: string) => searchRecords(admin, parseSearchQuery(new URLSearchParams({ q })));
const found = async (q: string) => (await search(q)).hits.map((hit) => hit.url);

function indexableCount(): number {
  return getDb().select({ n: count() }).from(posts).where(ne(posts.status, "archived")).get()?.n ?? 0;
}

beforeAll(async () => {
  meili = await startMeilisearchWithDemoContent();
  admin = await givenUser("admin");
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
});

describe("while Meilisearch is down", () => {
  it("keeps every write, holds nothing against the records, and catches up without duplicates", async () => {
    await meili.stop();
    const word = unique("narwhal").replace("-", "");
    const slugs = [1, 2, 3].map(
      (n) => createPost({ actor: admin, fields: lessonInput("torfaen", { title: `${word} lesson ${n}` }) }).slug,
    );
    expect(consumerBacklog(SEARCH_CONSUMER).pending).toBe(3);
    await expect(search(word)).rejects.toBeInstanceOf(SearchUnavailableError);
    const before = consumerPosition(SEARCH_CONSUMER);
    await expect(relayOnce()).rejects.toThrow();
    // An engine that cannot be reached is nobody's fault: the cursor stays, no record is counted as failing.
    expect(consumerPosition(SEARCH_CONSUMER)).toBe(before);
    expect(failureCounts(SEARCH_CONSUMER)).toEqual({ retrying: 0, parked: 0 });

    await meili.start();
    await relayAll();
    expect(consumerBacklog(SEARCH_CONSUMER).pending).toBe(0);
    expect((await found(word)).sort()).toEqual(slugs.map((slug) => `/posts/${slug}`).sort());
    expect((await searchRecords(admin, parseSearchQuery(new URLSearchParams()))).total).toBe(indexableCount());
  });

  it("has the relay retry on its own until the engine is back", async () => {
    const lines: string[] = [];
    const relay = startSearchRelay({ pollMs: 50, maxBackoffMs: 400, log: (line) => lines.push(line) });
    try {
      await eventually(async () => relay.role === "active");
      await meili.stop();
      const word = unique("axolotl").replace("-", "");
      const { slug } = createPost({ actor: admin, fields: lessonInput("newport", { title: `${word} lesson` }) });
      await eventually(async () => lines.some((line) => line.startsWith("Search index update failed")));
      await meili.start();
      await eventually(async () => consumerBacklog(SEARCH_CONSUMER).pending === 0);
      expect(await found(word)).toEqual([`/posts/${slug}`]);
      await eventually(() => lines.some((line) => line.startsWith("Search index caught up")));
    } finally {
      await relay.stop();
    }
  });
});

describe("a full reindex", () => {
  it("swaps in a fresh index while searches keep answering", async () => {
    const failures: unknown[] = [];
    let searches = 0;
    let reindexing = true;
    const searching = (async () => {
      while (reindexing) {
        try {
          const results = await search("cloud");
          if (results.total === 0) failures.push(new Error("no results during reindex"));
          searches++;
        } catch (error) {
          failures.push(error);
        }
      }
    })();
    const report = await reindexAll({ batchSize: 10 });
    reindexing = false;
    await searching;

    expect(failures).toEqual([]);
    expect(searches).toBeGreaterThan(0);
    expect(report.documents).toBe(indexableCount());
    expect((await searchRecords(admin, parseSearchQuery(new URLSearchParams()))).total).toBe(indexableCount());
  });

  it("sends again a change that reached only the old index between the snapshot and the swap", async () => {
    const relay = startSearchRelay({ pollMs: 20 });
    try {
      await eventually(async () => relay.role === "active");
      const word = unique("pangolin").replace("-", "");
      let slug = "";
      await reindexAll({
        batchSize: 10,
        // The snapshot is taken; now a write lands, and the running relay puts it in the live
        // (soon to be old) index and moves its cursor past it, all before the swap.
        onSnapshotTaken: async () => {
          slug = createPost({ actor: admin, fields: lessonInput("srs", { title: `${word} lesson` }) }).slug;
          await eventually(async () => (await found(word)).length === 1);
          await eventually(async () => consumerBacklog(SEARCH_CONSUMER).pending === 0);
        },
      });
      // The swap put in an index built before that write: only the replay brings it back.
      await eventually(async () => (await found(word)).length === 1, 10_000);
      expect(await found(word)).toEqual([`/posts/${slug}`]);
    } finally {
      await relay.stop();
    }
  });
});
