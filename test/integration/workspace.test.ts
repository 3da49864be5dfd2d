/**
 * The editors' workspace and review-by dates: each tab lists one partner's
 * posts and never another partner's drafts; a post first published is due a
 * year later; confirming it still accurate moves the date on, records an
 * event and keeps no revision, and only its partner's editors and
 * administrators may.
 */
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/platform/errors";
import { confirmReview } from "~/posts/confirm-review.server";
import { findPostBySlug } from "~/posts/posts.server";
import { defaultReviewBy } from "~/posts/review-dates";
import { createPost, updatePost } from "~/posts/save-post.server";
import { listWorkspacePosts, workspaceCounts, workspacePartner } from "~/posts/workspace.server";
import { events, posts, revisions } from "../../db/schema";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";

const DAY = 24 * 60 * 60 * 1000;
const torfaen = unique("ws-torfaen");
const newport = unique("ws-newport");
let torfaenEditor: SessionUser;
let newportEditor: SessionUser;
let reader: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  givenPartner(torfaen, "Torfaen (workspace)");
  givenPartner(newport, "Newport (workspace)");
  torfaenEditor = await givenUser("editor", torfaen);
  newportEditor = await givenUser("editor", newport);
  reader = await givenUser("reader", torfaen);
  admin = await givenUser("admin");
});

function write(actor: SessionUser, partner: string, status: "draft" | "published", title: string): string {
  return createPost({ actor, fields: lessonInput(partner, { title, status }) }).slug;
}

function setReviewBy(slug: string, reviewBy: Date): void {
  getDb().update(posts).set({ reviewBy }).where(eq(posts.slug, slug)).run();
}

function titlesIn(user: SessionUser, partnerSlug: string, tab: "drafts" | "published" | "due", now = new Date()) {
  const partner = workspacePartner(user, partnerSlug);
  return listWorkspacePosts(user, partner, tab, { now, pageSize: 100 })
    .posts.map((post) => post.title)
    .sort();
}

describe("the workspace's tabs", () => {
  const now = new Date();
  beforeAll(() => {
    write(torfaenEditor, torfaen, "draft", "T draft 1");
    write(torfaenEditor, torfaen, "draft", "T draft 2");
    write(torfaenEditor, torfaen, "published", "T published current");
    setReviewBy(write(torfaenEditor, torfaen, "published", "T published overdue"), new Date(now.getTime() - 10 * DAY));
    setReviewBy(write(torfaenEditor, torfaen, "published", "T published soon"), new Date(now.getTime() + 20 * DAY));
    setReviewBy(write(torfaenEditor, torfaen, "published", "T published later"), new Date(now.getTime() + 40 * DAY));
    write(newportEditor, newport, "draft", "N draft");
    write(newportEditor, newport, "published", "N published");
  });

  it("shows an editor their partner's drafts, and never another partner's", () => {
    expect(titlesIn(torfaenEditor, torfaen, "drafts")).toEqual(["T draft 1", "T draft 2"]);
    expect(titlesIn(newportEditor, newport, "drafts")).toEqual(["N draft"]);
  });

  it("lists only the partner's published posts, newest first, and counts each tab", () => {
    const partner = workspacePartner(torfaenEditor, null);
    expect(partner.slug).toBe(torfaen);
    const listed = listWorkspacePosts(torfaenEditor, partner, "published", { now }).posts.map((post) => post.title);
    expect(listed).toEqual(["T published later", "T published soon", "T published overdue", "T published current"]);
    expect(workspaceCounts(torfaenEditor, partner, now)).toEqual({ drafts: 2, published: 4, due: 2 });
  });

  it("puts published posts past their review-by date or due within 30 days under Due for review, longest overdue first", () => {
    const partner = workspacePartner(torfaenEditor, null);
    const due = listWorkspacePosts(torfaenEditor, partner, "due", { now }).posts.map((post) => post.title);
    expect(due).toEqual(["T published overdue", "T published soon"]);
  });

  it("names the post's author as its contact when no one else is named", () => {
    const [first] = listWorkspacePosts(torfaenEditor, workspacePartner(torfaenEditor, null), "drafts").posts;
    expect(first?.contactName).toBe(torfaenEditor.name);
  });

  it("lets an administrator choose the partner, and shows them only that partner's drafts", () => {
    expect(titlesIn(admin, torfaen, "drafts")).toEqual(["T draft 1", "T draft 2"]);
    expect(titlesIn(admin, newport, "drafts")).toEqual(["N draft"]);
    expect(titlesIn(admin, newport, "published")).toEqual(["N published"]);
  });

  it("refuses another partner's workspace to an editor, and any workspace to a reader", () => {
    expect(() => workspacePartner(newportEditor, torfaen)).toThrow(ForbiddenError);
    expect(() => workspacePartner(reader, null)).toThrow(ForbiddenError);
    expect(() => workspacePartner(reader, torfaen)).toThrow(ForbiddenError);
    expect(() => workspacePartner(admin, unique("no-such-partner"))).toThrow(NotFoundError);
  });

  it("still keeps a partner's drafts from someone who is not its editor, whatever partner the query is given", () => {
    // The lists apply the post policy themselves, not only the choice of partner.
    const torfaenPartner = workspacePartner(torfaenEditor, null);
    const titles = listWorkspacePosts(newportEditor, torfaenPartner, "drafts").posts.map((post) => post.title);
    expect(titles).toEqual([]);
  });
});

