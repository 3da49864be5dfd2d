/**
 * Post queries, each scoped to the person asking: what they may not see is
 * left out in SQL (lists) or reported as not found (single posts), using the
 * rule in post-policy.server.ts.
 */
import { and, asc, count, desc, eq, exists, type Placeholder, type SQL, sql } from "drizzle-orm";
import { partners, posts, postTags, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { lastEventId } from "../events/event-log.server";
import { type Db, getDb } from "../platform/db.server";
import { NotFoundError } from "../platform/errors";
import { preparedOnce } from "../platform/prepared.server";
import { listRevisions } from "../revisions/revisions.server";
import type { PostKind, PostStatus } from "./post-kinds";
import { authorizePost, canOnPost, type PostAction, postsVisibleTo } from "./post-policy.server";
import { readPostSnapshot } from "./post-snapshot";

export interface PostSummary {
  id: number;
  slug: string;
  kind: PostKind;
  status: PostStatus;
  title: string;
  titleCy: string | null;
  summary: string;
  summaryCy: string | null;
  partner: { slug: string; name: string; shortName: string };
  tags: string[];
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface PostFilters {
  kind?: PostKind;
  partnerSlug?: string;
  tag?: string;
  page?: number;
  pageSize?: number;
}

const summaryColumns = {
  id: posts.id,
  slug: posts.slug,
  kind: posts.kind,
  status: posts.status,
  title: posts.title,
  titleCy: posts.titleCy,
  summary: posts.summary,
  summaryCy: posts.summaryCy,
  publishedAt: posts.publishedAt,
  updatedAt: posts.updatedAt,
  partnerSlug: partners.slug,
  partnerName: partners.name,
  partnerShortName: partners.shortName,
};

export interface SummaryRow {
  id: number;
  slug: string;
  kind: PostKind;
  status: PostStatus;
  title: string;
  titleCy: string | null;
  summary: string;
  summaryCy: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  partnerSlug: string;
  partnerName: string;
  partnerShortName: string;
}

/** Each post's tags, in alphabetical order. */
/** The tags of any number of posts in one prepared query: the ids go in as one JSON array. */
const tagsOfPosts = preparedOnce((db) =>
  db
    .select()
    .from(postTags)
    .where(sql`${postTags.postId} in (select value from json_each(${sql.placeholder("ids")}))`)
    .orderBy(asc(postTags.tag))
    .prepare(),
);

export function tagsByPost(ids: number[], db: Db = getDb()): Map<number, string[]> {
  const map = new Map<number, string[]>();
  if (ids.length === 0) return map;
  const rows = tagsOfPosts(db).all({ ids: JSON.stringify(ids) });
  for (const row of rows) map.set(row.postId, [...(map.get(row.postId) ?? []), row.tag]);
  return map;
}

export function toSummaries(rows: SummaryRow[], db: Db): PostSummary[] {
  const tags = tagsByPost(
    rows.map((row) => row.id),
    db,
  );
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    status: row.status,
    title: row.title,
    titleCy: row.titleCy,
    summary: row.summary,
    summaryCy: row.summaryCy,
    partner: { slug: row.partnerSlug, name: row.partnerName, shortName: row.partnerShortName },
    tags: tags.get(row.id) ?? [],
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
  }));
}

// Newest first: published posts by publication date, unpublished ones by their last edit.
const newestFirst = [desc(sql`coalesce(${posts.publishedAt}, ${posts.updatedAt})`), desc(posts.id)];

/** Posts the user may see, filtered and paginated, newest first. */
export function listPosts(user: SessionUser, filters: PostFilters = {}, db: Db = getDb()) {
  const pageSize = Math.min(Math.max(filters.pageSize ?? 20, 1), 100);
  const conditions: (SQL | undefined)[] = [postsVisibleTo(user)];
  if (filters.kind) conditions.push(eq(posts.kind, filters.kind));
  if (filters.partnerSlug) conditions.push(eq(partners.slug, filters.partnerSlug));
  if (filters.tag) {
    const tag = filters.tag;
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(postTags)
          .where(and(eq(postTags.postId, posts.id), eq(postTags.tag, tag))),
      ),
    );
  }
  const where = and(...conditions);
  const total =
    db.select({ total: count() }).from(posts).innerJoin(partners, eq(posts.partnerId, partners.id)).where(where).get()
      ?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(filters.page ?? 1, 1), pageCount);
  const rows = newestFirstQuery(where, pageSize, (page - 1) * pageSize, db).all();
  return { posts: toSummaries(rows, db), total, page, pageCount, pageSize };
}

/**
 * One page of posts matching `where`, newest first: walks posts_newest_idx or
 * posts_kind_newest_idx rather than sorting every post (exported for the test of its plan).
 */
