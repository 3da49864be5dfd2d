/**
 * Confirming a published post still accurate: its review-by date moves a
 * year on and the confirmation is recorded as an event ("post.reviewed").
 * The post's content does not change, so no revision is kept and its "last
 * updated" date stays as it was. Also what the post page shows of its review.
 */
import { eq } from "drizzle-orm";
import { posts } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { recordEvent } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { NotFoundError, ValidationError } from "../platform/errors";
import { authorizePost, canOnPost } from "./post-policy.server";
import { findPostBySlug, type PostRecord } from "./posts.server";
import { reviewByAfterConfirmation, reviewStatus } from "./review-dates";

export interface ConfirmedReview {
  slug: string;
  reviewedAt: Date;
  reviewBy: Date;
}

/**
 * Records that `actor` checked the post at `slug` and found it still accurate.
 * Throws NotFoundError (no such post, or hidden from the actor), ForbiddenError
 * (not one of its partner's editors nor an administrator) and ValidationError
 * (a post that is not published has no review to confirm).
 */
export function confirmReview({
  actor,
  slug,
  now = new Date(),
  db = getDb(),
}: {
  actor: SessionUser;
  slug: string;
  now?: Date;
  db?: Db;
}): ConfirmedReview {
  return writeTransaction((tx) => {
    const post = findPostBySlug(slug, tx);
    if (!post) throw new NotFoundError("No such post");
    authorizePost(actor, "confirmReview", post);
    if (post.status !== "published") throw new ValidationError({ review: ["errors.review.notPublished"] });
    const reviewBy = reviewByAfterConfirmation(now);
    tx.update(posts).set({ reviewedAt: now, reviewBy }).where(eq(posts.id, post.id)).run();
    recordEvent(
      tx,
      {
        type: "post.reviewed",
        recordType: "post",
        recordId: post.id,
        actorId: actor.id,
        source: "web",
        partnerIds: [post.partnerId],
        data: {
          slug: post.slug,
          title: post.title.slice(0, 200),
          previousReviewBy: post.reviewBy?.toISOString() ?? null,
          reviewBy: reviewBy.toISOString(),
        },
      },
      now,
    );
    return { slug: post.slug, reviewedAt: now, reviewBy };
  }, db);
}

/** What the post page shows of a post's review: its state, dates, and whether this person may confirm it. */
export function reviewOfPost(user: SessionUser, post: PostRecord, now: Date = new Date()) {
  const status = reviewStatus(post, now);
  if (!status || !post.reviewBy) return null;
  return {
    slug: post.slug,
    status,
    reviewBy: post.reviewBy,
    reviewedAt: post.reviewedAt,
    canConfirm: canOnPost(user, "confirmReview", post),
  };
}
