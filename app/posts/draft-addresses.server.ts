/**
 * Posts never published moved into their partner's namespace
 * ("<partner>--<slug>", see slug.ts). Drafts saved before that rule still
 * have plain addresses another partner's editor could meet: at start-up
 * each is moved, with an event, so search follows.
 */
import { and, eq, isNull, notLike } from "drizzle-orm";
import { partners, posts } from "../../db/schema";
import { recordEvent } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { slugTaken } from "./post-writes.server";
import { draftSlug } from "./slug";

export function moveDraftsIntoPartnerNamespaces(db: Db = getDb()): number {
  return writeTransaction((tx) => {
    const outside = tx
      .select({ id: posts.id, slug: posts.slug, partnerId: posts.partnerId, partnerSlug: partners.slug })
      .from(posts)
      .innerJoin(partners, eq(partners.id, posts.partnerId))
      .where(and(isNull(posts.publishedAt), notLike(posts.slug, "%--%")))
      .all();
    for (const post of outside) {
      let slug = draftSlug(post.partnerSlug, post.slug);
      for (let n = 2; slugTaken(tx, slug, post.id); n++) slug = draftSlug(post.partnerSlug, `${post.slug}-${n}`);
      tx.update(posts).set({ slug }).where(eq(posts.id, post.id)).run();
      recordEvent(tx, {
        type: "post.slug-changed",
        recordType: "post",
        recordId: post.id,
        actorId: null,
        source: "system",
        partnerIds: [post.partnerId],
        data: { slug, previousSlug: post.slug },
      });
    }
    return outside.length;
  }, db);
}
