/** How posts appear in search: which events change them and their documents. */
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { partners, posts } from "../../db/schema";
import type { Db } from "../platform/db.server";
import { documentId, type SearchDocument, type SearchSource } from "../search/search-document.server";
import { sectionsOf } from "./post-kinds";
import { postPolicy } from "./post-policy.server";
import { sectionField } from "./post-rendering.server";
import { tagsByPost } from "./posts.server";

type Row = { post: typeof posts.$inferSelect; partnerSlug: string; partnerName: string };

function loadRows(ids: number[], db: Db): Row[] {
  return db
    .select({ post: posts, partnerSlug: partners.slug, partnerName: partners.name })
    .from(posts)
    .innerJoin(partners, eq(posts.partnerId, partners.id))
    .where(inArray(posts.id, ids))
    .all();
}

function toDocument({ post, partnerSlug, partnerName }: Row, tags: string[]): SearchDocument | null {
  // Archived posts are kept for the record, not for finding.
  if (post.status === "archived") return null;
  // A post taken back to draft is dated by its last edit, as its page and lists do.
  const dated = post.status === "published" && post.publishedAt ? post.publishedAt : post.updatedAt;
  return {
    id: documentId("post", post.id),
    type: "post",
    recordId: String(post.id),
    url: `/posts/${post.slug}`,
    title: post.title,
    summary: post.summary,
    // The plain text kept when the post was saved: indexing never renders Markdown.
    sections: sectionsOf(post.kind)
      .map((key) => post.rendered?.text[sectionField(key)] ?? "")
      .filter(Boolean)
      .join("\n"),
    body: post.rendered?.text.body ?? "",
    tags,
    kind: post.kind,
    status: post.status,
    partners: [partnerSlug],
    partnerNames: [partnerName],
    visibility: postPolicy.readers(post),
    year: dated.getUTCFullYear(),
    date: dated.getTime(),
    updatedAt: post.updatedAt.getTime(),
  };
}

export const postSearchSource: SearchSource = {
  recordType: "post",

  affectedBy(event, db) {
    if (event.recordType === "post") return [event.recordId];
    // Post documents carry their partner's name: a change to the partner changes them. (A new
    // partner has no posts yet; its posts' own events bring them.)
    if (event.type === "partner.updated") {
      return db
        .select({ id: posts.id })
        .from(posts)
        .where(eq(posts.partnerId, Number(event.recordId)))
        .all()
        .map((row) => String(row.id));
    }
    return [];
  },

  documents(ids, db) {
    const result = new Map<string, SearchDocument | null | Error>();
    const numeric = ids.map(Number).filter(Number.isSafeInteger);
    let rows: Row[];
    try {
      rows = loadRows(numeric, db);
    } catch {
      // One unreadable row (say, broken JSON) fails the whole query: read them one by one to find it.
      rows = [];
      for (const id of numeric) {
        try {
          rows.push(...loadRows([id], db));
        } catch (error) {
          result.set(String(id), error instanceof Error ? error : new Error(String(error)));
        }
      }
    }
    const tags = tagsByPost(
      rows.map((row) => row.post.id),
      db,
    );
    const byId = new Map(rows.map((row) => [String(row.post.id), row]));
    for (const id of ids) {
      if (result.has(id)) continue;
      const row = byId.get(id);
      try {
        result.set(id, row ? toDocument(row, tags.get(row.post.id) ?? []) : null);
      } catch (error) {
        result.set(id, error instanceof Error ? error : new Error(String(error)));
      }
    }
    return result;
  },

  describe(ids, db) {
    const numeric = ids.map(Number).filter(Number.isSafeInteger);
    const rows = db
      .select({ id: posts.id, slug: posts.slug, title: posts.title })
      .from(posts)
      .where(inArray(posts.id, numeric))
      .all();
    return new Map(rows.map((row) => [String(row.id), { title: row.title, url: `/posts/${row.slug}` }]));
  },

  idsAfter(afterId, limit, db) {
    return db
      .select({ id: posts.id })
      .from(posts)
      .where(and(afterId === null ? undefined : gt(posts.id, Number(afterId))))
      .orderBy(asc(posts.id))
      .limit(limit)
      .all()
      .map((row) => String(row.id));
  },
};
