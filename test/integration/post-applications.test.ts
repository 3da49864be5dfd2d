/** "We applied this" (who may, one per post and partner, its event) and what a partner page's activity shows. */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { recentActivity } from "~/partners/partner-activity.server";
import { appliedCounts } from "~/partners/partner-home.server";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/platform/errors";
import { recordApplication } from "~/posts/partner-responses.server";
import { postApplicationsOf } from "~/posts/post-people.server";
import { findPostBySlug } from "~/posts/posts.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { events, partnerResponses } from "../../db/schema";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";

let ownerId: number;
let otherId: number;
let ownerEditor: SessionUser;
let otherReader: SessionUser;
let otherEditor: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  const owner = givenPartner(unique("owner"));
  const other = givenPartner(unique("other"), "Other Borough Council");
  ownerId = owner.id;
  otherId = other.id;
  ownerEditor = await givenUser("editor", owner.slug);
  otherReader = await givenUser("reader", other.slug);
  otherEditor = await givenUser("editor", other.slug);
  admin = await givenUser("admin", other.slug);
});

function ownerPost(overrides: Parameters<typeof lessonInput>[1] = {}) {
  const partner = findPartnerSlug(ownerId);
  return createPost({ actor: ownerEditor, fields: lessonInput(partner, { title: unique("Lesson"), ...overrides }) });
}

function findPartnerSlug(id: number): string {
  return (
    getDb()
      .query.partners.findFirst({ where: (p, { eq: is }) => is(p.id, id) })
      .sync()?.slug ?? ""
  );
}

function appliedEvents(postId: number) {
  return getDb()
    .select()
    .from(events)
    .where(and(eq(events.type, "post.applied"), eq(events.recordId, String(postId))))
    .all();
}

describe("recording that a partner applied a post", () => {
  it("lets a reader of another partner record it, once per partner: a second record replaces the note", () => {
    const { slug } = ownerPost();
    const first = recordApplication(otherReader, { slug, note: "Used the naming policy." });
    expect(first).toMatchObject({ slug, partnerName: "Other Borough Council", updated: false });
    const second = recordApplication(otherEditor, { slug, note: "  Also two owners per team.\r\n  " });
    expect(second.updated).toBe(true);
    const applications = postApplicationsOf(first.postId);
    expect(applications.map(({ partnerId, note }) => ({ partnerId, note }))).toEqual([
      { partnerId: otherId, note: "Also two owners per team." },
    ]);
    const rows = getDb().select().from(partnerResponses).where(eq(partnerResponses.postId, first.postId)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.userId).toBe(otherEditor.id);
    // Each record is an event concerning both partners, in the same transaction as the row.
    const logged = appliedEvents(first.postId);
    expect(logged.map((event) => [event.actorId, event.partnerIds, event.data.updated])).toEqual([
      [otherReader.id, [ownerId, otherId], false],
      [otherEditor.id, [ownerId, otherId], true],
    ]);
    expect(appliedCounts(otherReader, ownerId).appliedByOthers).toBeGreaterThanOrEqual(1);
  });

  it("refuses the post's own partner, drafts, archived posts and other kinds, writing nothing", () => {
    const { slug } = ownerPost();
    expect(() => recordApplication(ownerEditor, { slug, note: "Ours" })).toThrow(ForbiddenError);
    const draft = ownerPost({ status: "draft" });
    // Who may not see the draft is told it does not exist; an administrator, who may see it, is refused.
    expect(() => recordApplication(otherEditor, { slug: draft.slug, note: "" })).toThrow(NotFoundError);
    expect(() => recordApplication(admin, { slug: draft.slug, note: "" })).toThrow(ForbiddenError);
    const archived = ownerPost();
    const partner = findPartnerSlug(ownerId);
    updatePost({
      actor: ownerEditor,
      slug: archived.slug,
      fields: lessonInput(partner, { slug: archived.slug, title: "Archived", status: "archived" }),
    });
    expect(() => recordApplication(admin, { slug: archived.slug, note: "" })).toThrow(ForbiddenError);
    const aspiration = createPost({
      actor: ownerEditor,
      fields: {
        ...lessonInput(partner, { title: unique("Aspiration") }),
        kind: "aspiration",
        sections: { desiredOutcome: "Everyone online", targetTimeframe: "2027" },
      },
    });
    expect(() => recordApplication(otherEditor, { slug: aspiration.slug, note: "" })).toThrow(ForbiddenError);
    for (const { slug: refused } of [{ slug }, draft, archived, aspiration]) {
      const id = findPostBySlug(refused)?.id ?? -1;
      expect(postApplicationsOf(id)).toEqual([]);
      expect(appliedEvents(id)).toEqual([]);
    }
  });

  it("keeps the note without control characters and with plain line ends", () => {
    const { slug, id } = ownerPost({ status: "published" });
    recordApplication(otherReader, { slug, note: "Used it\u0000 in\r\nour rollout\u0007" });
    expect(postApplicationsOf(id).map((row) => row.note)).toEqual(["Used it in\nour rollout"]);
  });

  it("refuses a note over 500 characters with a field error, and keeps the earlier note", () => {
    const { slug } = ownerPost();
    const { postId } = recordApplication(otherEditor, { slug, note: "First note" });
    expect(() => recordApplication(otherEditor, { slug, note: "x".repeat(501) })).toThrow(ValidationError);
    expect(recordApplication(otherEditor, { slug, note: "y".repeat(500) }).updated).toBe(true);
    expect(postApplicationsOf(postId)[0]?.note).toBe("y".repeat(500));
    expect(appliedEvents(postId)).toHaveLength(2);
  });
});

