/**
 * Roadmap items in search, through the event log as the Hub indexes them,
 * and posts found by the items they are linked to: a link or unlink changes
 * both documents, and each document's version is what the index check expects.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { acquireLease, newHolderId, releaseLease } from "~/platform/lease.server";
import { findPostsInDatabase } from "~/posts/post-finder.server";
import { createPost } from "~/posts/save-post.server";
import { searchRecords } from "~/search/finder.server";
import { checkSearchIndex } from "~/search/index-check.server";
import { ensureIndex, SEARCH_INDEX } from "~/search/index-settings.server";
import { getSearchClient } from "~/search/meili.server";
import { markIndexCurrent, RELAY_LEASE } from "~/search/relay-runner.server";
import type { SearchDocument } from "~/search/search-document.server";
import { parseSearchQuery } from "~/search/search-query";
import { relayAll } from "~/search/search-relay.server";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";
import { startTestMeilisearch, type TestMeilisearch } from "../support/meilisearch";
import { givenLink, givenRoadmapItem, givenRoadmapUpdate, removeLink } from "../support/roadmap-rows";

let meili: TestMeilisearch;
let reader: SessionUser;
let editor: SessionUser;
const partner = unique("torfaen");

const search = (user: SessionUser, queryString: string) =>
  searchRecords(user, parseSearchQuery(new URLSearchParams(queryString)));

const indexed = (id: string) => getSearchClient().index<SearchDocument>(SEARCH_INDEX).getDocument(id);

beforeAll(async () => {
  meili = await startTestMeilisearch();
  await ensureIndex();
  markIndexCurrent();
  givenPartner(partner, "Torfaen test council");
  reader = await givenUser("reader");
  editor = await givenUser("editor", partner);
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
});

describe("roadmap items in search", () => {
  it("indexes an item through the event log, with its theme, status, partners and latest rating", async () => {
    const item = givenRoadmapItem({
      title: "Zephyrine email migration",
      theme: "cloud-and-infrastructure",
      status: "in-progress",
      partners: [partner],
    });
    givenRoadmapUpdate(item.id, "on-track", "2026-01-10", "First wave done.");
    const latest = givenRoadmapUpdate(item.id, "at-risk", "2026-02-10", "Licensing quibbleberry delays.");
    await relayAll();

    const results = await search(reader, "q=zephyrine&type=roadmap_item");
    expect(results.hits.map((hit) => hit.url)).toEqual([`/roadmap/${item.slug}`]);
    expect(results.hits[0]).toMatchObject({
      type: "roadmap_item",
      status: "in-progress",
      kind: "cloud-and-infrastructure",
      themeName: "Cloud and infrastructure",
      rag: "at-risk",
      partners: [{ slug: partner, name: "Torfaen test council" }],
    });
    // The latest update's note is searchable and says where it matched.
    const byNote = await search(reader, "q=quibbleberry");
    expect(byNote.hits[0]?.matchedIn).toBe("sections.latestUpdate");
    expect(latest.itemId).toBe(item.id);
    // The type facet offers both types once there are both.
    expect((await search(reader, "")).facets.type.map((facet) => facet.value)).toContain("roadmap_item");
  });

  it("finds a post by the item it is linked to, re-indexing both on link and unlink", async () => {
    const item = givenRoadmapItem({ title: "Microsoft 365 roll-out", theme: "collaboration-and-productivity" });
    const post = createPost({
      actor: editor,
      fields: lessonInput(partner, { title: "What moving mailboxes taught us about wombatry" }),
    });
    await relayAll();
    expect((await search(reader, `item=${item.slug}`)).total).toBe(0);

    const { link, eventId } = givenLink(item.id, post.id, "learned-from");
    await relayAll();

    // "Lessons linked to the Microsoft 365 roll-out" is one filter.
    const linked = await search(reader, `item=${item.slug}&kind=lesson`);
    expect(linked.hits.map((hit) => hit.url)).toEqual([`/posts/${post.slug}`]);
    expect(linked.facets.item).toEqual([{ value: item.slug, count: 1 }]);
    // The item's title finds the post by words too.
    const byTitle = await search(reader, `q=${encodeURIComponent("Microsoft 365 roll-out")}&type=post`);
    expect(byTitle.hits.map((hit) => hit.url)).toContain(`/posts/${post.slug}`);
    // The item's document lists the post, and both carry the link's event as their version.
    const itemDocument = await indexed(`roadmap_item-${item.id}`);
    expect(itemDocument.sections.linkedPosts).toContain("wombatry");
    expect(itemDocument.version).toBe(eventId);
    const postDocument = await indexed(`post-${post.id}`);
    expect(postDocument).toMatchObject({ linkedItems: [item.slug], linkedItemTitles: [item.title], version: eventId });
    // SQLite (the finder while search is down) agrees.
    expect(findPostsInDatabase(reader, parseSearchQuery(new URLSearchParams(`item=${item.slug}`))).total).toBe(1);

    const removed = removeLink(link);
    await relayAll();
    expect((await search(reader, `item=${item.slug}`)).total).toBe(0);
    expect((await indexed(`roadmap_item-${item.id}`)).sections.linkedPosts).toBeUndefined();
    expect(await indexed(`post-${post.id}`)).toMatchObject({ linkedItems: [], version: removed });
    expect(findPostsInDatabase(reader, parseSearchQuery(new URLSearchParams(`item=${item.slug}`))).total).toBe(0);
  });

  it("leaves the index as the index check expects it: no record outdated, missing or extra", async () => {
    const item = givenRoadmapItem({ title: "Versions agree" });
    const post = createPost({ actor: editor, fields: lessonInput(partner, { title: "A post linked for the check" }) });
    givenLink(item.id, post.id, "informs");
    givenRoadmapUpdate(item.id, "off-track", "2026-03-01");
    await relayAll();
    const holder = newHolderId();
    expect(acquireLease(RELAY_LEASE, holder, 60_000)).toBe(true);
    try {
      const report = await checkSearchIndex({ holder, log: () => {} });
      expect(report, report.reason).toMatchObject({ outcome: "matched", missing: 0, outdated: 0, extra: 0 });
    } finally {
      releaseLease(RELAY_LEASE, holder);
    }
  });
});
