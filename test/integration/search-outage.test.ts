import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { failureCounts } from "~/events/consumer-failures.server";
import { consumerBacklog, consumerPosition } from "~/events/consumers.server";
import { createPost } from "~/posts/save-post.server";
import { searchRecords } from "~/search/finder.server";
import { SearchUnavailableError } from "~/search/meili.server";
import { reindexAll } from "~/search/reindex.server";
import { rebuildOutcome, rebuildSearchIndex, requestRebuild, startSearchRelay } from "~/search/relay-runner.server";
import { parseSearchQuery } from "~/search/search-query";
import { LeaseLostError, relayAll, relayOnce, SEARCH_CONSUMER } from "~/search/search-relay.server";
import { givenUser, lessonInput, unique } from "../support/factories";
import { startMeilisearchWithDemoContent, type TestMeilisearch } from "../support/meilisearch";
import { searchableRecordCount } from "../support/searchable-records";
import { eventually } from "../support/wait";

let meili: TestMeilisearch;
let admin: SessionUser;

const search = (q: string) => searchRecords(admin, parseSearchQuery(new URLSearchParams({ q })));
const found = async (q: string) => (await search(q)).hits.map((hit) => hit.url);

const indexableCount = () => searchableRecordCount();

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
    // Events not yet relayed, such as the accounts made for this file.
    const pendingBefore = consumerBacklog(SEARCH_CONSUMER).pending;
    const slugs = [1, 2, 3].map(
      (n) => createPost({ actor: admin, fields: lessonInput("torfaen", { title: `${word} lesson ${n}` }) }).slug,
    );
    expect(consumerBacklog(SEARCH_CONSUMER).pending).toBe(pendingBefore + 3);
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
    const report = await reindexAll({ batchSize: 25 });
    reindexing = false;
    await searching;

    expect(failures).toEqual([]);
    expect(searches).toBeGreaterThan(0);
    expect(report.documents).toBe(indexableCount());
    expect((await searchRecords(admin, parseSearchQuery(new URLSearchParams()))).total).toBe(indexableCount());
  });

  it("is done by the running relay when asked, and relays a write made between its snapshot and its swap", async () => {
    const word = unique("pangolin").replace("-", "");
    let slug = "";
    let wroteDuringRebuild = false;
    const relay = startSearchRelay({
      pollMs: 20,
      rebuild: {
        batchSize: 10,
        // The snapshot is taken; now a write lands, before the new index is swapped in.
        onSnapshotTaken: () => {
          slug = createPost({ actor: admin, fields: lessonInput("srs", { title: `${word} lesson` }) }).slug;
          wroteDuringRebuild = true;
        },
      },
    });
    try {
      await eventually(() => relay.role === "active");
      const requestedAt = requestRebuild();
      await eventually(() => rebuildOutcome(requestedAt) !== null, 20_000);
      expect(rebuildOutcome(requestedAt)?.report?.documents).toBe(indexableCount() - 1);
      expect(wroteDuringRebuild).toBe(true);
      // The new index was built before that write: the relay carries on from the snapshot and sends it.
      await eventually(async () => (await found(word)).length === 1);
      expect(await found(word)).toEqual([`/posts/${slug}`]);
      await eventually(() => consumerBacklog(SEARCH_CONSUMER).pending === 0);
    } finally {
      await relay.stop();
    }
  });

  it("is refused to anyone but the holder of the relay lease", async () => {
    const relay = startSearchRelay({ pollMs: 20 });
    try {
      await eventually(() => relay.role === "active");
      await expect(rebuildSearchIndex("someone-else")).rejects.toBeInstanceOf(LeaseLostError);
    } finally {
      await relay.stop();
    }
  });
});
