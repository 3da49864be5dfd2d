/**
 * The editors' workspace: one partner's posts by tab (drafts, published, due
 * for review), with a count for each tab. An editor's workspace is their own
 * partner's; an administrator chooses the partner (their own by default).
 * Every query also applies the post policy's SQL condition, so a workspace
 * can never list a post its reader may not see.
 */
import { and, asc, count, desc, eq, isNotNull, lte, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { partners, posts, users } from "../../db/schema";
import { ADMIN, holdsAny, type SessionUser } from "../auth/principals";
import type { Partner } from "../partners/partners.server";
import { getPartnerBySlug } from "../partners/partners.server";
import { type Db, getDb } from "../platform/db.server";
import { ForbiddenError, NotFoundError } from "../platform/errors";
import type { PostKind, PostStatus } from "./post-kinds";
import { postContactId } from "./post-people.server";
import { canWriteForPartner, canWritePosts, postsVisibleTo } from "./post-policy.server";
import { dueForReviewCutoff } from "./review-dates";
import { WORKSPACE_TABS, type WorkspaceTab } from "./workspace-tabs";

export const WORKSPACE_PAGE_SIZE = 20;

/** Editors and administrators have a workspace; readers write nothing, so have none. */
export function hasWorkspace(user: SessionUser): boolean {
  return canWritePosts(user);
}

/**
 * The partner whose workspace this is: an editor's own partner, or for an
 * administrator the one asked for (their own when none is). Throws
 * ForbiddenError for readers and for an editor asking for another partner,
 * NotFoundError for a partner that does not exist.
 */
export function workspacePartner(user: SessionUser, requestedSlug: string | null, db: Db = getDb()): Partner {
  if (!hasWorkspace(user)) throw new ForbiddenError("The workspace is for editors");
  const isAdmin = holdsAny(user, [ADMIN]);
  const partner = requestedSlug
    ? getPartnerBySlug(requestedSlug, db)
    : (db.select().from(partners).where(eq(partners.id, user.partnerId)).get() ?? null);
  if (!partner) throw new NotFoundError("No such partner");
  if (!isAdmin && !canWriteForPartner(user, partner.id)) {
    throw new ForbiddenError("An editor's workspace is their own partner's");
  }
  return partner;
}

/** What each tab holds, among the posts of one partner. */
function tabCondition(tab: WorkspaceTab, now: Date): SQL {
  if (tab === "drafts") return eq(posts.status, "draft");
  if (tab === "published") return eq(posts.status, "published");
  return and(
    eq(posts.status, "published"),
    isNotNull(posts.reviewBy),
    lte(posts.reviewBy, dueForReviewCutoff(now)),
  ) as SQL;
}

/** The partner's posts this person may see (the policy's condition, and the partner's). */
function partnerPosts(user: SessionUser, partnerId: number): SQL | undefined {
  return and(eq(posts.partnerId, partnerId), postsVisibleTo(user));
}

/** How many posts each tab holds, for the tab labels. */
export function workspaceCounts(
  user: SessionUser,
  partner: Pick<Partner, "id">,
  now: Date = new Date(),
  db: Db = getDb(),
): Record<WorkspaceTab, number> {
  const counts = Object.fromEntries(
    WORKSPACE_TABS.map((tab) => [
      tab,
      db
        .select({ n: count() })
        .from(posts)
        .where(and(partnerPosts(user, partner.id), tabCondition(tab, now)))
        .get()?.n ?? 0,
    ]),
  );
  return counts as Record<WorkspaceTab, number>;
}

export interface WorkspacePost {
  slug: string;
  kind: PostKind;
  status: PostStatus;
  title: string;
  updatedAt: Date;
  publishedAt: Date | null;
  reviewBy: Date | null;
  reviewedAt: Date | null;
  /** The person to ask about it: its contact, else its author, else its partner's digital lead (as its page says). */
  contactName: string | null;
}

/**
 * Drafts by their last edit and published posts by publication, newest first;
 * posts due for review by their review-by date, the longest overdue first.
 */
function tabOrder(tab: WorkspaceTab) {
  if (tab === "drafts") return [desc(posts.updatedAt), desc(posts.id)];
  if (tab === "published") return [desc(sql`coalesce(${posts.publishedAt}, ${posts.updatedAt})`), desc(posts.id)];
  return [asc(posts.reviewBy), desc(posts.id)];
}

/** One page of a tab's posts. */
export function listWorkspacePosts(
  user: SessionUser,
  partner: Pick<Partner, "id">,
  tab: WorkspaceTab,
  { page = 1, now = new Date(), pageSize = WORKSPACE_PAGE_SIZE }: { page?: number; now?: Date; pageSize?: number } = {},
  db: Db = getDb(),
): { posts: WorkspacePost[]; total: number; page: number; pageCount: number } {
  const where = and(partnerPosts(user, partner.id), tabCondition(tab, now));
  const total = db.select({ n: count() }).from(posts).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(Math.trunc(page) || 1, 1), pageCount);
  const contact = alias(users, "contact");
  const rows = db
    .select({
      slug: posts.slug,
      kind: posts.kind,
      status: posts.status,
      title: posts.title,
      updatedAt: posts.updatedAt,
      publishedAt: posts.publishedAt,
      reviewBy: posts.reviewBy,
      reviewedAt: posts.reviewedAt,
      contactName: contact.name,
    })
    .from(posts)
    .innerJoin(partners, eq(posts.partnerId, partners.id))
    .leftJoin(contact, eq(contact.id, postContactId))
    .where(where)
    .orderBy(...tabOrder(tab))
    .limit(pageSize)
    .offset((current - 1) * pageSize)
    .all();
  return { posts: rows, total, page: current, pageCount };
}
