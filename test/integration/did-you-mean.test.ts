/**
 * "Did you mean" and similar posts against a real Meilisearch, through the
 * event log as the Hub indexes records: a misspelling that finds nothing is
 * corrected to a word that finds something; a word only a confidential
 * decision or paper, or a draft, holds is never suggested, not even to an
 * administrator who may see them; similar posts leave out the post itself
 * and what the reader may not see, and list other partners' posts first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/auth/lucia.server";
import type { SessionUser } from "~/auth/principals";
import { findPostBySlug } from "~/posts/posts.server";
import { createPost } from "~/posts/save-post.server";
import { loader as finderLoader } from "~/routes/search._index";
import { didYouMean } from "~/search/did-you-mean.server";
import { searchRecords } from "~/search/finder.server";
import { ensureIndex } from "~/search/index-settings.server";
import { markIndexCurrent } from "~/search/relay-runner.server";
import { parseSearchQuery } from "~/search/search-query";
import { relayAll } from "~/search/search-relay.server";
import { searchVocabulary } from "~/search/search-vocabulary.server";
import { similarPostsSection } from "~/search/similar-records.server";
import { givenDecision, givenPaper } from "../support/board-records";
import { givenBoard, givenMeeting } from "../support/board-rows";
import { givenPartner, givenUser, lessonInput } from "../support/factories";
import { startTestMeilisearch, type TestMeilisearch } from "../support/meilisearch";

let meili: TestMeilisearch;
let reader: SessionUser;
let admin: SessionUser;

/** What the finder would offer this person for `q`: the search first, then its corrections. */
async function offered(user: SessionUser, q: string): Promise<{ total: number; corrections: string[] }> {
  const query = parseSearchQuery(new URLSearchParams({ q }));
  const { total } = await searchRecords(user, query);
  return { total, corrections: (await didYouMean(user, query, total)).map((correction) => correction.q) };
}

async function total(user: SessionUser, q: string): Promise<number> {
  return (await searchRecords(user, parseSearchQuery(new URLSearchParams({ q })))).total;
}

