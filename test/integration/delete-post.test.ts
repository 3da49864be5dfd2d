import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, NotFoundError } from "~/platform/errors";
import { recordAtOldAddress } from "~/platform/record-redirects.server";
import { deletePost } from "~/posts/delete-post.server";
import { findPostBySlug } from "~/posts/posts.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { events, revisions } from "../../db/schema";
import { givenPartner, givenUser, lessonInput } from "../support/factories";

let torfaenEditor: SessionUser;
let newportEditor: SessionUser;
let reader: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  givenPartner("torfaen");
  givenPartner("newport");
  torfaenEditor = await givenUser("editor", "torfaen");
  newportEditor = await givenUser("editor", "newport");
  reader = await givenUser("reader");
  admin = await givenUser("admin");
});

function revisionCount(postId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(revisions)
      .where(and(eq(revisions.recordType, "post"), eq(revisions.recordId, String(postId))))
      .get()?.n ?? 0
  );
}

describe("deletePost", () => {
  it.each([
    ["a reader", () => reader, "published", ForbiddenError],
    ["another partner's editor", () => newportEditor, "published", ForbiddenError],
    ["a reader, for a draft they cannot see", () => reader, "draft", NotFoundError],
    ["another partner's editor, for a draft", () => newportEditor, "draft", NotFoundError],
  ] as const)("refuses %s and deletes nothing", (_who, actor, status, error) => {
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { status }) });
    const post = findPostBySlug(slug);
    expect(() => deletePost({ actor: actor(), slug })).toThrow(error);
    expect(findPostBySlug(slug)).toEqual(post);
    expect(revisionCount(post?.id ?? -1)).toBe(1);
  });

  it("forgets the post's old addresses with it", () => {
    const { slug: draft } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { status: "draft" }) });
    const { slug } = updatePost({ actor: torfaenEditor, slug: draft, fields: lessonInput("torfaen") });
    expect(slug).not.toBe(draft);
    expect(recordAtOldAddress("post", draft)).not.toBeNull();
    deletePost({ actor: torfaenEditor, slug });
    expect(recordAtOldAddress("post", draft)).toBeNull();
  });

  it.each([
    ["the partner's editor", () => torfaenEditor],
    ["an administrator", () => admin],
  ])("lets %s delete the post, its history and its search entry, recording who did", (_who, actor) => {
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen") });
    const post = findPostBySlug(slug);
    expect(deletePost({ actor: actor(), slug })).toMatchObject({
      partnerSlug: "torfaen",
      title: post?.title,
      id: post?.id,
    });
    expect(findPostBySlug(slug)).toBeNull();
    expect(revisionCount(post?.id ?? -1)).toBe(0);
    const deleted = getDb()
      .select()
      .from(events)
      .where(and(eq(events.recordId, String(post?.id)), eq(events.type, "post.deleted")))
      .get();
    expect(deleted).toMatchObject({
      recordType: "post",
      actorId: actor().id,
      source: "web",
      partnerIds: [post?.partnerId],
    });
  });

  it("says not found for a post that does not exist", () => {
    expect(() => deletePost({ actor: admin, slug: "no-such-post" })).toThrow(NotFoundError);
  });
});
