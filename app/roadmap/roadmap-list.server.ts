/**
 * The roadmap as its views list it: every item with what a card shows, the
 * filters applied and each filter's counts. The roadmap is dozens of items,
 * not thousands: one query reads them all (theme, owner, latest update and
 * partners joined in SQL), and the filters and their disjunctive counts are
 * worked out from that one list (decision 045). Every member of staff reads
 * the roadmap (roadmapItemPolicy.readers), so no row is left out per reader.
 */
import { and, count, eq, ne, sql } from "drizzle-orm";
import { LINK_RELATIONS, type LinkRelation, ROADMAP_STATUSES, type RoadmapStatus } from "../../db/enums";
import { posts, recordLinks } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { type Db, getDb } from "../platform/db.server";
import { postsVisibleTo } from "../posts/post-policy.server";
import type { FacetCount } from "../search/finder-results";
import { byCount } from "../search/finder-results";
import { isStale } from "./review-staleness";
import { canOnRoadmapItem } from "./roadmap-policy.server";
import { RAG_VALUES, type RagValue, ROADMAP_FILTERS, type RoadmapFilter, type RoadmapQuery } from "./roadmap-query";

export interface RoadmapCard {
  id: number;
  slug: string;
  title: string;
  themeSlug: string;
  themeName: string;
  status: RoadmapStatus;
  startQuarter: string;
  targetQuarter: string;
  ownerName: string | null;
  partners: { slug: string; name: string }[];
  rag: RagValue;
  /** The latest progress update's date, `YYYY-MM-DD`, or null. */
  lastUpdate: string | null;
  reviewedAt: number;
  stale: boolean;
}

export interface RoadmapList {
  items: RoadmapCard[];
  /** Each filter's values with counts worked out with every OTHER filter applied. */
  facets: Record<RoadmapFilter, FacetCount[]>;
  /** How many items there are with no filter at all. */
  unfilteredTotal: number;
}

type ItemRow = Omit<RoadmapCard, "partners" | "rag" | "stale"> & {
  partners: string;
  rag: string | null;
  ownerId: string | null;
};

/** Every item, newest target last within each status, with its latest update (by date, then the order written). */
function readItems(db: Db): ItemRow[] {
  return db.all<ItemRow>(sql`
    select i.id, i.slug, i.title, t.slug as themeSlug, t.name as themeName, i.status,
      i.start_quarter as startQuarter, i.target_quarter as targetQuarter, i.owner_id as ownerId, u.name as ownerName,
      i.reviewed_at as reviewedAt, latest.rating as rag, latest.update_date as lastUpdate,
      coalesce((select json_group_array(json_object('slug', p.slug, 'name', p.short_name))
        from roadmap_item_partners ip join partners p on p.id = ip.partner_id
        where ip.item_id = i.id), '[]') as partners
    from roadmap_items i
    join roadmap_themes t on t.id = i.theme_id
    left join users u on u.id = i.owner_id
    left join roadmap_updates latest on latest.id = (
      select lu.id from roadmap_updates lu where lu.item_id = i.id
      order by lu.update_date desc, lu.id desc limit 1)
    order by i.target_quarter, i.title collate nocase, i.id`);
}

function toCard(row: ItemRow, now: number): RoadmapCard {
  const partners = (JSON.parse(row.partners) as { slug: string; name: string }[]).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const { ownerId: _ownerId, ...card } = row;
  return {
    ...card,
    partners,
    rag: (row.rag ?? "none") as RagValue,
    reviewedAt: Number(row.reviewedAt),
    stale: isStale(Number(row.reviewedAt), now),
  };
}

/** The values of one filter an item has: its partners, its theme, its status, its rating. */
function valuesOf(card: RoadmapCard, name: RoadmapFilter): string[] {
  switch (name) {
    case "partner":
      return card.partners.map((partner) => partner.slug);
    case "theme":
      return [card.themeSlug];
    case "status":
      return [card.status];
    case "rag":
      return [card.rag];
  }
}