const slugOf = (url: string) => url.replace(/^\/posts\//, "");

beforeAll(async () => {
  meili = await startTestMeilisearch();
  await ensureIndex();
  markIndexCurrent();
  givenPartner("alpha", "Alpha County Council");
  givenPartner("beta", "Beta Borough Council");
  reader = await givenUser("reader");
  admin = await givenUser("admin");
  // Each made-up word ends "ling"; typed as "...nig" it is two edits away, seven letters long: too far
  // for the engine's own typo tolerance, near enough for a correction.
  // (Its tag is no word near "zorbnig": a tag "zorb" would give the word form "zorbing", one typo away.)
  createPost({
    actor: admin,
    fields: lessonInput("alpha", { title: "Zorbling the telephony estate", tags: "telephony" }),
  });
  createPost({
    actor: admin,
    fields: lessonInput("beta", { title: "Dwixling our printers", status: "draft", tags: "printers" }),
  });
  const board = givenBoard({ name: "Procurement Board", referencePrefix: "PRB" });
  const meeting = givenMeeting(board.id, { status: "held", startsAt: new Date("2026-03-12T10:00:00Z") });
  givenDecision(board.id, meeting.id, {
    title: "Terminate the contract",
    text: "Notice to the quaxling supplier.",
    confidential: true,
  });
  givenPaper(meeting.id, { title: "Pricing", text: "The vempling licence renewal.", confidential: true });
  await relayAll();
  await searchVocabulary(undefined, { checkEveryMs: 0 });
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
});

describe("did you mean", () => {
  it("corrects a misspelling that finds nothing to a word that finds something", async () => {
    expect(await offered(reader, "zorbnig")).toEqual({ total: 0, corrections: ["zorbling"] });
    expect(await total(reader, "zorbling")).toBe(1);
  });

  it("offers a correction only where it finds something, with the filters in use kept", async () => {
    const posts = parseSearchQuery(new URLSearchParams({ q: "zorbnig", type: "post" }));
    expect(await didYouMean(reader, posts, 0)).toEqual([{ q: "zorbling", href: "/search?q=zorbling&type=post" }]);
    const decisions = parseSearchQuery(new URLSearchParams({ q: "zorbnig", type: "decision" }));
    expect(await didYouMean(reader, decisions, 0)).toEqual([]);
  });

  it("never suggests a word that only a confidential decision or paper, or a draft, holds", async () => {
    // The administrator may see all three, and finds each by its word...
    for (const word of ["quaxling", "vempling", "dwixling"]) expect(await total(admin, word)).toBeGreaterThan(0);
    // ...but nobody is offered them: the vocabulary holds only what every member of staff may see.
    for (const typed of ["quaxnig", "vempnig", "dwixnig"]) {
      expect(await offered(admin, typed)).toEqual({ total: 0, corrections: [] });
      expect(await offered(reader, typed)).toEqual({ total: 0, corrections: [] });
    }
  });

  it("sees a change to the index once it is checked again", async () => {
    createPost({ actor: admin, fields: lessonInput("beta", { title: "Blofling the network", tags: "network" }) });
    await relayAll();
    await searchVocabulary(undefined, { checkEveryMs: 0 });
    expect((await offered(reader, "blofnig")).corrections).toEqual(["blofling"]);
  });
});

describe("similar posts", () => {
  const fields = (partner: string, title: string, extra: Record<string, string> = {}) =>
    lessonInput(partner, {
      title,
      summary: "Moving call centre telephony to a hosted contact platform before the switch-off.",
      tags: "telephony, contact-centre",
      ...extra,
    });

  it("lists other partners' posts first, never the post itself nor one the reader may not see", async () => {
    const own = createPost({ actor: admin, fields: fields("alpha", "Hosted contact centre telephony") });
    const sameLike = createPost({ actor: admin, fields: fields("alpha", "Hosted contact centre telephony again") });
    const otherLess = createPost({
      actor: admin,
      fields: lessonInput("beta", {
        title: "Telephony for the contact centre",
        summary: "A new platform.",
        tags: "telephony",
      }),
    });
    const draft = createPost({
      actor: admin,
      fields: fields("beta", "Hosted contact centre telephony draft", { status: "draft" }),
    });
    await relayAll();
    await searchVocabulary(undefined, { checkEveryMs: 0 });
    const post = findPostBySlug(own.slug);
    if (!post) throw new Error("post not found");

    const forReader = (await similarPostsSection(reader, post)) ?? [];
    const readerSlugs = forReader.map((similar) => slugOf(similar.url));
    // The same partner's post shares more, yet comes after the other partner's.
    expect(readerSlugs[0]).toBe(otherLess.slug);
    expect(forReader[0]).toMatchObject({ kind: "lesson", partnerNames: ["Beta Borough Council"], samePartner: false });
    expect(readerSlugs).toContain(sameLike.slug);
    const firstSame = forReader.findIndex((similar) => similar.samePartner);
    expect(forReader.slice(firstSame).every((similar) => similar.samePartner)).toBe(true);
    expect(readerSlugs).not.toContain(own.slug);
    expect(readerSlugs).not.toContain(draft.slug);

    // The administrator may see the draft: it is found, which shows the reader's list left it out.
    const forAdmin = ((await similarPostsSection(admin, post)) ?? []).map((similar) => slugOf(similar.url));
    expect(forAdmin.slice(0, 2)).toEqual([draft.slug, otherLess.slug]);
    expect(forAdmin).not.toContain(own.slug);
  });

  it("is absent, not an error, while search is down; stop words alone never ask the engine", async () => {
    const post = findPostBySlug(
      (await searchRecords(reader, parseSearchQuery(new URLSearchParams({ q: "zorbling" })))).hits[0]?.url.slice(7) ??
        "",
    );
    if (!post) throw new Error("post not found");
    await meili.stop();
    try {
      expect(await similarPostsSection(reader, post)).toBeNull();
      // Had the finder asked the engine, it would say search is down.
      const cookie = (await startSession(reader.id, { method: "password" })).split(";")[0] ?? "";
      const answer = await finderLoader({
        request: new Request("http://hub.test/search?q=the+of+and", { headers: { Cookie: cookie } }),
        params: {},
        context: { requestId: "test", clientAddress: "127.0.0.1", monitoringAddress: "127.0.0.1", cspNonce: "n" },
      });
      expect(answer).toMatchObject({ emptyQuery: "stopWordsOnly", searchDown: false, corrections: [] });
    } finally {
      await meili.start();
    }
  });
});
