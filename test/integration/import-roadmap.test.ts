/** The demo roadmap (content/roadmap/) as files, and its import: counts, a second run changing nothing, dates relative to the import. */
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { readContentDirectory } from "~/content/content-files.server";
import { importContent } from "~/content/import-content.server";
import { getDb } from "~/platform/db.server";
import { withdrawInterest } from "~/posts/partner-responses.server";
import { partnerResponsesOf } from "~/posts/post-people.server";
import { findPostBySlug } from "~/posts/posts.server";
import { listDemand } from "~/roadmap/demand.server";
import { events, partnerResponses } from "../../db/schema";
import { givenUser } from "../support/factories";

const CONTENT_DIR = path.resolve("content");
const DAY_MS = 24 * 60 * 60 * 1000;
const content = readContentDirectory(CONTENT_DIR);
const roadmap = content.roadmap ?? [];
const interest = content.interest ?? [];
const postsBySlug = new Map(content.posts.map((post) => [post.slug, post]));

describe("the demo roadmap's files", () => {
  it("has at least 15 items across the 8 themes, all 6 statuses and all partners", () => {
    expect(roadmap.length).toBeGreaterThanOrEqual(15);
    expect(new Set(roadmap.map((item) => item.theme)).size).toBe(8);
    expect(new Set(roadmap.map((item) => item.status)).size).toBe(6);
    expect(new Set(roadmap.flatMap((item) => item.partners))).toEqual(
      new Set(content.partners.map((partner) => partner.slug)),
    );
    for (const item of roadmap) {
      expect(item.description).toContain("Illustrative demo content");
      // A target before the start would be refused by the item's form: the files keep the same rule.
      expect(item.target >= item.start, item.slug).toBe(true);
    }
    // Some reviewed within 90 days, some not: the roadmap shows stale items from the first day.
    expect(roadmap.some((item) => (item.reviewedDaysAgo ?? 0) > 90)).toBe(true);
    expect(roadmap.some((item) => (item.reviewedDaysAgo ?? 0) <= 90)).toBe(true);
  });

  it("links published posts of the kinds each relation is for, with lessons learned from delivered items", () => {
    const kindsFor = {
      drives: ["aspiration", "strategy"],
      informs: ["lesson", "case-study"],
      "learned-from": ["lesson", "case-study"],
      delivers: ["case-study"],
    };
    for (const item of roadmap) {
      for (const link of item.links) {
        const post = postsBySlug.get(link.post);
        expect(post?.status, `${item.slug} → ${link.post}`).toBe("published");
        expect(kindsFor[link.relation], `${item.slug} → ${link.post}`).toContain(post?.kind);
      }
    }
    const learned = roadmap
      .filter((item) => item.status === "delivered")
      .flatMap((item) => item.links.filter((link) => link.relation === "learned-from"))
      .filter((link) => postsBySlug.get(link.post)?.kind === "lesson");
    expect(new Set(learned.map((link) => link.post)).size).toBeGreaterThanOrEqual(3);
  });

  it("leaves at least three aspirations wanted by two or more partners and driving no item", () => {
    const driven = new Set(
      roadmap.flatMap((item) => item.links.filter((link) => link.relation === "drives").map((link) => link.post)),
    );
    const wanters = new Map<string, Set<string>>();
    for (const entry of interest) wanters.set(entry.post, (wanters.get(entry.post) ?? new Set()).add(entry.partner));
    const demand = [...wanters].filter(([post, partners]) => !driven.has(post) && partners.size >= 2);
    expect(demand.length).toBeGreaterThanOrEqual(3);
  });
});

describe("importing the demo roadmap", () => {
  it("imports partners' interest once, dated relative to the import; a second run changes nothing", async () => {
    const before = Date.now();
    const first = importContent(content);
    expect(first.interest).toEqual({ created: interest.length, updated: 0, unchanged: 0 });
    const db = getDb();
    const rows = () =>
      db.select({ n: count() }).from(partnerResponses).where(eq(partnerResponses.kind, "interested")).get()?.n;
    const eventCount = () => db.select({ n: count() }).from(events).get()?.n;
    expect(rows()).toBe(interest.length);

    // "daysAgo" is counted back from the day of the import, whenever that is.
    const entry = interest.find((candidate) => candidate.daysAgo > 0);
    const post = findPostBySlug(entry?.post ?? "");
    const said = partnerResponsesOf(post?.id ?? -1, "interested").find(
      (response) => response.partnerSlug === entry?.partner,
    );
    const expected = before - (entry?.daysAgo ?? 0) * DAY_MS;
    expect(Math.abs((said?.recordedAt.getTime() ?? 0) - expected)).toBeLessThan(60_000);

    // Withdrawn in the Hub since: an unchanged file does not put it back.
    const wanting = await givenUser("reader", entry?.partner ?? "");
    expect(withdrawInterest(wanting, { slug: entry?.post ?? "" }).withdrawn).toBe(true);
    const afterFirst = { rows: rows(), events: eventCount() };
    expect(afterFirst.rows).toBe(interest.length - 1);
    const second = importContent(readContentDirectory(CONTENT_DIR));
    expect(second.interest).toEqual({ created: 0, updated: 0, unchanged: interest.length });

    expect({ rows: rows(), events: eventCount() }).toEqual(afterFirst);

    // The demand view has something to show: the most wanted aspiration first.
    const reader = await givenUser("reader", "srs");
    const [top] = listDemand(reader, "en").entries;
    expect(top?.wantedBy.length).toBeGreaterThanOrEqual(2);
  });
});