export function newestFirstQuery(
  where: SQL | undefined,
  limit: number | Placeholder,
  offset: number | Placeholder,
  db: Db = getDb(),
) {
  return db
    .select(summaryColumns)
    .from(posts)
    .innerJoin(partners, eq(posts.partnerId, partners.id))
    .where(where)
    .orderBy(...newestFirst)
    .limit(limit)
    .offset(offset);
}

/** What the home page lists: published posts of one kind. */
export function publishedOfKind(kind: PostKind | Placeholder): SQL | undefined {
  return and(eq(posts.status, "published"), eq(posts.kind, kind));
}

const latestOfKind = preparedOnce((db) =>
  newestFirstQuery(publishedOfKind(sql.placeholder("kind")), sql.placeholder("limit"), 0, db).prepare(),
);

/** The newest published posts of one kind, for the home page. */
export function listLatestPublished(kind: PostKind, limit: number, db: Db = getDb()): PostSummary[] {
  return toSummaries(latestOfKind(db).all({ kind, limit }), db);
}

let publishedTags: { db: Db; asOfEvent: number; tags: { tag: string; count: number }[] } | undefined;

/**
 * Tags in use on published posts, most used first, for the filter list.
 * Counting them reads every post's tags (about 10 ms at 10,000 posts), so the
 * answer is kept until the next change anywhere (every change records an event).
 */
export function listPublishedTags(db: Db = getDb()): { tag: string; count: number }[] {
  const asOfEvent = lastEventId(db);
  if (publishedTags?.db === db && publishedTags.asOfEvent === asOfEvent) return publishedTags.tags;
  const tags = countPublishedTags(db);
  publishedTags = { db, asOfEvent, tags };
  return tags;
}

function countPublishedTags(db: Db): { tag: string; count: number }[] {
  return db
    .select({ tag: postTags.tag, count: count() })
    .from(postTags)
    .innerJoin(posts, eq(posts.id, postTags.postId))
    .where(eq(posts.status, "published"))
    .groupBy(postTags.tag)
    .orderBy(desc(count()), asc(postTags.tag))
    .all();
}

export type PostRecord = NonNullable<ReturnType<typeof findPostBySlug>>;

/**
 * A post with its partner and tags, whoever asks: for commands and the import,
 * which check access themselves. Pages use getPostForReading and friends.
 */
const postBySlug = preparedOnce((db) =>
  db
    .select({
      post: posts,
      partner: { id: partners.id, slug: partners.slug, name: partners.name, shortName: partners.shortName },
      authorName: users.name,
    })
    .from(posts)
    .innerJoin(partners, eq(posts.partnerId, partners.id))
    .leftJoin(users, eq(posts.authorId, users.id))
    .where(eq(posts.slug, sql.placeholder("slug")))
    .prepare(),
);

const tagsOfPost = preparedOnce((db) =>
  db
    .select({ tag: postTags.tag })
    .from(postTags)
    .where(eq(postTags.postId, sql.placeholder("postId")))
    .orderBy(asc(postTags.tag))
    .prepare(),
);

export function findPostBySlug(slug: string, db: Db = getDb()) {
  const row = postBySlug(db).get({ slug });
  if (!row) return null;
  const tags = tagsOfPost(db)
    .all({ postId: row.post.id })
    .map((tag) => tag.tag);
  return { ...row.post, partner: row.partner, authorName: row.authorName, tags };
}

/** The post at `slug` if the user may do `action` to it; NotFoundError or ForbiddenError otherwise. */
function getPostFor(user: SessionUser, action: PostAction | "read", slug: string, db: Db): PostRecord {
  const post = findPostBySlug(slug, db);
  if (!post) throw new NotFoundError("No such post");
  authorizePost(user, action, post);
  return post;
}

/** The post for its page. Throws NotFoundError when it does not exist or is hidden from the user. */
export function getPostForReading(user: SessionUser, slug: string, db: Db = getDb()): PostRecord {
  return getPostFor(user, "read", slug, db);
}

/** The post for its edit form. Throws NotFoundError, or ForbiddenError when the user may read but not edit it. */
export function getPostForEditing(user: SessionUser, slug: string, db: Db = getDb()): PostRecord {
  return getPostFor(user, "edit", slug, db);
}

/** The post for its delete confirmation. Throws as getPostForEditing does. */
export function getPostForDeleting(user: SessionUser, slug: string, db: Db = getDb()): PostRecord {
  return getPostFor(user, "delete", slug, db);
}

/**
 * A post's revision history as this user may see it, newest first: its
 * editors see every save, everyone else only the saves that were published.
 */
export function listPostRevisions(user: SessionUser, post: PostRecord, db: Db = getDb()) {
  const includeRestricted = canOnPost(user, "readDraftHistory", post);
  return listRevisions("post", post.id, { includeRestricted }, db).map((revision) => ({
    number: revision.number,
    createdAt: revision.createdAt,
    source: revision.source,
    actorName: revision.actorName,
    changeNote: revision.changeNote,
    snapshot: readPostSnapshot(revision.schemaVersion, revision.snapshot),
  }));
}
