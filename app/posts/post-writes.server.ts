/**
 * The row-level writes shared by every command that saves a post (the web
 * forms and the content import). Each runs inside the caller's transaction
 * and, with the row, writes the post's revision and its event.
 */
import { eq } from "drizzle-orm";
import type { ChangeSource } from "../../db/enums";
import { posts, postTags, type RenderedFields } from "../../db/schema";
import { EVERYONE } from "../auth/principals";
import { recordEvent } from "../events/event-log.server";
import type { Db } from "../platform/db.server";
import { addRevision } from "../revisions/revisions.server";
import { dayToTime, timeToDay } from "./post-dates";
import type { PostStatus } from "./post-kinds";
import { postPolicy } from "./post-policy.server";
import type { PostInput } from "./post-schemas";
import { POST_SNAPSHOT_VERSION, type PostSnapshot } from "./post-snapshot";
import { defaultReviewBy } from "./review-dates";

export interface PostWrite {
  input: PostInput & { slug: string };
  /** The post's Markdown rendered for this save, with the Welsh text it keeps (renderPostMarkdown). */
  rendered: RenderedFields;
  partnerId: number;
  partnerSlug: string;
  /** The person saving; null for the content import and scripts. */
  actorId: string | null;
  source: ChangeSource;
  now: Date;
  /** Overrides the publication time (the content import carries its own). */
  publishedAt?: Date | null;
  /** A new post's creation and last-update time when it comes from elsewhere with its own date (an imported file's). */
  sourceDate?: Date | null;
  changeNote?: string | null;
  /** The person to ask about the post (already checked); the author when not given. */
  contactId?: string | null;
}

/** The review date: as chosen, or one year after publication; none while never published. */
function reviewByOf(input: PostInput, publishedAt: Date | null, held: Date | null = null): Date | null {
  if (input.reviewBy) return dayToTime(input.reviewBy);
  // A date the post holds (say, from a "still accurate" confirmation) is kept when none is given.
  if (held) return held;
  return publishedAt ? defaultReviewBy(publishedAt) : null;
}

/** The Welsh text of a post, which no form or file writes yet: saves keep what is there. */
export interface PostWelsh {
  titleCy: string | null;
  summaryCy: string | null;
  bodyCy: string | null;
  sectionsCy: Record<string, string> | null;
}

const NO_WELSH: PostWelsh = { titleCy: null, summaryCy: null, bodyCy: null, sectionsCy: null };

/** The post as it was before an update, for its event and its revision. */
export interface PostBefore extends PostWelsh {
  id: number;
  status: PostStatus;
  partnerId: number;
  publishedAt: Date | null;
  reviewBy?: Date | null;
}

export function snapshotOf(
  write: Omit<PostWrite, "rendered">,
  publishedAt: Date | null,
  welsh: PostWelsh = NO_WELSH,
  reviewBy: Date | null = reviewByOf(write.input, publishedAt),
): PostSnapshot {
  const { input } = write;
  return {
    slug: input.slug,
    kind: input.kind,
    partnerSlug: write.partnerSlug,
    title: input.title,
    titleCy: welsh.titleCy,
    summary: input.summary,
    summaryCy: welsh.summaryCy,
    body: input.body,
    bodyCy: welsh.bodyCy,
    sections: input.sections,
    sectionsCy: welsh.sectionsCy,
    tags: input.tags,
    status: input.status,
    publishedAt: publishedAt?.toISOString() ?? null,
    eventDate: input.eventDate,
    targetDate: input.targetDate,
    reviewBy: reviewBy ? timeToDay(reviewBy) : null,
  };
}

function replaceTags(tx: Db, postId: number, tags: string[]): void {
  tx.delete(postTags).where(eq(postTags.postId, postId)).run();
  if (tags.length > 0)
    tx.insert(postTags)
      .values(tags.map((tag) => ({ postId, tag })))
      .run();
}

