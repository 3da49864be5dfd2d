import { and, asc, eq, gt, inArray, ne } from "drizzle-orm";
import { partners, posts, postTags } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";
import { type SearchDocument, toSearchDocument } from "./indexes.server";

function documentsWhere(db: Db, where: ReturnType<typeof and>, limit?: number): SearchDocument[] {
  const query = db
    .select({ post: posts, partnerSlug: partners.slug, partnerName: partners.name })
    .from(posts)
    .innerJoin(partners, eq(posts.partnerId, partners.id))
    .where(and(ne(posts.status, "archived"), where))
    .orderBy(asc(posts.id));
  const rows = limit ? query.limit(limit).all() : query.all();
  if (rows.length === 0) return [];
  const tagRows = db
    .select()
    .from(postTags)
    .where(
      inArray(
        postTags.postId,
        rows.map((row) => row.post.id),
      ),
    )
    .orderBy(asc(postTags.tag))
    .all();
  const tags = new Map<number, string[]>();
  for (const row of tagRows) tags.set(row.postId, [...(tags.get(row.postId) ?? []), row.tag]);
  return rows.map(({ post, partnerSlug, partnerName }) =>
    toSearchDocument({
      ...post,
      partner: { slug: partnerSlug, name: partnerName },
      tags: tags.get(post.id) ?? [],
    }),
  );
}

/** Documents for these posts as they are now; archived or deleted posts have none. */
export function documentsForPosts(ids: number[], db: Db = getDb()): SearchDocument[] {
  if (ids.length === 0) return [];
  return documentsWhere(db, inArray(posts.id, ids));
}

/** One page of every indexable post, in id order, for a full rebuild. */
export function documentsAfter(afterId: number, limit: number, db: Db = getDb()): SearchDocument[] {
  return documentsWhere(db, gt(posts.id, afterId), limit);
}
