/**
 * The finder from SQLite, used while search is down: the same filters and
 * disjunctive counts as the search index, scoped exactly as the post lists
 * are, so that a reader never sees another partner's draft in it, nor in its
 * counts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { findPostsInDatabase } from "~/posts/post-finder.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { searchRecords } from "~/search/finder.server";
import type { FinderResults } from "~/search/finder-results";
import { parseSearchQuery } from "~/search/search-query";
import { relayAll } from "~/search/search-relay.server";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";
import { startMeilisearchWithDemoContent, type TestMeilisearch } from "../support/meilisearch";

let meili: TestMeilisearch;
let reader: SessionUser;
let torfaenEditor: SessionUser;
let newportEditor: SessionUser;
const draftTag = unique("secret-draft");
const archivedTag = unique("archived-one");
let draftSlug = "";

const query = (queryString: string) => parseSearchQuery(new URLSearchParams(queryString));
const inDatabase = (user: SessionUser, queryString: string) => findPostsInDatabase(user, query(queryString));

/**
 * Every count the finder shows of posts, as one object to compare. The
 * finder lists posts alone from SQLite (decision 045), so search is asked for
 * posts only (`type=post`, below), and the type filter's own counts and the
 * total before any filter, which count roadmap items too, are left out.
 */
function counts(results: FinderResults) {
  const { type: _types, ...facets } = results.facets;
  const { type: _withoutType, ...totalWithout } = results.totalWithout;
  return { total: results.total, facets, totalWithout };
}

/** Search's answer for the same query, of posts only. */
const fromSearchOf = (user: SessionUser, queryString: string) => searchRecords(user, query(`${queryString}&type=post`));

beforeAll(async () => {
  meili = await startMeilisearchWithDemoContent();
  givenPartner("torfaen");
  reader = await givenUser("reader");
  torfaenEditor = await givenUser("editor", "torfaen");
  newportEditor = await givenUser("editor", "newport");
  draftSlug = createPost({
    actor: torfaenEditor,
    fields: lessonInput("torfaen", { title: `A draft ${draftTag}`, status: "draft", tags: draftTag }),
  }).slug;
  const published = createPost({
    actor: torfaenEditor,
    fields: lessonInput("torfaen", { title: `Archived ${archivedTag}`, tags: archivedTag }),
  });
  updatePost({
    actor: torfaenEditor,
    slug: published.slug,
    fields: lessonInput("torfaen", { title: `Archived ${archivedTag}`, tags: archivedTag, status: "archived" }),
  });
  await relayAll();
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
});

describe("the finder from SQLite", () => {
  it.each([
    "",
    "kind=lesson",
    "kind=lesson&kind=case-study",
    "kind=lesson&partner=torfaen",
    "partner=torfaen&partner=newport&year=2023&year=2024",
    "tag=microsoft-365&tag=teams&kind=lesson",
    "kind=strategy&tag=teams",
    "sort=oldest&kind=aspiration",
    "page=2",
  ])("counts and lists what search does for a reader (%j)", async (queryString) => {
    const fromSearch = await fromSearchOf(reader, queryString);
    const fromDatabase = inDatabase(reader, queryString);
    expect(counts(fromDatabase)).toEqual(counts(fromSearch));
    expect(fromDatabase.hits.map((hit) => hit.url)).toEqual(fromSearch.hits.map((hit) => hit.url));
  });

  it("never shows a reader, or another partner's editor, a draft: not in the list, not in the counts", () => {
    for (const user of [reader, newportEditor]) {
      for (const queryString of ["", "partner=torfaen", `tag=${draftTag}`, "kind=lesson&partner=torfaen"]) {
        const results = inDatabase(user, queryString);
        const pages = Array.from({ length: Math.max(results.pageCount, 1) }, (_, index) =>
          inDatabase(user, `${queryString}&page=${index + 1}`),
        );
        for (const page of pages) {
          expect(page.hits.map((hit) => hit.url)).not.toContain(`/posts/${draftSlug}`);
          expect(
            page.hits.filter((hit) => hit.status !== "published" && !hit.partners.some((p) => p.slug === "newport")),
          ).toEqual([]);
        }
        expect(results.facets.tag.map((facet) => facet.value)).not.toContain(draftTag);
      }
      expect(inDatabase(user, `tag=${draftTag}`).total).toBe(0);
    }
  });

  it("lists and counts what search does for the partner's own editor too: drafts in, archived posts out", async () => {
    for (const queryString of ["", `tag=${archivedTag}`, "partner=torfaen&kind=lesson"]) {
      const fromSearch = await fromSearchOf(torfaenEditor, queryString);
      const fromDatabase = inDatabase(torfaenEditor, queryString);
      expect(counts(fromDatabase)).toEqual(counts(fromSearch));
      expect(fromDatabase.hits.map((hit) => hit.url)).toEqual(fromSearch.hits.map((hit) => hit.url));
    }
    expect(inDatabase(torfaenEditor, `tag=${archivedTag}`).total).toBe(0);
  });

  it("shows the partner's own editor their draft, and counts it", () => {
    const own = inDatabase(torfaenEditor, `tag=${draftTag}`);
    expect(own.hits.map((hit) => hit.url)).toEqual([`/posts/${draftSlug}`]);
    expect(inDatabase(torfaenEditor, "").facets.tag).toContainEqual({ value: draftTag, count: 1 });
    const readersTorfaen = inDatabase(reader, "partner=torfaen").total;
    expect(inDatabase(torfaenEditor, "partner=torfaen").total).toBeGreaterThan(readersTorfaen);
  });
});
