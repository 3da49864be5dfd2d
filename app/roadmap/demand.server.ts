/**
 * The roadmap owner's view of demand: published aspirations that no roadmap
 * item is driven by yet, the ones most partners want first (decision 044).
 * "Wanted" is other partners' "we want this too" (partner_responses of kind
 * 'interested'); an aspiration stops showing here as soon as a record link
 * with relation 'drives' points at it, whatever its subject.
 */
import { and, count, desc, eq, notExists, sql } from "drizzle-orm";
import { partnerResponses, partners, posts, recordLinks } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { inLocale } from "../i18n/bilingual";
import type { Locale } from "../i18n/translate";
import { type Db, getDb } from "../platform/db.server";
import { postsVisibleTo } from "../posts/post-policy.server";

/** Aspirations per page of the demand view. */
export const DEMAND_PAGE_SIZE = 25;

export interface WantingPartner {
  slug: string;
  name: string;
  note: string;
  recordedAt: Date;
}

export interface DemandEntry {
  slug: string;
  title: string;
  summary: string;
  partner: { slug: string; name: string };
  publishedAt: Date | null;
  /** The other partners that want it, the most recently recorded first. */
  wantedBy: WantingPartner[];
}

export interface DemandPage {
  entries: DemandEntry[];
  /** Every aspiration in the view, across pages. */
  total: number;
  page: number;
  pageCount: number;
}

/** How many partners want the post: correlated, so it orders the page without a second query. */
const wantedCount = sql<number>`(select count(*) from ${partnerResponses}
  where ${partnerResponses.postId} = ${posts.id} and ${partnerResponses.kind} = 'interested')`;

/** The aspiration drives nothing yet: no 'drives' link points at it (record links keep ids as text). */
function drivesNothing(db: Db) {
  return notExists(
    db
      .select({ one: sql`1` })
      .from(recordLinks)
      .where(
        and(
          eq(recordLinks.objectType, "post"),
          eq(recordLinks.objectId, sql`cast(${posts.id} as text)`),
          eq(recordLinks.relation, "drives"),
        ),
      ),
  );
}

/**
 * A page of the demand view for this reader: published aspirations they may
 * see that drive no roadmap item, by how many partners want them, then newest.
 */
export function listDemand(user: SessionUser, locale: Locale, page = 1, db: Db = getDb()): DemandPage {
  const where = and(
    eq(posts.kind, "aspiration"),
    eq(posts.status, "published"),
    postsVisibleTo(user),
    drivesNothing(db),
  );
  const total = db.select({ total: count() }).from(posts).where(where).get()?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / DEMAND_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const rows = db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      titleCy: posts.titleCy,
      summary: posts.summary,
      summaryCy: posts.summaryCy,
      publishedAt: posts.publishedAt,
      partnerSlug: partners.slug,
      partnerName: partners.name,
    })
    .from(posts)
    .innerJoin(partners, eq(partners.id, posts.partnerId))
    .where(where)
    .orderBy(desc(wantedCount), desc(posts.publishedAt), desc(posts.id))
    .limit(DEMAND_PAGE_SIZE)
    .offset((current - 1) * DEMAND_PAGE_SIZE)
    .all();
  const wanted = wantingPartners(
    rows.map((row) => row.id),
    db,
  );
  return {
    entries: rows.map((row) => ({
      slug: row.slug,
      title: inLocale(row.title, row.titleCy, locale).text,
      summary: inLocale(row.summary, row.summaryCy, locale).text,
      partner: { slug: row.partnerSlug, name: row.partnerName },
      publishedAt: row.publishedAt,
      wantedBy: wanted.get(row.id) ?? [],
    })),
    total,
    page: current,
    pageCount,
  };
}

/** The partners that want each of these posts, in one query. */
function wantingPartners(postIds: number[], db: Db): Map<number, WantingPartner[]> {
  const byPost = new Map<number, WantingPartner[]>();
  if (postIds.length === 0) return byPost;
  const rows = db
    .select({
      postId: partnerResponses.postId,
      slug: partners.slug,
      name: partners.name,
      note: partnerResponses.note,
      recordedAt: partnerResponses.updatedAt,
    })
    .from(partnerResponses)
    .innerJoin(partners, eq(partners.id, partnerResponses.partnerId))
    .where(
      and(
        eq(partnerResponses.kind, "interested"),
        sql`${partnerResponses.postId} in (${sql.join(
          postIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(desc(partnerResponses.updatedAt), partners.name)
    .all();
  for (const { postId, ...partner } of rows) {
    const list = byPost.get(postId) ?? [];
    list.push(partner);
    byPost.set(postId, list);
  }
  return byPost;
}
