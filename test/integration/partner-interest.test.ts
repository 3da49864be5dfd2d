/** "We want this too" (who may, once per partner, withdrawing, its events) and the demand view it feeds. */
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/platform/errors";
import { registerInterest, withdrawInterest } from "~/posts/partner-responses.server";
import { partnerResponsesOf } from "~/posts/post-people.server";
import { findPostBySlug } from "~/posts/posts.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { listDemand } from "~/roadmap/demand.server";
import { events, partnerResponses, recordLinks } from "../../db/schema";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";

let ownerSlug: string;
let ownerId: number;
let otherId: number;
let ownerEditor: SessionUser;
let otherReader: SessionUser;
let otherEditor: SessionUser;
let thirdReader: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  const owner = givenPartner(unique("owner"), "Owner Borough Council");
  const other = givenPartner(unique("other"), "Other Borough Council");
  const third = givenPartner(unique("third"), "Third County Council");
  ownerSlug = owner.slug;
  ownerId = owner.id;
  otherId = other.id;
  ownerEditor = await givenUser("editor", owner.slug);
  otherReader = await givenUser("reader", other.slug);
  otherEditor = await givenUser("editor", other.slug);
  thirdReader = await givenUser("reader", third.slug);
  admin = await givenUser("admin", third.slug);
});

function aspiration(overrides: Parameters<typeof lessonInput>[1] = {}) {
  return createPost({
    actor: ownerEditor,
    fields: {
      ...lessonInput(ownerSlug, { title: unique("Aspiration") }),
      kind: "aspiration",
      eventDate: undefined,
      sections: { desiredOutcome: "Everyone online", targetTimeframe: "By 2027" },
      ...overrides,
    },
  });
}

function interestEvents(postId: number) {
  return getDb()
    .select()
    .from(events)
    .where(
      and(
        inArray(events.type, ["post.interest_registered", "post.interest_withdrawn"]),
        eq(events.recordId, String(postId)),
      ),
    )
    .all();
}

function responseRows(postId: number) {
  return getDb().select().from(partnerResponses).where(eq(partnerResponses.postId, postId)).all();
}

describe("registering that a partner wants an aspiration too", () => {
  it("lets a reader of another partner register it; a second time updates the note; withdrawing removes it", () => {
    const { slug, id } = aspiration();
    const first = registerInterest(otherReader, { slug, note: "We need this for our hubs." });
    expect(first).toMatchObject({ slug, partnerName: "Other Borough Council", updated: false });
    const second = registerInterest(otherEditor, { slug, note: "  By spring, please.\r\n " });
    expect(second.updated).toBe(true);
    expect(partnerResponsesOf(id, "interested").map(({ partnerId, note }) => ({ partnerId, note }))).toEqual([
      { partnerId: otherId, note: "By spring, please." },
    ]);
    // The same table holds "applied": interest is its own kind, not an application.
    expect(partnerResponsesOf(id, "applied")).toEqual([]);
    expect(responseRows(id).map((row) => [row.kind, row.userId])).toEqual([["interested", otherEditor.id]]);

    const withdrawn = withdrawInterest(otherReader, { slug });
    expect(withdrawn).toMatchObject({ withdrawn: true, partnerName: "Other Borough Council" });
    expect(responseRows(id)).toEqual([]);
    // Withdrawing again writes nothing, and is no error (a second click).
    expect(withdrawInterest(otherReader, { slug }).withdrawn).toBe(false);

    const logged = interestEvents(id);
    expect(logged.map((event) => [event.type, event.actorId, event.partnerIds, event.data.updated])).toEqual([
      ["post.interest_registered", otherReader.id, [ownerId, otherId], false],
      ["post.interest_registered", otherEditor.id, [ownerId, otherId], true],
      ["post.interest_withdrawn", otherReader.id, [ownerId, otherId], undefined],
    ]);
  });

  it("refuses the aspiration's own partner, drafts, archived posts and other kinds, writing nothing", () => {
    const { slug } = aspiration();
    expect(() => registerInterest(ownerEditor, { slug, note: "Ours" })).toThrow(ForbiddenError);
    expect(() => withdrawInterest(ownerEditor, { slug })).toThrow(ForbiddenError);
    const draft = aspiration({ status: "draft" });
    // Who may not see the draft is told it does not exist; an administrator, who may see it, is refused.
    expect(() => registerInterest(otherEditor, { slug: draft.slug, note: "" })).toThrow(NotFoundError);
    expect(() => registerInterest(admin, { slug: draft.slug, note: "" })).toThrow(ForbiddenError);
    const archived = aspiration();
    updatePost({
      actor: ownerEditor,
      slug: archived.slug,
      fields: {
        ...lessonInput(ownerSlug, { slug: archived.slug, title: "Archived aspiration", status: "archived" }),
        kind: "aspiration",
        eventDate: undefined,
        sections: { desiredOutcome: "Everyone online", targetTimeframe: "By 2027" },
      },
    });
    expect(() => registerInterest(admin, { slug: archived.slug, note: "" })).toThrow(ForbiddenError);
    const lesson = createPost({ actor: ownerEditor, fields: lessonInput(ownerSlug, { title: unique("Lesson") }) });
    expect(() => registerInterest(otherEditor, { slug: lesson.slug, note: "" })).toThrow(ForbiddenError);
    expect(() => registerInterest(otherEditor, { slug: "no-such-post", note: "" })).toThrow(NotFoundError);
    for (const { slug: refused } of [{ slug }, draft, archived, lesson]) {
      const id = findPostBySlug(refused)?.id ?? -1;
      expect(responseRows(id)).toEqual([]);
      expect(interestEvents(id)).toEqual([]);
    }
  });

  it("refuses a note over 500 characters with a field error, and keeps the earlier note", () => {
    const { slug, id } = aspiration();
    registerInterest(thirdReader, { slug, note: "First note" });
    expect(() => registerInterest(thirdReader, { slug, note: "x".repeat(501) })).toThrow(ValidationError);
    expect(partnerResponsesOf(id, "interested")[0]?.note).toBe("First note");
    expect(interestEvents(id)).toHaveLength(1);
  });
});