function keepRevision(
  tx: Db,
  postId: number,
  write: PostWrite,
  publishedAt: Date | null,
  welsh: PostWelsh | undefined,
  reviewBy: Date | null,
): void {
  addRevision(tx, {
    recordType: "post",
    recordId: postId,
    schemaVersion: POST_SNAPSHOT_VERSION,
    snapshot: snapshotOf(write, publishedAt, welsh, reviewBy),
    rendered: write.rendered,
    // A revision is as private as the post was when it was saved (a draft's stays with its editors).
    restricted: !postPolicy.readers({ status: write.input.status, partnerId: write.partnerId }).includes(EVERYONE),
    actorId: write.actorId,
    source: write.source,
    changeNote: write.changeNote,
    createdAt: write.now,
  });
}

/** An edit that changes the status is named for it ("post.published"); any other edit is "post.updated". */
function updateEventType(before: PostStatus, after: PostStatus) {
  if (before === after) return "post.updated" as const;
  if (after === "published") return "post.published" as const;
  if (after === "archived") return "post.archived" as const;
  return "post.unpublished" as const;
}

export function insertPost(tx: Db, write: PostWrite): number {
  const { input, now } = write;
  const publishedAt = write.publishedAt !== undefined ? write.publishedAt : input.status === "published" ? now : null;
  const reviewBy = reviewByOf(input, publishedAt);
  const row = tx
    .insert(posts)
    .values({
      slug: input.slug,
      kind: input.kind,
      partnerId: write.partnerId,
      authorId: write.actorId,
      contactId: write.contactId ?? write.actorId,
      title: input.title,
      summary: input.summary,
      body: input.body,
      sections: input.sections,
      rendered: write.rendered,
      status: input.status,
      createdAt: write.sourceDate ?? now,
      updatedAt: write.sourceDate ?? now,
      publishedAt,
      eventDate: input.eventDate,
      targetDate: input.targetDate,
      reviewBy,
    })
    .returning({ id: posts.id })
    .get();
  replaceTags(tx, row.id, input.tags);
  keepRevision(tx, row.id, write, publishedAt, undefined, reviewBy);
  recordEvent(
    tx,
    {
      type: "post.created",
      recordType: "post",
      recordId: row.id,
      actorId: write.actorId,
      source: write.source,
      partnerIds: [write.partnerId],
      data: { slug: input.slug, title: input.title.slice(0, 200), kind: input.kind, status: input.status },
    },
    now,
  );
  return row.id;
}

/** Publication time is kept from the first time a post was published. */
export function updatePostRow(tx: Db, before: PostBefore, write: PostWrite): void {
  const { input, now } = write;
  const publishedAt =
    write.publishedAt !== undefined
      ? write.publishedAt
      : (before.publishedAt ?? (input.status === "published" ? now : null));
  const reviewBy = reviewByOf(input, publishedAt, before.reviewBy);
  tx.update(posts)
    .set({
      slug: input.slug,
      partnerId: write.partnerId,
      title: input.title,
      summary: input.summary,
      body: input.body,
      sections: input.sections,
      rendered: write.rendered,
      status: input.status,
      updatedAt: now,
      publishedAt,
      eventDate: input.eventDate,
      targetDate: input.targetDate,
      reviewBy,
      // The import names no contact: it leaves the one chosen in the Hub.
      ...(write.contactId !== undefined ? { contactId: write.contactId } : {}),
    })
    .where(eq(posts.id, before.id))
    .run();
  replaceTags(tx, before.id, input.tags);
  keepRevision(tx, before.id, write, publishedAt, before, reviewBy);
  recordEvent(
    tx,
    {
      type: updateEventType(before.status, input.status),
      recordType: "post",
      recordId: before.id,
      actorId: write.actorId,
      source: write.source,
      // Moving a post between partners concerns both.
      partnerIds: [before.partnerId, write.partnerId],
      data: {
        slug: input.slug,
        title: input.title.slice(0, 200),
        kind: input.kind,
        status: input.status,
        ...(before.status !== input.status ? { previousStatus: before.status } : {}),
        ...(write.changeNote ? { changeNote: write.changeNote.slice(0, 300) } : {}),
      },
    },
    now,
  );
}

export function slugTaken(tx: Db, slug: string, exceptPostId?: number): boolean {
  const row = tx.select({ id: posts.id }).from(posts).where(eq(posts.slug, slug)).get();
  return Boolean(row && row.id !== exceptPostId);
}