function matches(card: RoadmapCard, query: RoadmapQuery, leaveOut?: RoadmapFilter): boolean {
  return ROADMAP_FILTERS.every((name) => {
    const chosen = query[name] as string[];
    if (name === leaveOut || chosen.length === 0) return true;
    return valuesOf(card, name).some((value) => chosen.includes(value));
  });
}

function facetOf(cards: RoadmapCard[], query: RoadmapQuery, name: RoadmapFilter): FacetCount[] {
  const counts: Record<string, number> = {};
  for (const card of cards) {
    if (!matches(card, query, name)) continue;
    for (const value of new Set(valuesOf(card, name))) counts[value] = (counts[value] ?? 0) + 1;
  }
  // Statuses and ratings read in their own order (proposed to cancelled, on track to off track); the rest by count.
  if (name === "status")
    return ROADMAP_STATUSES.filter((value) => value in counts).map((value) => ({ value, count: counts[value] ?? 0 }));
  if (name === "rag")
    return RAG_VALUES.filter((value) => value in counts).map((value) => ({ value, count: counts[value] ?? 0 }));
  return byCount(counts);
}

/** The roadmap's items that match the filters, with each filter's counts. */
export function listRoadmap(reader: SessionUser, query: RoadmapQuery, db: Db = getDb(), now = Date.now()): RoadmapList {
  // Every item is readable by all staff today; asking the policy keeps the board, timeline and CSV
  // right the day that changes.
  const cards = readItems(db)
    .filter((row) => canOnRoadmapItem(reader, "read", { ownerId: row.ownerId }))
    .map((row) => toCard(row, now));
  return {
    items: cards.filter((card) => matches(card, query)),
    facets: Object.fromEntries(ROADMAP_FILTERS.map((name) => [name, facetOf(cards, query, name)])) as Record<
      RoadmapFilter,
      FacetCount[]
    >,
    unfilteredTotal: cards.length,
  };
}

/** How many posts are linked to each item, per relation: one grouped query for the whole list. */
export function linkCountsByItem(
  reader: SessionUser,
  itemIds: number[],
  db: Db = getDb(),
): Map<number, Record<LinkRelation, number>> {
  // Counted as the item's page lists them: posts the reader may see, never a draft.
  const visible = postsVisibleTo(reader);
  const rows = db
    .select({ itemId: recordLinks.subjectId, relation: recordLinks.relation, count: count() })
    .from(recordLinks)
    .innerJoin(posts, eq(sql`cast(${posts.id} as text)`, recordLinks.objectId))
    .where(
      and(
        eq(recordLinks.subjectType, "roadmap_item"),
        eq(recordLinks.objectType, "post"),
        sql`${recordLinks.subjectId} in (select value from json_each(${JSON.stringify(itemIds.map(String))}))`,
        ne(posts.status, "draft"),
        visible,
      ),
    )
    .groupBy(recordLinks.subjectId, recordLinks.relation)
    .all();
  const map = new Map<number, Record<LinkRelation, number>>();
  for (const id of itemIds) {
    map.set(id, Object.fromEntries(LINK_RELATIONS.map((relation) => [relation, 0])) as Record<LinkRelation, number>);
  }
  for (const row of rows) {
    const counts = map.get(Number(row.itemId));
    if (counts) counts[row.relation] = row.count;
  }
  return map;
}

/** Theme names and partner short names by slug, and item titles by slug, for labelling filters. */
export function roadmapLabels(db: Db = getDb()): {
  themes: Record<string, string>;
  partners: Record<string, string>;
  items: Record<string, string>;
} {
  const pairs = (rows: { slug: string; name: string }[]) => Object.fromEntries(rows.map((row) => [row.slug, row.name]));
  return {
    themes: pairs(db.all(sql`select slug, name from roadmap_themes`)),
    partners: pairs(db.all(sql`select slug, short_name as name from partners`)),
    items: pairs(db.all(sql`select slug, title as name from roadmap_items`)),
  };
}
