/**
 * How roadmap items appear in search, and what of them a post's document
 * carries: the titles of the items it is linked to (searchable) and their
 * slugs (a filter), so that "lessons linked to the Microsoft 365 roll-out" is
 * one filter in the finder. A link or unlink changes both documents.
 */
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import {
  partners,
  recordLinks,
  roadmapItemPartners,
  roadmapItems,
  roadmapThemes,
  roadmapUpdates,
} from "../../db/schema";
import type { EventRow } from "../events/event-log.server";
import type { Db } from "../platform/db.server";
import { documentId, documentsByRow, type SearchDocument, type SearchSource } from "../search/search-document.server";
import { roadmapItemPolicy } from "./roadmap-policy.server";

type ItemRow = {
  item: typeof roadmapItems.$inferSelect;
  themeSlug: string;
  themeName: string;
  version: number;
};

/**
 * Events on links whose subject (or object) is the record in the outer
 * query: the link's id is the event's record id, so the ends are read from
 * its data (the link may be gone).
 */
const linkEventsOf = (end: "subject" | "object", type: string, id: ReturnType<typeof sql>) => sql`coalesce((
  select max(events.id) from events
  where events.record_type = 'record_link'
    and json_extract(events.data, ${`$.${end}Type`}) = ${type}
    and json_extract(events.data, ${`$.${end}Id`}) = cast(${id} as text)), 0)`;

/**
 * An item document's version: the last event among those `affectedBy` maps
 * to it (its own events, updates included; its theme's; its partners'
 * renames; its links'; its linked posts', since it carries their titles).
 * Outer columns named in full: inside the subqueries a bare "id" is another table's.
 */
const itemVersion = sql<number>`max(
  coalesce((select max(events.id) from events
    where events.record_type = 'roadmap_item' and events.record_id = cast(roadmap_items.id as text)), 0),
  coalesce((select max(events.id) from events
    where events.record_type = 'roadmap_theme' and events.record_id = cast(roadmap_items.theme_id as text)), 0),
  coalesce((select max(events.id) from events
    join roadmap_item_partners on events.record_id = cast(roadmap_item_partners.partner_id as text)
    where events.record_type = 'partner' and events.type = 'partner.updated'
      and roadmap_item_partners.item_id = roadmap_items.id), 0),
  ${linkEventsOf("subject", "roadmap_item", sql`roadmap_items.id`)},
  coalesce((select max(events.id) from events
    join record_links on events.record_id = record_links.object_id
    where events.record_type = 'post' and record_links.object_type = 'post'
      and record_links.subject_type = 'roadmap_item'
      and record_links.subject_id = cast(roadmap_items.id as text)), 0))`;

/**
 * What a post document gains from roadmap items, as a version: its links'
 * events and the events of the items linked to it (their titles may change).
 * Used by the post source's version, which names the outer table "posts".
 */
export const postRoadmapVersion = sql<number>`max(
  ${linkEventsOf("object", "post", sql`posts.id`)},
  coalesce((select max(events.id) from events
    join record_links on events.record_id = record_links.subject_id
    where events.record_type = 'roadmap_item' and events.type = 'roadmap_item.edited'
      and record_links.subject_type = 'roadmap_item'
      and record_links.object_type = 'post' and record_links.object_id = cast(posts.id as text)), 0))`;

/** The roadmap items linked to each post (any relation), by title. */
export function linkedItemsByPost(postIds: number[], db: Db): Map<number, { slug: string; title: string }[]> {
  const map = new Map<number, { slug: string; title: string }[]>();
  if (postIds.length === 0) return map;
  const rows = db
    .selectDistinct({ postId: recordLinks.objectId, slug: roadmapItems.slug, title: roadmapItems.title })
    .from(recordLinks)
    .innerJoin(roadmapItems, sql`${recordLinks.subjectId} = cast(${roadmapItems.id} as text)`)
    .where(
      and(
        eq(recordLinks.subjectType, "roadmap_item"),
        eq(recordLinks.objectType, "post"),
        inArray(recordLinks.objectId, postIds.map(String)),
      ),
    )
    .orderBy(asc(roadmapItems.title))
    .all();
  for (const row of rows) {
    const id = Number(row.postId);
    map.set(id, [...(map.get(id) ?? []), { slug: row.slug, title: row.title }]);
  }
  return map;
}

