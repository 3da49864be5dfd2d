import { eq } from "drizzle-orm";
import { posts } from "../../db/schema";
import { canEditPost, canReadPost, type SessionUser } from "../auth/permissions";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ForbiddenError, NotFoundError } from "../platform/errors";
import { enqueuePostChange } from "../search/outbox.server";
import { findPostBySlug } from "./posts.server";

/**
 * Deletes a post with its tags and revisions, and queues its removal from
 * search in the same transaction. Throws NotFoundError or ForbiddenError.
 */
export function deletePost({ actor, slug, db = getDb() }: { actor: SessionUser; slug: string; db?: Db }) {
  const post = findPostBySlug(slug, db);
  if (!post || !canReadPost(actor, post)) throw new NotFoundError("Post not found");
  if (!canEditPost(actor, post)) throw new ForbiddenError("You cannot delete this post");
  writeTransaction((tx) => {
    tx.delete(posts).where(eq(posts.id, post.id)).run();
    enqueuePostChange(tx, post.id, "delete");
  }, db);
  return { partnerSlug: post.partner.slug, title: post.title };
}