describe("review-by dates", () => {
  it("are set a year after a post is first published, and not for drafts", () => {
    const published = findPostBySlug(write(torfaenEditor, torfaen, "published", unique("Published")));
    expect(published?.publishedAt).toBeInstanceOf(Date);
    expect(published?.reviewBy?.getTime()).toBe(defaultReviewBy(published?.publishedAt as Date).getTime());
    const draftSlug = write(torfaenEditor, torfaen, "draft", unique("Draft"));
    expect(findPostBySlug(draftSlug)?.reviewBy).toBeNull();
  });

  it("are set when a draft is published, and kept by later edits", () => {
    const title = unique("Draft then published");
    const draftSlug = write(torfaenEditor, torfaen, "draft", title);
    const { slug } = updatePost({
      actor: torfaenEditor,
      slug: draftSlug,
      fields: lessonInput(torfaen, { title, status: "published" }),
    });
    const published = findPostBySlug(slug);
    const reviewBy = published?.reviewBy;
    expect(reviewBy?.getTime()).toBe(defaultReviewBy(published?.publishedAt as Date).getTime());
    const chosen = new Date(Date.now() + 100 * DAY);
    setReviewBy(slug, chosen);
    updatePost({
      actor: torfaenEditor,
      slug,
      fields: lessonInput(torfaen, { title, slug, status: "published", summary: "Edited." }),
    });
    expect(findPostBySlug(slug)?.reviewBy?.getTime()).toBe(chosen.getTime());
  });
});

describe("confirming a post still accurate", () => {
  function overduePost(): string {
    const slug = write(torfaenEditor, torfaen, "published", unique("Overdue"));
    setReviewBy(slug, new Date(Date.now() - 5 * DAY));
    return slug;
  }
  const revisionCount = (postId: number) =>
    getDb()
      .select({ n: count() })
      .from(revisions)
      .where(and(eq(revisions.recordType, "post"), eq(revisions.recordId, String(postId))))
      .get()?.n ?? 0;

  it("moves the review-by date a year on, records who confirmed it, and changes no content", () => {
    const slug = overduePost();
    const before = findPostBySlug(slug);
    if (!before) throw new Error("no post");
    const revisionsBefore = revisionCount(before.id);
    const now = new Date(Date.now() + 1000);
    const confirmed = confirmReview({ actor: torfaenEditor, slug, now });
    const after = findPostBySlug(slug);
    expect(after?.reviewedAt?.getTime()).toBe(now.getTime());
    expect(after?.reviewBy?.getTime()).toBe(confirmed.reviewBy.getTime());
    expect(confirmed.reviewBy.getTime() - now.getTime()).toBeGreaterThanOrEqual(365 * DAY);
    expect(after?.updatedAt.getTime()).toBe(before.updatedAt.getTime());
    expect(revisionCount(before.id)).toBe(revisionsBefore);
    const event = getDb()
      .select()
      .from(events)
      .where(and(eq(events.type, "post.reviewed"), eq(events.recordId, String(before.id))))
      .get();
    expect(event).toMatchObject({ actorId: torfaenEditor.id, partnerIds: [before.partnerId], source: "web" });
    // No longer due: it leaves the tab.
    expect(titlesIn(torfaenEditor, torfaen, "due")).not.toContain(before.title);
  });

  it("is open to any editor of the post's partner and to administrators", async () => {
    const colleague = await givenUser("editor", torfaen);
    expect(confirmReview({ actor: colleague, slug: overduePost() }).reviewedAt).toBeInstanceOf(Date);
    expect(confirmReview({ actor: admin, slug: overduePost() }).reviewedAt).toBeInstanceOf(Date);
  });

  it("is refused to another partner's editor and to readers, changing nothing", () => {
    const slug = overduePost();
    const before = findPostBySlug(slug);
    expect(() => confirmReview({ actor: newportEditor, slug })).toThrow(ForbiddenError);
    expect(() => confirmReview({ actor: reader, slug })).toThrow(ForbiddenError);
    const after = findPostBySlug(slug);
    expect(after?.reviewBy?.getTime()).toBe(before?.reviewBy?.getTime());
    expect(after?.reviewedAt).toBeNull();
  });

  it("has nothing to confirm on a draft, and keeps its existence from other partners", () => {
    const slug = write(torfaenEditor, torfaen, "draft", unique("Draft"));
    expect(() => confirmReview({ actor: torfaenEditor, slug })).toThrow(ValidationError);
    expect(() => confirmReview({ actor: newportEditor, slug })).toThrow(NotFoundError);
    expect(() => confirmReview({ actor: torfaenEditor, slug: unique("missing") })).toThrow(NotFoundError);
    expect(findPostBySlug(slug)?.reviewedAt).toBeNull();
  });
});
