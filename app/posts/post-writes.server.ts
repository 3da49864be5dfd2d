/**
 * The row-level writes shared by every command that saves a post (the web
 * forms and the content import). Each runs inside the caller's transaction.
 */
import { eq, max } from "drizzle-orm";
import { type PostSnapshot, postRevisions, posts, postTags } from "../../db/schema";
import type { Db } from "../platform/db.server";
import { enqueuePostChange } from "../search/outbox.server";
import type { PostInput } from "./post-schemas";

export interface PostWrite {
  input: PostInput & { slug: string };
  partnerId: number;
  partnerSlug: string;
  editorId: string | null;
  source: "web" | "import" | "script";
  now: Date;
  /** Overrides the publication time (the content import carries its own). */
  publishedAt?: Date | null;
}

export function snapshotOf(write: PostWrite, publishedAt: Date | null): PostSnapshot {
  const { input } = write;
  return {
    slug: input.slug,
    kind: input.kind,
    partnerSlug: write.partnerSlug,
    title: input.title,
    summary: input.summary,
    body: input.body,
    sections: input.sections,
    tags: input.tags,
    status: input.status,
    publishedAt: publishedAt?.toISOString() ?? null,
  };
}

function replaceTags(tx: Db, postId: number, tags: string[]): void {
  tx.delete(postTags).where(eq(postTags.postId, postId)).run();
  if (tags.length > 0)
    tx.insert(postTags)
      .values(tags.map((tag) => ({ postId, tag })))
      .run();
}

function addRevision(tx: Db, postId: number, write: PostWrite, publishedAt: Date | null): void {
  const last = tx
    .select({ last: max(postRevisions.number) })
    .from(postRevisions)
    .where(eq(postRevisions.postId, postId))
    .get();
  tx.insert(postRevisions)
    .values({
      postId,
      number: (last?.last ?? 0) + 1,
      editorId: write.editorId,
      source: write.source,
      snapshot: snapshotOf(write, publishedAt),
      createdAt: write.now,
    })
    .run();
}

export function insertPost(tx: Db, write: PostWrite, authorId: string | null): number {
  const { input, now } = write;
  const publishedAt = write.publishedAt !== undefined ? write.publishedAt : input.status === "published" ? now : null;
  const row = tx
    .insert(posts)
    .values({
      slug: input.slug,
      kind: input.kind,
      partnerId: write.partnerId,
      authorId,
      title: input.title,
      summary: input.summary,
      body: input.body,
      sections: input.sections,
      status: input.status,
      createdAt: now,
      updatedAt: now,
      publishedAt,
    })
    .returning({ id: posts.id })
    .get();
  replaceTags(tx, row.id, input.tags);
  addRevision(tx, row.id, write, publishedAt);
  enqueuePostChange(tx, row.id, "create");
  return row.id;
}

/** Publication time is kept from the first time a post was published. */
export function updatePostRow(tx: Db, postId: number, previousPublishedAt: Date | null, write: PostWrite): void {
  const { input, now } = write;
  const publishedAt =
    write.publishedAt !== undefined
      ? write.publishedAt
      : (previousPublishedAt ?? (input.status === "published" ? now : null));
  tx.update(posts)
    .set({
      slug: input.slug,
      partnerId: write.partnerId,
      title: input.title,
      summary: input.summary,
      body: input.body,
      sections: input.sections,
      status: input.status,
      updatedAt: now,
      publishedAt,
    })
    .where(eq(posts.id, postId))
    .run();
  replaceTags(tx, postId, input.tags);
  addRevision(tx, postId, write, publishedAt);
  enqueuePostChange(tx, postId, "update");
}

export function slugTaken(tx: Db, slug: string, exceptPostId?: number): boolean {
  const row = tx.select({ id: posts.id }).from(posts).where(eq(posts.slug, slug)).get();
  return Boolean(row && row.id !== exceptPostId);
}