/**
 * Posts whose documents an event about roadmap items or their links changes:
 * both ends of a link, and the posts linked to an item whose title may have
 * changed (only an edit changes a title; postRoadmapVersion counts the same).
 */
export function postsAffectedByRoadmap(event: EventRow, db: Db): string[] {
  if (event.recordType === "record_link" && event.data.objectType === "post") {
    return [String(event.data.objectId)];
  }
  if (event.type === "roadmap_item.edited") return postsLinkedToItem(event.recordId, db);
  return [];
}

/** Items linked to a post (for a post's change: item documents carry their linked posts' titles). */
function itemsLinkedTo(postId: string, db: Db): string[] {
  return db
    .select({ id: recordLinks.subjectId })
    .from(recordLinks)
    .where(
      and(
        eq(recordLinks.objectType, "post"),
        eq(recordLinks.objectId, postId),
        eq(recordLinks.subjectType, "roadmap_item"),
      ),
    )
    .all()
    .map((row) => row.id);
}

/** Posts linked to an item (a change to the item's title changes their documents). */
function postsLinkedToItem(itemId: string, db: Db): string[] {
  return db
    .select({ id: recordLinks.objectId })
    .from(recordLinks)
    .where(
      and(
        eq(recordLinks.subjectType, "roadmap_item"),
        eq(recordLinks.subjectId, itemId),
        eq(recordLinks.objectType, "post"),
      ),
    )
    .all()
    .map((row) => row.id);
}

function loadRows(ids: number[], db: Db): ItemRow[] {
  return db
    .select({ item: roadmapItems, themeSlug: roadmapThemes.slug, themeName: roadmapThemes.name, version: itemVersion })
    .from(roadmapItems)
    .innerJoin(roadmapThemes, eq(roadmapItems.themeId, roadmapThemes.id))
    .where(inArray(roadmapItems.id, ids))
    .all();
}

/** Each item's partners, by name. */
function partnersByItem(ids: number[], db: Db): Map<number, { slug: string; name: string }[]> {
  const map = new Map<number, { slug: string; name: string }[]>();
  const rows = db
    .select({ itemId: roadmapItemPartners.itemId, slug: partners.slug, name: partners.name })
    .from(roadmapItemPartners)
    .innerJoin(partners, eq(roadmapItemPartners.partnerId, partners.id))
    .where(inArray(roadmapItemPartners.itemId, ids))
    .orderBy(asc(partners.name))
    .all();
  for (const row of rows) map.set(row.itemId, [...(map.get(row.itemId) ?? []), { slug: row.slug, name: row.name }]);
  return map;
}

/** Each item's latest progress update (by its date, then the order written). */
function latestUpdates(ids: number[], db: Db): Map<number, typeof roadmapUpdates.$inferSelect> {
  const rows = db
    .select()
    .from(roadmapUpdates)
    .where(
      and(
        inArray(roadmapUpdates.itemId, ids),
        sql`${roadmapUpdates.id} = (select u.id from roadmap_updates u where u.item_id = ${roadmapUpdates.itemId}
          order by u.update_date desc, u.id desc limit 1)`,
      ),
    )
    .all();
  return new Map(rows.map((row) => [row.itemId, row]));
}

/** The published posts linked to each item, by title: only what every reader may see goes in a public document. */
function linkedPostTitles(ids: number[], db: Db): Map<number, string[]> {
  const rows = db.all<{ itemId: string; title: string }>(sql`
    select distinct record_links.subject_id as itemId, posts.title as title
    from record_links join posts on record_links.object_id = cast(posts.id as text)
    where record_links.subject_type = 'roadmap_item' and record_links.object_type = 'post'
      and posts.status = 'published'
      and record_links.subject_id in (select value from json_each(${JSON.stringify(ids.map(String))}))
    order by posts.title`);
  const map = new Map<number, string[]>();
  for (const row of rows) map.set(Number(row.itemId), [...(map.get(Number(row.itemId)) ?? []), row.title]);
  return map;
}