describe("a partner's recent activity", () => {
  it("shows published and applied posts, never a draft's saves or, to a reader, an archived post", () => {
    const partner = findPartnerSlug(ownerId);
    const draftTitle = unique("Once a draft");
    const draft = ownerPost({ status: "draft", title: draftTitle });
    // Edited while a draft, then published: only the publication shows.
    updatePost({
      actor: ownerEditor,
      slug: draft.slug,
      fields: lessonInput(partner, { title: draftTitle, status: "draft" }),
    });
    const { slug: nowPublished } = updatePost({
      actor: ownerEditor,
      slug: draft.slug,
      fields: lessonInput(partner, { title: draftTitle, status: "published" }),
    });
    const stillDraft = ownerPost({ status: "draft", title: unique("Never published") });
    const published = ownerPost({ title: unique("Published lesson") });
    const archived = ownerPost({ title: unique("Later archived") });
    updatePost({
      actor: ownerEditor,
      slug: archived.slug,
      fields: lessonInput(partner, { slug: archived.slug, title: archived.slug, status: "archived" }),
    });
    recordApplication(otherEditor, { slug: published.slug, note: "" });

    const forReader = recentActivity(otherReader, ownerId);
    const slugs = forReader.map((item) => item.post.slug);
    expect(slugs).toContain(published.slug);
    expect(slugs).not.toContain(stillDraft.slug);
    expect(forReader.filter((item) => item.post.slug === nowPublished).map((item) => item.verb)).toEqual(["published"]);
    expect(slugs).not.toContain(archived.slug);
    expect(forReader[0]).toMatchObject({ verb: "applied", appliedBy: "Other Borough Council" });
    // The applying partner's page shows it too.
    expect(recentActivity(otherReader, otherId).map((item) => item.post.slug)).toContain(published.slug);

    // The partner's own editor may still see the archived post, and its publication; never a draft's edits.
    const forEditor = recentActivity(ownerEditor, ownerId);
    expect(forEditor.map((item) => item.post.slug)).toContain(archived.slug);
    expect(forEditor.map((item) => item.post.slug)).not.toContain(stillDraft.slug);
  });
});
