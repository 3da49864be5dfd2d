import { and, asc, count, desc, eq, exists, inArray, or, type SQL, sql } from "drizzle-orm";
import { partners, postRevisions, posts, postTags, users } from "../../db/schema";
import { canReadPost, partnersWithUnpublishedAccess, type SessionUser } from "../auth/permissions";
import { type Db, getDb } from "../platform/db.server";
import type { PostKind, PostStatus } from "./post-kinds";

export interface PostSummary {
  id: number;
  slug: string;
  kind: PostKind;
  status: PostStatus;
  title: string;
  summary: string;
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

/** The SQL condition for the posts this user may see; null when they may see all. */
function visibleTo(user: SessionUser): SQL | undefined {
  const managed = partnersWithUnpublishedAccess(user);
  if (managed === null) return undefined;
  if (managed.length === 0) return eq(posts.status, "published");
  return or(eq(posts.status, "published"), inArray(posts.partnerId, managed));
}

const summaryColumns = {
  id: posts.id,
  slug: posts.slug,
  kind: posts.kind,
  status: posts.status,
  title: posts.title,
  summary: posts.summary,
  publishedAt: posts.publishedAt,
  updatedAt: posts.updatedAt,
  partnerSlug: partners.slug,
  partnerName: partners.name,
  partnerShortName: partners.shortName,
};

interface SummaryRow {
  id: number;
  slug: string;
  kind: PostKind;
  status: PostStatus;
  title: string;
  summary: string;
  publishedAt: Date | null;
  updatedAt: Date;
  partnerSlug: string;
  partnerName: string;
  partnerShortName: string;
}

function tagsByPost(ids: number[], db: Db): Map<number, string[]> {
  const map = new Map<number, string[]>();
  if (ids.length === 0) return map;
  const rows = db.select().from(postTags).where(inArray(postTags.postId, ids)).orderBy(asc(postTags.tag)).all();
  for (const row of rows) map.set(row.postId, [...(map.get(row.postId) ?? []), row.tag]);
  return map;
}

function toSummaries(rows: SummaryRow[], db: Db): PostSummary[] {
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
    summary: row.summary,
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
  const conditions = [visibleTo(user)];
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
  const rows = db
    .select(summaryColumns)
    .from(posts)
    .innerJoin(partners, eq(posts.partnerId, partners.id))
    .where(where)
    .orderBy(...newestFirst)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { posts: toSummaries(rows, db), total, page, pageCount, pageSize };
}

/** The newest published posts of one kind, for the home page. */
export function listLatestPublished(kind: PostKind, limit: number, db: Db = getDb()): PostSummary[] {
  const rows = db
    .select(summaryColumns)
    .from(posts)
    .innerJoin(partners, eq(posts.partnerId, partners.id))
    .where(and(eq(posts.status, "published"), eq(posts.kind, kind)))
    .orderBy(...newestFirst)
    .limit(limit)
    .all();
  return toSummaries(rows, db);
}

/** Tags in use on published posts, most used first, for the filter list. */
export function listPublishedTags(db: Db = getDb()): { tag: string; count: number }[] {
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

/** A post with its partner and tags, regardless of who asks: callers check access. */
export function findPostBySlug(slug: string, db: Db = getDb()) {
  const row = db
    .select({
      post: posts,
      partner: { id: partners.id, slug: partners.slug, name: partners.name, shortName: partners.shortName },
      authorName: users.name,
    })
    .from(posts)
    .innerJoin(partners, eq(posts.partnerId, partners.id))
    .leftJoin(users, eq(posts.authorId, users.id))
    .where(eq(posts.slug, slug))
    .get();
  if (!row) return null;
  const tags = tagsByPost([row.post.id], db).get(row.post.id) ?? [];
  return { ...row.post, partner: row.partner, authorName: row.authorName, tags };
}

/** The post if this user may read it; null when it does not exist or is hidden from them. */
export function getPostForReader(user: SessionUser, slug: string, db: Db = getDb()): PostRecord | null {
  const post = findPostBySlug(slug, db);
  return post && canReadPost(user, post) ? post : null;
}

/** Every revision of a post, newest first, with the editor's name. */
export function listRevisions(postId: number, db: Db = getDb()) {
  return db
    .select({
      number: postRevisions.number,
      createdAt: postRevisions.createdAt,
      source: postRevisions.source,
      editorName: users.name,
      snapshot: postRevisions.snapshot,
    })
    .from(postRevisions)
    .leftJoin(users, eq(postRevisions.editorId, users.id))
    .where(eq(postRevisions.postId, postId))
    .orderBy(desc(postRevisions.number))
    .all();
}
