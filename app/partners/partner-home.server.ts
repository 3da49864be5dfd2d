/**
 * A partner's page as its community's home: its current strategy, what it
 * has published by kind, its digital lead and how far its lessons travel.
 * Everything here is published content, which every member of staff may see;
 * drafts stay on the editors' own lists.
 */
import { and, asc, count, countDistinct, eq, ne, sql } from "drizzle-orm";
import { partnerResponses, posts, recordLinks, roadmapItems, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { type Db, getDb } from "../platform/db.server";
import { POST_KINDS, type PostKind } from "../posts/post-kinds";
import { postsVisibleTo } from "../posts/post-policy.server";
import { newestFirstQuery, type PostSummary, publishedOfKind, toSummaries } from "../posts/posts.server";

/** How many of each kind's newest posts the page shows before "see all". */
export const NEWEST_PER_KIND = 3;

export interface KindSection {
  kind: PostKind;
  total: number;
  newest: PostSummary[];
}

/** Each kind's published posts from this partner: how many, and the newest few. */
export function partnerSections(partnerId: number, db: Db = getDb()): KindSection[] {
  const totals = new Map(
    db
      .select({ kind: posts.kind, total: count() })
      .from(posts)
      .where(and(eq(posts.partnerId, partnerId), eq(posts.status, "published")))
      .groupBy(posts.kind)
      .all()
      .map((row) => [row.kind, row.total]),
  );
  return POST_KINDS.map((kind) => ({
    kind,
    total: totals.get(kind) ?? 0,
    newest: toSummaries(
      newestFirstQuery(and(publishedOfKind(kind), eq(posts.partnerId, partnerId)), NEWEST_PER_KIND, 0, db).all(),
      db,
    ),
  }));
}

/** The partner's current strategy: the newest one published, pinned at the top of its page. */
export function currentStrategy(sections: KindSection[]): PostSummary | null {
  return sections.find((section) => section.kind === "strategy")?.newest[0] ?? null;
}

export interface AppliedCounts {
  /** Its published lessons and case studies that at least one other partner applied. */
  appliedByOthers: number;
  /** Other partners' published lessons and case studies it applied. */
  appliedFromOthers: number;
}

/**
 * The two "applied" counts, of posts the reader may see (the post policy's
 * condition) that are published: a post taken back from publication keeps its
 * records but leaves the counts.
 */
export function appliedCounts(reader: SessionUser, partnerId: number, db: Db = getDb()): AppliedCounts {
  const countable = and(postsVisibleTo(reader), eq(posts.status, "published"));
  const byOthers = db
    .select({ total: countDistinct(partnerResponses.postId) })
    .from(partnerResponses)
    .innerJoin(posts, eq(posts.id, partnerResponses.postId))
    .where(
      and(
        eq(posts.partnerId, partnerId),
        countable,
        eq(partnerResponses.kind, "applied"),
        ne(partnerResponses.partnerId, partnerId),
      ),
    )
    .get();
  const fromOthers = db
    .select({ total: count() })
    .from(partnerResponses)
    .innerJoin(posts, eq(posts.id, partnerResponses.postId))
    .where(
      and(
        eq(partnerResponses.partnerId, partnerId),
        eq(partnerResponses.kind, "applied"),
        countable,
        ne(posts.partnerId, partnerId),
      ),
    )
    .get();
  return { appliedByOthers: byOthers?.total ?? 0, appliedFromOthers: fromOthers?.total ?? 0 };
}

export interface DigitalLead {
  name: string;
  jobTitle: string | null;
  email: string;
}

/** The partner's digital lead, if one is named and their account is active. */
export function digitalLeadOf(digitalLeadId: string | null, db: Db = getDb()): DigitalLead | null {
  if (!digitalLeadId) return null;
  const row = db
    .select({ name: users.name, jobTitle: users.jobTitle, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, digitalLeadId))
    .get();
  if (!row || row.deactivatedAt) return null;
  return { name: row.name, jobTitle: row.jobTitle?.trim() || null, email: row.email };
}

export interface DrivenItem {
  slug: string;
  title: string;
  titleCy: string | null;
  /** The partner's aspirations that drive it. */
  drivenBy: { slug: string; title: string; titleCy: string | null }[];
}

/**
 * The roadmap items this partner's published aspirations drive (typed links,
 * decision 043): where its aspirations landed. Every member of staff reads
 * the roadmap and published posts, so the list is the same for everyone.
 */
export function roadmapItemsDrivenBy(partnerId: number, db: Db = getDb()): DrivenItem[] {
  const rows = db
    .select({
      itemSlug: roadmapItems.slug,
      itemTitle: roadmapItems.title,
      itemTitleCy: roadmapItems.titleCy,
      postSlug: posts.slug,
      postTitle: posts.title,
      postTitleCy: posts.titleCy,
    })
    .from(recordLinks)
    .innerJoin(posts, sql`${recordLinks.objectId} = cast(${posts.id} as text)`)
    .innerJoin(roadmapItems, sql`${recordLinks.subjectId} = cast(${roadmapItems.id} as text)`)
    .where(
      and(
        eq(recordLinks.subjectType, "roadmap_item"),
        eq(recordLinks.relation, "drives"),
        eq(recordLinks.objectType, "post"),
        eq(posts.partnerId, partnerId),
        eq(posts.kind, "aspiration"),
        eq(posts.status, "published"),
      ),
    )
    .orderBy(asc(roadmapItems.title), asc(posts.title))
    .all();
  const items = new Map<string, DrivenItem>();
  for (const row of rows) {
    const item = items.get(row.itemSlug) ?? {
      slug: row.itemSlug,
      title: row.itemTitle,
      titleCy: row.itemTitleCy,
      drivenBy: [],
    };
    item.drivenBy.push({ slug: row.postSlug, title: row.postTitle, titleCy: row.postTitleCy });
    items.set(row.itemSlug, item);
  }
  return [...items.values()];
}
