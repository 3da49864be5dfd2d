/**
 * A post's old addresses (see record-redirects.server.ts): where a reader
 * who follows one should go instead.
 */
import { eq } from "drizzle-orm";
import { posts } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { type Db, getDb } from "../platform/db.server";
import { recordAtOldAddress } from "../platform/record-redirects.server";
import { canOnPost } from "./post-policy.server";
import { findPostBySlug } from "./posts.server";

/**
 * The post's current address when `slug` is one of its old ones and no post
 * has it now; null otherwise. Only for a reader who may see the post: to
 * anyone else an old address is as unknown as any other, so a draft's new
 * address never leaks through its old one.
 */
export function currentPostAddress(user: SessionUser, slug: string, db: Db = getDb()): string | null {
  if (findPostBySlug(slug, db)) return null;
  const recordId = Number(recordAtOldAddress("post", slug, db));
  if (!Number.isInteger(recordId) || recordId <= 0) return null;
  const current = db.select({ slug: posts.slug }).from(posts).where(eq(posts.id, recordId)).get();
  const post = current ? findPostBySlug(current.slug, db) : null;
  return post && canOnPost(user, "read", post) ? post.slug : null;
}
