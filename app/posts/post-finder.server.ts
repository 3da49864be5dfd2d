/**
 * The finder from SQLite, for while search is down: the same filters and
 * disjunctive counts as the search index gives, newest (or oldest) first,
 * scoped by the reader's visibility exactly as listPosts is. Words are not
 * matched here: the page says keyword search is unavailable. Only posts are
 * listed here (roadmap items wait for search to come back: decision 045), but
 * the roadmap item filter works, through the links table.
 */
import { and, asc, count, desc, eq, exists, inArray, type SQL, sql } from "drizzle-orm";
import { partners, posts, postTags, recordLinks, roadmapItems } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { type Db, getDb } from "../platform/db.server";
import { byCount, byYear, type FacetCount, type FinderHit, type FinderResults } from "../search/finder-results";
import {
  effectiveSort,
  FILTER_NAMES,
  type FilterName,
  isFiltered,
  RESULTS_PER_PAGE,
  type SearchQuery,
} from "../search/search-query";
import { postsVisibleTo } from "./post-policy.server";
import { findablePosts } from "./post-search.server";
import { tagsByPost } from "./posts.server";

/** The date a post is listed by, as its search document has it: publication while published, else the last edit. */
const listedAt = sql<number>`case when ${posts.status} = 'published' and ${posts.publishedAt} is not null
  then ${posts.publishedAt} else ${posts.updatedAt} end`;
const yearListed = sql<string>`strftime('%Y', ${listedAt} / 1000, 'unixepoch')`;

/** A roadmap item's link to the post of the outer query. */
const linkedToPost = and(
  eq(recordLinks.subjectType, "roadmap_item"),
  eq(recordLinks.objectType, "post"),
  sql`${recordLinks.objectId} = cast(${posts.id} as text)`,
);

/** The reader's visibility, then each filter in use but `leaveOut` (values OR'd, filters AND'd). */
function conditionsFor(user: SessionUser, query: SearchQuery, db: Db, leaveOut?: FilterName): SQL | undefined {
  const applies = (name: FilterName) => name !== leaveOut && query[name].length > 0;
  const conditions: (SQL | undefined)[] = [findablePosts, postsVisibleTo(user)];
  // Posts are the only record type SQLite lists here.
  if (applies("type") && !query.type.includes("post")) conditions.push(sql`0`);
  if (applies("kind")) conditions.push(inArray(posts.kind, query.kind as (typeof posts.kind._.data)[]));
  if (applies("partner")) conditions.push(inArray(partners.slug, query.partner));
  if (applies("tag")) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(postTags)
          .where(and(eq(postTags.postId, posts.id), inArray(postTags.tag, query.tag))),
      ),
    );
  }
  if (applies("item")) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(recordLinks)
          .innerJoin(roadmapItems, sql`${recordLinks.subjectId} = cast(${roadmapItems.id} as text)`)
          .where(and(linkedToPost, inArray(roadmapItems.slug, query.item))),
      ),
    );
  }
  if (applies("year")) conditions.push(inArray(yearListed, query.year));
  return and(...conditions);
}

function countWhere(where: SQL | undefined, db: Db): number {
  return (
    db.select({ total: count() }).from(posts).innerJoin(partners, eq(posts.partnerId, partners.id)).where(where).get()
      ?.total ?? 0
  );
}

/** One filter's values and counts, with every other filter applied. */
function facetCounts(name: FilterName, user: SessionUser, query: SearchQuery, db: Db): FacetCount[] {
  const where = conditionsFor(user, query, db, name);
  const base = (value: SQL | typeof posts.kind | typeof partners.slug) =>
    db
      .select({ value: sql<string>`${value}`, count: count() })
      .from(posts)
      .innerJoin(partners, eq(posts.partnerId, partners.id));
  const distribution = (rows: { value: string; count: number }[]) =>
    Object.fromEntries(rows.map((row) => [String(row.value), row.count]));
  switch (name) {
    case "type": {
      const total = countWhere(where, db);
      return total > 0 ? [{ value: "post", count: total }] : [];
    }
    case "kind":
      return byCount(distribution(base(posts.kind).where(where).groupBy(posts.kind).all()));
    case "partner":
      return byCount(distribution(base(partners.slug).where(where).groupBy(partners.slug).all()));
    case "year":
      return byYear(distribution(base(yearListed).where(where).groupBy(yearListed).all()));
    case "item":
      return byCount(
        distribution(
          db
            .select({ value: roadmapItems.slug, count: sql<number>`count(distinct ${posts.id})` })
            .from(posts)
            .innerJoin(partners, eq(posts.partnerId, partners.id))
            .innerJoin(recordLinks, linkedToPost)
            .innerJoin(roadmapItems, sql`${recordLinks.subjectId} = cast(${roadmapItems.id} as text)`)
            .where(where)
            .groupBy(roadmapItems.slug)
            .all(),
        ),
      );
    case "tag":
      return byCount(
        distribution(
          db
            .select({ value: postTags.tag, count: count() })
            .from(posts)
            .innerJoin(partners, eq(posts.partnerId, partners.id))
            .innerJoin(postTags, eq(postTags.postId, posts.id))
            .where(where)
            .groupBy(postTags.tag)
            .all(),
        ),
      );
  }
}

/** One page of the posts this reader may see, filtered, with disjunctive counts: the finder without search. */
export function findPostsInDatabase(user: SessionUser, query: SearchQuery, db: Db = getDb()): FinderResults {
  const where = conditionsFor(user, query, db);
  const total = countWhere(where, db);
  const order = effectiveSort(query) === "oldest" ? asc : desc;
  const rows = db
    .select({
      id: posts.id,
      slug: posts.slug,
      kind: posts.kind,
      status: posts.status,
      title: posts.title,
      summary: posts.summary,
      listedAt,
      partnerSlug: partners.slug,
      partnerName: partners.name,
    })
    .from(posts)
    .innerJoin(partners, eq(posts.partnerId, partners.id))
    .where(where)
    .orderBy(order(listedAt), order(posts.id))
    .limit(RESULTS_PER_PAGE)
    .offset((query.page - 1) * RESULTS_PER_PAGE)
    .all();
  const tags = tagsByPost(
    rows.map((row) => row.id),
    db,
  );
  const hits = rows.map(
    (row): FinderHit => ({
      type: "post",
      url: `/posts/${row.slug}`,
      kind: row.kind,
      status: row.status,
      partners: [{ slug: row.partnerSlug, name: row.partnerName }],
      title: [{ text: row.title, match: false }],
      snippet: [{ text: row.summary, match: false }],
      matchedIn: null,
      date: Number(row.listedAt),
      tags: tags.get(row.id) ?? [],
      rag: null,
      themeName: null,
    }),
  );
  const chosen = FILTER_NAMES.filter((name) => query[name].length > 0);
  return {
    hits,
    total,
    page: query.page,
    pageCount: Math.ceil(total / RESULTS_PER_PAGE),
    facets: Object.fromEntries(FILTER_NAMES.map((name) => [name, facetCounts(name, user, query, db)])) as Record<
      FilterName,
      FacetCount[]
    >,
    totalWithout: Object.fromEntries(
      chosen.map((name) => [name, countWhere(conditionsFor(user, query, db, name), db)]),
    ),
    unfilteredTotal: isFiltered(query) ? countWhere(and(findablePosts, postsVisibleTo(user)), db) : null,
  };
}