function toDocument(
  { item, themeSlug, themeName, version }: ItemRow,
  itemPartners: { slug: string; name: string }[],
  latest: typeof roadmapUpdates.$inferSelect | undefined,
  postTitles: string[],
): SearchDocument {
  const sections: Record<string, string> = {};
  const latestNote = latest ? (latest.rendered?.text.note ?? latest.note) : "";
  if (latestNote) sections.latestUpdate = latestNote;
  if (postTitles.length > 0) sections.linkedPosts = postTitles.join("\n");
  return {
    id: documentId("roadmap_item", item.id),
    type: "roadmap_item",
    recordId: String(item.id),
    url: `/roadmap/${item.slug}`,
    title: item.title,
    summary: item.summary,
    sections,
    // The plain text kept when the item was saved: indexing never renders Markdown.
    body: item.rendered?.text.description ?? item.rendered?.text.body ?? "",
    tags: [],
    // The theme is an item's category, as a kind is a post's; the finder names it.
    kind: themeSlug,
    status: item.status,
    partners: itemPartners.map((partner) => partner.slug),
    partnerNames: itemPartners.map((partner) => partner.name),
    visibility: roadmapItemPolicy.readers(item),
    year: item.updatedAt.getUTCFullYear(),
    date: item.updatedAt.getTime(),
    updatedAt: item.updatedAt.getTime(),
    rag: latest?.rating ?? null,
    themeName,
    linkedItems: [],
    linkedItemTitles: [],
    version,
  };
}

export const roadmapItemSearchSource: SearchSource = {
  recordType: "roadmap_item",

  affectedBy(event, db) {
    if (event.recordType === "roadmap_item") return [event.recordId];
    if (event.recordType === "record_link" && event.data.subjectType === "roadmap_item") {
      return [String(event.data.subjectId)];
    }
    // Item documents carry the titles of their published linked posts.
    if (event.recordType === "post") return itemsLinkedTo(event.recordId, db);
    if (event.recordType === "roadmap_theme") {
      return db
        .select({ id: roadmapItems.id })
        .from(roadmapItems)
        .where(eq(roadmapItems.themeId, Number(event.recordId)))
        .all()
        .map((row) => String(row.id));
    }
    if (event.type === "partner.updated") {
      return db
        .select({ id: roadmapItemPartners.itemId })
        .from(roadmapItemPartners)
        .where(eq(roadmapItemPartners.partnerId, Number(event.recordId)))
        .all()
        .map((row) => String(row.id));
    }
    return [];
  },

  documents(ids, db) {
    return documentsByRow(ids, {
      load: (numeric) => loadRows(numeric, db),
      idOf: (row) => row.item.id,
      prepare: (rows) => {
        const found = rows.map((row) => row.item.id);
        const itemPartners = partnersByItem(found, db);
        const latest = latestUpdates(found, db);
        const postTitles = linkedPostTitles(found, db);
        return (row) =>
          toDocument(
            row,
            itemPartners.get(row.item.id) ?? [],
            latest.get(row.item.id),
            postTitles.get(row.item.id) ?? [],
          );
      },
    });
  },

  describe(ids, db) {
    const rows = db
      .select({ id: roadmapItems.id, slug: roadmapItems.slug, title: roadmapItems.title })
      .from(roadmapItems)
      .where(inArray(roadmapItems.id, ids.map(Number).filter(Number.isSafeInteger)))
      .all();
    return new Map(rows.map((row) => [String(row.id), { title: row.title, url: `/roadmap/${row.slug}` }]));
  },

  idsAfter(afterId, limit, db) {
    return db
      .select({ id: roadmapItems.id })
      .from(roadmapItems)
      .where(afterId === null ? undefined : gt(roadmapItems.id, Number(afterId)))
      .orderBy(asc(roadmapItems.id))
      .limit(limit)
      .all()
      .map((row) => String(row.id));
  },

  versionsAfter(afterId, limit, db) {
    return db
      .select({ id: roadmapItems.id, version: itemVersion })
      .from(roadmapItems)
      .where(afterId === null ? undefined : gt(roadmapItems.id, Number(afterId)))
      .orderBy(asc(roadmapItems.id))
      .limit(limit)
      .all()
      .map((row) => ({ recordId: String(row.id), version: row.version }));
  },
};
