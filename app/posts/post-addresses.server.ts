/**
 * A post's old addresses (see record-redirects.server.ts): where a reader
 * who follows one should go instead.
 */
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { posts } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { type Db, getDb } from "../platform/db.server";
import { NotFoundError } from "../platform/errors";
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

/**
 * Reads the post at `slug` with `read`. Only when that finds nothing the
 * reader may see, and the slug is an old address of a post they may, it
 * answers 301 to `to(current address)` instead: a post that is where it is
 * asked for costs no look-up of old addresses.
 */
export function readPostAt<T>(user: SessionUser, slug: string, read: () => T, to: (current: string) => string): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof NotFoundError) {
      const moved = currentPostAddress(user, slug);
      if (moved) throw redirect(to(moved), 301);
    }
    throw error;
  }
}
