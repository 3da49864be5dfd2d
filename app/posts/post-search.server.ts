/** How posts appear in search: which events change them and their documents. */
import { and, asc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { PostStatus } from "../../db/enums";
import { partners, posts } from "../../db/schema";
import type { Db } from "../platform/db.server";
import { linkedItemsByPost, postRoadmapVersion, postsAffectedByRoadmap } from "../roadmap/roadmap-search.server";
import { documentId, documentsByRow, type SearchDocument, type SearchSource } from "../search/search-document.server";
import { sectionsOf } from "./post-kinds";
import { postPolicy } from "./post-policy.server";
import { sectionField } from "./post-rendering.server";
import { tagsByPost } from "./posts.server";

type Row = { post: typeof posts.$inferSelect; partnerSlug: string; partnerName: string; version: number };

/** Archived posts are kept for the record, not for finding: they have no document. */
const NOT_SEARCHABLE: PostStatus = "archived";

/** The posts search holds (every one but the archived): the finder lists the same from SQLite while search is down. */
export const findablePosts = ne(posts.status, NOT_SEARCHABLE);

/**
 * A post document's version: the last event among those `affectedBy` maps to
 * the post (its own events, its partner's updates, since the document
 * carries the partner's name, and its links to roadmap items and their edits,
 * since it carries their titles). The first two use the events' record index.
 * The outer columns are named in full: inside the subqueries a bare "id"
 * would be the event's.
 */
const postVersion = sql<number>`max(
  coalesce((select max(events.id) from events
    where events.record_type = 'post' and events.record_id = cast(posts.id as text)), 0),
  coalesce((select max(events.id) from events
    where events.record_type = 'partner' and events.record_id = cast(posts.partner_id as text)
      and events.type = 'partner.updated'), 0),
  ${postRoadmapVersion})`;

function loadRows(ids: number[], db: Db): Row[] {
  return db
    .select({ post: posts, partnerSlug: partners.slug, partnerName: partners.name, version: postVersion })
    .from(posts)
    .innerJoin(partners, eq(posts.partnerId, partners.id))
    .where(inArray(posts.id, ids))
    .all();
}

function toDocument(
  { post, partnerSlug, partnerName, version }: Row,
  tags: string[],
  items: { slug: string; title: string }[],
): SearchDocument | null {
  if (post.status === NOT_SEARCHABLE) return null;
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
    sections: Object.fromEntries(
      sectionsOf(post.kind)
        .map((key) => [key, post.rendered?.text[sectionField(key)] ?? ""])
        .filter(([, text]) => text),
    ),
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
    rag: null,
    themeName: null,
    // The roadmap items it is linked to: their titles found by words, their slugs by the finder's filter.
    linkedItems: items.map((item) => item.slug),
    linkedItemTitles: items.map((item) => item.title),
    version,
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
    return postsAffectedByRoadmap(event, db);
  },

  documents(ids, db) {
    return documentsByRow(ids, {
      load: (numeric) => loadRows(numeric, db),
      idOf: (row) => row.post.id,
      prepare: (rows) => {
        const found = rows.map((row) => row.post.id);
        const tags = tagsByPost(found, db);
        const items = linkedItemsByPost(found, db);
        return (row) => toDocument(row, tags.get(row.post.id) ?? [], items.get(row.post.id) ?? []);
      },
    });
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

  versionsAfter(afterId, limit, db) {
    return db
      .select({ id: posts.id, version: postVersion })
      .from(posts)
      .where(and(findablePosts, afterId === null ? undefined : gt(posts.id, Number(afterId))))
      .orderBy(asc(posts.id))
      .limit(limit)
      .all()
      .map((row) => ({ recordId: String(row.id), version: row.version }));
  },
};
