import { count, isNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/permissions";
import { getDb } from "~/platform/db.server";
import { createPost } from "~/posts/save-post.server";
import { SearchUnavailableError } from "~/search/meili.server";
import { drainAll, drainOnce, outboxBacklog, startOutboxRelay } from "~/search/outbox.server";
import { reindexPosts } from "~/search/reindex.server";
import { searchPosts } from "~/search/search.server";
import { parseSearchQuery } from "~/search/search-query";
import { posts, searchOutbox } from "../../db/schema";
import { givenUser, lessonInput, unique } from "../support/factories";
import { startMeilisearchWithDemoContent, type TestMeilisearch } from "../support/meilisearch";

let meili: TestMeilisearch;
let admin: SessionUser;

const search = (q: string) => searchPosts(admin, parseSearchQuery(new URLSearchParams({ q })));

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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
  it("keeps every write and catches up, without duplicates, when it returns", async () => {
    await meili.stop();
    const word = unique("narwhal").replace("-", "");
    const slugs = [1, 2, 3].map(
      (n) => createPost({ actor: admin, raw: lessonInput("torfaen", { title: `${word} lesson ${n}` }) }).slug,
    );
    expect(outboxBacklog().pending).toBe(3);
    await expect(search(word)).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(drainOnce()).rejects.toThrow();
    const waiting = getDb().select().from(searchOutbox).where(isNull(searchOutbox.processedAt)).all();
    expect(waiting.map((row) => row.attempts)).toEqual([1, 1, 1]);
    expect(waiting[0]?.lastError).toBeTruthy();

    await meili.start();
    await drainAll();
    expect(outboxBacklog().pending).toBe(0);
    const found = (await search(word)).hits.map((hit) => hit.slug);
    expect(found.sort()).toEqual(slugs.sort());
    expect((await searchPosts(admin, parseSearchQuery(new URLSearchParams()))).total).toBe(indexableCount());
  });

  it("has the relay retry on its own until the engine is back", async () => {
    const lines: string[] = [];
    const relay = startOutboxRelay({ pollMs: 50, maxBackoffMs: 400, log: (line) => lines.push(line) });
    try {
      await meili.stop();
      const word = unique("axolotl").replace("-", "");
      const { slug } = createPost({ actor: admin, raw: lessonInput("newport", { title: `${word} lesson` }) });
      await eventually(async () => lines.some((line) => line.startsWith("Search index update failed")));
      await meili.start();
      await eventually(async () => outboxBacklog().pending === 0);
      expect((await search(word)).hits.map((hit) => hit.slug)).toEqual([slug]);
      expect(lines.some((line) => line.startsWith("Search index caught up"))).toBe(true);
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
    // A write in the middle of the rebuild must reach the new index too.
    const word = unique("pangolin").replace("-", "");
    const rebuilding = reindexPosts({ batchSize: 10 });
    const { slug } = createPost({ actor: admin, raw: lessonInput("srs", { title: `${word} lesson` }) });
    const report = await rebuilding;
    reindexing = false;
    await searching;

    expect(failures).toEqual([]);
    expect(searches).toBeGreaterThan(0);
    expect(report.documents).toBeGreaterThanOrEqual(indexableCount() - 1);
    await drainAll();
    expect((await search(word)).hits.map((hit) => hit.slug)).toEqual([slug]);
    expect((await searchPosts(admin, parseSearchQuery(new URLSearchParams()))).total).toBe(indexableCount());
  });
});