describe("the demand view", () => {
  it("lists aspirations driving no item, the most wanted first, then the newest, with who wants them", () => {
    const day = 24 * 60 * 60 * 1000;
    const base = Date.now() - 30 * day;
    const older = aspiration({ title: unique("Older, wanted by one") });
    const newer = aspiration({ title: unique("Newer, wanted by one") });
    const popular = aspiration({ title: unique("Wanted by two") });
    const unwanted = aspiration({ title: unique("Wanted by none") });
    const driving = aspiration({ title: unique("Already driving an item") });
    const draft = aspiration({ title: unique("Draft"), status: "draft" });
    // Publication dates set apart, so "newest" is not decided by the clock's resolution.
    const db = getDb();
    for (const [post, daysIn] of [
      [older, 1],
      [newer, 2],
      [popular, 0],
      [unwanted, 3],
      [driving, 4],
    ] as const) {
      db.$client.prepare("update posts set published_at = ? where id = ?").run(base + daysIn * day, post.id);
    }
    registerInterest(otherReader, { slug: older.slug, note: "" });
    registerInterest(otherReader, { slug: newer.slug, note: "Soon" });
    registerInterest(otherReader, { slug: popular.slug, note: "For our hubs" });
    registerInterest(thirdReader, { slug: popular.slug, note: "" });
    registerInterest(otherReader, { slug: driving.slug, note: "" });
    registerInterest(thirdReader, { slug: driving.slug, note: "" });
    registerInterest(otherReader, { slug: unwanted.slug, note: "" });
    withdrawInterest(otherReader, { slug: unwanted.slug });
    db.insert(recordLinks)
      .values({
        subjectType: "roadmap_item",
        subjectId: "1",
        relation: "drives",
        objectType: "post",
        objectId: String(driving.id),
        createdBy: null,
        createdAt: new Date(),
      })
      .run();
    // A link of another relation does not take an aspiration off the list.
    db.insert(recordLinks)
      .values({
        subjectType: "roadmap_item",
        subjectId: "1",
        relation: "informs",
        objectType: "post",
        objectId: String(popular.id),
        createdBy: null,
        createdAt: new Date(),
      })
      .run();

    const ours = new Set([older, newer, popular, unwanted, driving, draft].map((post) => post.slug));
    for (const reader of [thirdReader, ownerEditor]) {
      const page = listDemand(reader, "en");
      const shown = page.entries.filter((entry) => ours.has(entry.slug));
      expect(shown.map((entry) => entry.slug)).toEqual([popular.slug, newer.slug, older.slug, unwanted.slug]);
      expect(shown[0]?.wantedBy.map((partner) => partner.name).sort()).toEqual([
        "Other Borough Council",
        "Third County Council",
      ]);
      expect(shown[0]?.partner.name).toBe("Owner Borough Council");
      expect(shown[1]?.wantedBy).toEqual([expect.objectContaining({ name: "Other Borough Council", note: "Soon" })]);
      expect(shown[3]?.wantedBy).toEqual([]);
    }
  });
});
