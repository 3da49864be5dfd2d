import { and, count, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import type { EventRow } from "~/events/event-log.server";
import { getDb } from "~/platform/db.server";
import { deletePost } from "~/posts/delete-post.server";
import { postSearchSource } from "~/posts/post-search.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { searchRecords } from "~/search/finder.server";
import { suggestRecords } from "~/search/search.server";
import { parseSearchQuery } from "~/search/search-query";
import { relayAll } from "~/search/search-relay.server";
import { partners, posts } from "../../db/schema";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";
import { startMeilisearchWithDemoContent, type TestMeilisearch } from "../support/meilisearch";

let meili: TestMeilisearch;
let reader: SessionUser;
let torfaenEditor: SessionUser;
let admin: SessionUser;

const TEAMS_POSTS = [
  "teams-rollout-covid",
  "newport-teams-rollout-council-meetings",
  "gwent-police-teams-rollout-lockdown",
];

/** The slug of a post result, from its address. */
function postSlug(hit: { url: string }): string {
  return hit.url.replace(/^\/posts\//, "");
}

function search(user: SessionUser, queryString: string) {
  return searchRecords(user, parseSearchQuery(new URLSearchParams(queryString)));
}

async function slugsFor(user: SessionUser, queryString: string): Promise<string[]> {
  return (await search(user, queryString)).hits.map(postSlug);
}

beforeAll(async () => {
  meili = await startMeilisearchWithDemoContent();
  reader = await givenUser("reader");
  torfaenEditor = await givenUser("editor", "torfaen");
  admin = await givenUser("admin");
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
});

describe("finding posts", () => {
  it("finds the Teams roll-out posts from a misspelt query", async () => {
    const slugs = await slugsFor(reader, "q=Micosoft+Teems");
    expect(slugs.slice(0, 5)).toEqual(expect.arrayContaining(TEAMS_POSTS));
  });

  it.each(["MS Teams", "O365 Teams", "M365 Teams"])("finds them through the synonym %j", async (q) => {
    const slugs = await slugsFor(reader, new URLSearchParams({ q }).toString());
    expect(slugs).toEqual(expect.arrayContaining(TEAMS_POSTS));
  });

  it("treats two-factor as MFA and WFH as remote working", async () => {
    expect(await slugsFor(reader, "q=two-factor")).toContain("torfaen-mfa-frontline-staff");
    const wfh = await search(reader, "q=WFH");
    expect(wfh.total).toBeGreaterThan(0);
  });

  it("highlights matches without using HTML", async () => {
    const [hit] = (await search(reader, "q=Teams")).hits;
    expect(hit?.title.some((segment) => segment.match && /teams/i.test(segment.text))).toBe(true);
    expect(JSON.stringify(hit)).not.toContain("<em>");
  });

  it("suggests titles as you type", async () => {
    const suggestions = await suggestRecords(reader, "teams rol");
    expect(suggestions.map(postSlug)).toEqual(expect.arrayContaining(["teams-rollout-covid"]));
  });
});

describe("facets", () => {
  it("count what the database holds", async () => {
    const db = getDb();
    const published = db
      .select({ kind: posts.kind, n: count() })
      .from(posts)
      .where(eq(posts.status, "published"))
      .groupBy(posts.kind)
      .all();
    const byPartner = db
      .select({ partner: partners.slug, n: count() })
      .from(posts)
      .innerJoin(partners, eq(posts.partnerId, partners.id))
      .where(eq(posts.status, "published"))
      .groupBy(partners.slug)
      .all();
    // Posts only: the demo roadmap's items are in the index beside them.
    const results = await search(reader, "type=post");
    expect(results.total).toBe(published.reduce((sum, row) => sum + row.n, 0));
    expect(Object.fromEntries(results.facets.kind.map((facet) => [facet.value, facet.count]))).toEqual(
      Object.fromEntries(published.map((row) => [row.kind, row.n])),
    );
    expect(Object.fromEntries(results.facets.partner.map((facet) => [facet.value, facet.count]))).toEqual(
      Object.fromEntries(byPartner.map((row) => [row.partner, row.n])),
    );
  });

  it("narrow the results", async () => {
    const results = await search(reader, "kind=lesson&partner=torfaen");
    expect(results.total).toBeGreaterThan(0);
    for (const hit of results.hits) expect([hit.kind, hit.partners[0]?.slug]).toEqual(["lesson", "torfaen"]);
    const year = await search(reader, "year=2020");
    expect(year.total).toBeGreaterThan(0);
    for (const hit of year.hits) expect(new Date(hit.date).getUTCFullYear()).toBe(2020);
    // The year's own list still offers the other years (counted disjunctively).
    expect(year.facets.year.find((facet) => facet.value === "2020")?.count).toBe(year.total);
    expect(year.facets.year.length).toBeGreaterThan(1);
  });

  it("ignore values they do not know", async () => {
    const all = await search(reader, "");
    const odd = await search(reader, "kind=memo&partner=Not%20A%20Slug!&year=banana&tag=%22%20OR%20status%3Ddraft");
    expect(odd.total).toBe(all.total);
  });
});

describe("the finder's filters", () => {
  const countOf = (facets: { value: string; count: number }[], value: string) =>
    facets.find((facet) => facet.value === value)?.count ?? 0;

  it("OR the values of one filter and AND different filters", async () => {
    const lessons = await search(reader, "kind=lesson");
    const caseStudies = await search(reader, "kind=case-study");
    const both = await search(reader, "kind=lesson&kind=case-study");
    expect(lessons.total).toBeGreaterThan(0);
    expect(caseStudies.total).toBeGreaterThan(0);
    expect(both.total).toBe(lessons.total + caseStudies.total);
    const torfaen = await search(reader, "kind=lesson&kind=case-study&partner=torfaen");
    expect(torfaen.total).toBeGreaterThan(0);
    expect(torfaen.total).toBeLessThan(both.total);
    for (const hit of torfaen.hits) {
      expect(["lesson", "case-study"]).toContain(hit.kind);
      expect(hit.partners.map((partner) => partner.slug)).toEqual(["torfaen"]);
    }
  });

  it("count each filter's values with every other filter applied, in one request", async () => {
    const all = await search(reader, "");
    const lessons = await search(reader, "kind=lesson");
    // Choosing a kind leaves the kind counts as they were: a second kind still says what it adds.
    expect(lessons.facets.kind).toEqual(all.facets.kind);
    // The other filters count lessons only.
    const torfaenLessons = await search(reader, "kind=lesson&partner=torfaen");
    expect(countOf(lessons.facets.partner, "torfaen")).toBe(torfaenLessons.total);
    // With a partner chosen too, the kinds are counted within that partner, the partners within lessons.
    const torfaenCaseStudies = await search(reader, "partner=torfaen&kind=case-study");
    expect(countOf(torfaenLessons.facets.kind, "case-study")).toBe(torfaenCaseStudies.total);
    expect(torfaenLessons.facets.partner).toEqual(lessons.facets.partner);
    expect(torfaenLessons.totalWithout).toEqual({
      kind: (await search(reader, "partner=torfaen")).total,
      partner: lessons.total,
    });
    expect(torfaenLessons.unfilteredTotal).toBe(all.total);
    expect(all.unfilteredTotal).toBeNull();
  });

  it("put the newest first without words and the best match first with them", async () => {
    const newest = (await search(reader, "")).hits.map((hit) => hit.date);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    const oldest = (await search(reader, "sort=oldest")).hits.map((hit) => hit.date);
    expect(oldest).toEqual([...oldest].sort((a, b) => a - b));
    const teams = await slugsFor(reader, "q=teams+rollout+covid");
    expect(teams[0]).toBe("teams-rollout-covid");
  });
});

describe("snippets", () => {
  it("come from the first part of the record that matched, and say which", async () => {
    const word = unique("pangolin").replace("-", "");
    const other = unique("narwhal").replace("-", "");
    const { slug } = createPost({
      actor: torfaenEditor,
      fields: lessonInput("torfaen", {
        body: `The long account mentions ${word} and ${other} once.`,
        sections: {
          drivingEvent: "A change of supplier.",
          lesson: "Test early.",
          recommendation: `Ask the supplier about ${word} before signing.`,
          evidence: "Two incidents.",
        },
      }),
    });
    await relayAll();
    const [inSection] = (await search(reader, `q=${word}`)).hits;
    expect(inSection && postSlug(inSection)).toBe(slug);
    expect(inSection?.matchedIn).toBe("sections.recommendation");
    expect(inSection?.snippet.map((segment) => segment.text).join("")).toContain("Ask the supplier about");
    expect(inSection?.snippet.some((segment) => segment.match && segment.text === word)).toBe(true);

    const [inBody] = (await search(reader, `q=${other}`)).hits;
    expect(inBody?.matchedIn).toBe("body");
    expect(inBody?.snippet.some((segment) => segment.match && segment.text === other)).toBe(true);

    const [inTitle] = (await search(reader, "q=teams+rollout+covid")).hits;
    expect(inTitle?.matchedIn).toBe("title");
    const [noWords] = (await search(reader, "")).hits;
    expect(noWords?.matchedIn).toBeNull();
  });
});

describe("permissions", () => {
  const drafts = () =>
    getDb().select({ slug: posts.slug, partnerId: posts.partnerId }).from(posts).where(eq(posts.status, "draft")).all();

  it.each([
    "",
    "q=draft",
    "q=status+%3D+draft+OR+1%3D1",
    "q=%22+OR+status+%3D+%22draft",
    "q=visibility",
    "partner=torfaen",
    "partner=srs&kind=strategy",
    "status=draft",
    "visibility=partner%3Atorfaen",
    `q=${"x".repeat(10_000)}`,
  ])("never shows a reader a draft (%#)", async (queryString) => {
    const hits = (await search(reader, queryString)).hits;
    // A roadmap item's status is its progress ("planned"), not a draft's: every item is for everyone.
    expect(hits.filter((hit) => hit.type === "post" && hit.status !== "published")).toEqual([]);
    const slugs = new Set(hits.map(postSlug));
    for (const draft of drafts()) expect(slugs.has(draft.slug)).toBe(false);
  });

  it("shows an editor their own partner's drafts only, and an admin all of them", async () => {
    const all = drafts();
    expect(all.length).toBeGreaterThanOrEqual(3);
    const torfaen = getDb().select().from(partners).where(eq(partners.slug, "torfaen")).get();
    const editorDrafts = await allSlugs(torfaenEditor);
    for (const draft of all) {
      expect(editorDrafts.includes(draft.slug)).toBe(draft.partnerId === torfaen?.id);
    }
    const adminSlugs = await allSlugs(admin);
    for (const draft of all) expect(adminSlugs).toContain(draft.slug);
  });

  async function allSlugs(user: SessionUser): Promise<string[]> {
    const slugs: string[] = [];
    for (let page = 1; ; page++) {
      const results = await search(user, `page=${page}`);
      slugs.push(...results.hits.map(postSlug));
      if (page >= results.pageCount) return slugs;
    }
  }
});

describe("bad input", () => {
  it("gives an empty page past the end, not an error", async () => {
    const results = await search(reader, "q=teams&page=999");
    expect(results.hits).toEqual([]);
    expect(results.total).toBeGreaterThan(0);
  });

  it.each(['"', "'", "\\", "()", "AND OR NOT", "🚓 héddlu", "\u0000", "*".repeat(600)])("answers %j", async (q) => {
    await expect(search(reader, new URLSearchParams({ q }).toString())).resolves.toBeDefined();
  });

  it("cuts a 10 KB query and says so", () => {
    const query = parseSearchQuery(new URLSearchParams({ q: "teams ".repeat(2000) }));
    expect(query.truncated).toBe(true);
    expect(query.q.length).toBeLessThanOrEqual(512);
  });
});

describe("keeping in step with the database", () => {
  it("finds an edit once the outbox drains", async () => {
    const word = unique("zebracrossing").replace("-", "");
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen") });
    await relayAll();
    expect(await slugsFor(reader, `q=${word}`)).toEqual([]);
    updatePost({ actor: torfaenEditor, slug, fields: lessonInput("torfaen", { slug, title: `Lesson about ${word}` }) });
    await relayAll();
    expect(await slugsFor(reader, `q=${word}`)).toEqual([slug]);
  });

  it("removes archived and deleted posts from the index", async () => {
    const word = unique("quokka").replace("-", "");
    const first = createPost({ actor: admin, fields: lessonInput("newport", { title: `${word} one` }) });
    const second = createPost({ actor: admin, fields: lessonInput("newport", { title: `${word} two` }) });
    await relayAll();
    expect((await slugsFor(admin, `q=${word}`)).sort()).toEqual([first.slug, second.slug].sort());
    updatePost({
      actor: admin,
      slug: first.slug,
      fields: lessonInput("newport", { slug: first.slug, title: `${word} one`, status: "archived" }),
    });
    deletePost({ actor: admin, slug: second.slug });
    await relayAll();
    expect(await slugsFor(admin, `q=${word}`)).toEqual([]);
  });

  it("indexes every indexable post exactly once", async () => {
    await relayAll();
    const indexable =
      getDb()
        .select({ n: count() })
        .from(posts)
        .where(and(ne(posts.status, "archived")))
        .get()?.n ?? 0;
    expect((await search(admin, "type=post")).total).toBe(indexable);
  });
});

describe("a partner's change", () => {
  it("re-sends the documents of its posts, which carry its name; a new partner's does not", () => {
    const torfaen = givenPartner("torfaen");
    const torfaenPosts = getDb().select({ id: posts.id }).from(posts).where(eq(posts.partnerId, torfaen.id)).all();
    const event = (type: string): EventRow => ({
      id: 1,
      type,
      recordType: "partner",
      recordId: String(torfaen.id),
      actorId: null,
      source: "import",
      partnerIds: [torfaen.id],
      occurredAt: new Date(),
      data: {},
    });
    expect(postSearchSource.affectedBy(event("partner.updated"), getDb()).sort()).toEqual(
      torfaenPosts.map((post) => String(post.id)).sort(),
    );
    expect(postSearchSource.affectedBy(event("partner.created"), getDb())).toEqual([]);
  });
});
