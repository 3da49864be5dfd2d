/** The demo roadmap (content/roadmap/) as files, and its import: counts, a second run changing nothing, dates relative to the import. */
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getUserByEmail } from "~/auth/users.server";
import { readContentDirectory } from "~/content/content-files.server";
import { ensureDemoAccounts } from "~/content/demo-accounts.server";
import { importContent } from "~/content/import-content.server";
import { getDb } from "~/platform/db.server";
import { withdrawInterest } from "~/posts/partner-responses.server";
import { partnerResponsesOf } from "~/posts/post-people.server";
import { findPostBySlug } from "~/posts/posts.server";
import { listDemand } from "~/roadmap/demand.server";
import { isStale } from "~/roadmap/review-staleness";
import { events, partnerResponses, recordLinks, roadmapItems, roadmapUpdates } from "../../db/schema";
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
    // The relations a roadmap item holds to posts (a decision's `affects` points at items, not posts).
    const kindsFor: Partial<Record<string, string[]>> = {
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
  const db = getDb();
  const total = (table: typeof roadmapItems | typeof roadmapUpdates | typeof recordLinks | typeof events) =>
    db.select({ n: count() }).from(table).get()?.n;
  const wanted = () =>
    db.select({ n: count() }).from(partnerResponses).where(eq(partnerResponses.kind, "interested")).get()?.n;
  let importedAt = 0;

  it("creates every item with its updates, and partners' interest, dated relative to the import", () => {
    importedAt = Date.now();
    const first = importContent(content);
    const updates = roadmap.reduce((sum, item) => sum + item.updates.length, 0);
    const links = roadmap.reduce((sum, item) => sum + item.links.length, 0);
    expect(first.roadmap).toEqual({ created: roadmap.length, updated: 0, unchanged: 0, updates, links });
    expect(total(recordLinks)).toBe(links);
    expect(first.interest).toEqual({ created: interest.length, updated: 0, unchanged: 0 });
    expect(total(roadmapItems)).toBe(roadmap.length);
    expect(total(roadmapUpdates)).toBe(updates);
    expect(wanted()).toBe(interest.length);

    // Days ago are counted back from the import: the last review, each update's day, each interest.
    const soc = roadmap.find((item) => item.slug === "shared-security-operations-centre");
    const row = db
      .select()
      .from(roadmapItems)
      .where(eq(roadmapItems.slug, soc?.slug ?? ""))
      .get();
    const reviewed = importedAt - (soc?.reviewedDaysAgo ?? 0) * DAY_MS;
    expect(Math.abs((row?.reviewedAt.getTime() ?? 0) - reviewed)).toBeLessThan(60_000);
    const days = db
      .select({ day: roadmapUpdates.updateDate })
      .from(roadmapUpdates)
      .where(eq(roadmapUpdates.itemId, row?.id ?? -1))
      .all()
      .map((update) => update.day);
    expect(days).toEqual(
      (soc?.updates ?? []).map((update) => new Date(importedAt - update.daysAgo * DAY_MS).toISOString().slice(0, 10)),
    );
    const stale = new Set(roadmap.filter((item) => (item.reviewedDaysAgo ?? 0) > 90).map((item) => item.slug));
    for (const item of db.select().from(roadmapItems).all())
      expect(isStale(item.reviewedAt), item.slug).toBe(stale.has(item.slug));

    const entry = interest.find((candidate) => candidate.daysAgo > 0);
    const post = findPostBySlug(entry?.post ?? "");
    const said = partnerResponsesOf(post?.id ?? -1, "interested").find(
      (response) => response.partnerSlug === entry?.partner,
    );
    expect(Math.abs((said?.recordedAt.getTime() ?? 0) - (importedAt - (entry?.daysAgo ?? 0) * DAY_MS))).toBeLessThan(
      60_000,
    );
    // No owner yet: the demo accounts are made after the first import.
    expect(row?.ownerId).toBeNull();
  });

  it("assigns the owners once their accounts exist; after that, importing again changes nothing", async () => {
    await ensureDemoAccounts();
    const second = importContent(readContentDirectory(CONTENT_DIR));
    expect(second.roadmap).toEqual({ created: 0, updated: roadmap.length, unchanged: 0, updates: 0, links: 0 });
    const coordinator = getUserByEmail("coordinator@demo.srs-hub.test");
    const soc = db.select().from(roadmapItems).where(eq(roadmapItems.slug, "shared-security-operations-centre")).get();
    expect(soc?.ownerId).toBe(coordinator?.id);
    // Assigning the owner is no review: the item stays as reviewed as the file says.
    const file = roadmap.find((item) => item.slug === soc?.slug);
    const reviewed = importedAt - (file?.reviewedDaysAgo ?? 0) * DAY_MS;
    expect(Math.abs((soc?.reviewedAt.getTime() ?? 0) - reviewed)).toBeLessThan(60_000);

    // Withdrawn in the Hub since: an unchanged file does not put it back.
    const entry = interest[0];
    const wanting = await givenUser("reader", entry?.partner ?? "");
    expect(withdrawInterest(wanting, { slug: entry?.post ?? "" }).withdrawn).toBe(true);

    const before = {
      items: total(roadmapItems),
      updates: total(roadmapUpdates),
      links: total(recordLinks),
      events: total(events),
      wanted: wanted(),
    };
    const third = importContent(readContentDirectory(CONTENT_DIR));
    expect(third.roadmap).toMatchObject({ created: 0, updated: 0, unchanged: roadmap.length, updates: 0, links: 0 });
    expect(third.interest).toEqual({ created: 0, updated: 0, unchanged: interest.length });
    expect({
      items: total(roadmapItems),
      updates: total(roadmapUpdates),
      links: total(recordLinks),
      events: total(events),
      wanted: wanted(),
    }).toEqual(before);
    expect(before.wanted).toBe(interest.length - 1);
  });

  it("gives the demand view something to show: aspirations wanted by several partners", async () => {
    const reader = await givenUser("reader", "srs");
    const entries = listDemand(reader, "en").entries;
    expect(entries[0]?.wantedBy.length).toBeGreaterThanOrEqual(2);
    // An aspiration an item is driven by is on the roadmap already: wanted, but not demand.
    const shown = entries.map((entry) => entry.slug);
    expect(shown).not.toContain("srs-shared-security-operations-centre");
    expect(shown).toContain("monmouthshire-bilingual-by-design");
  });
});
