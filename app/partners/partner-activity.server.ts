/**
 * A partner's recent activity, read from the event log: its posts published
 * and updated, and lessons applied (its own, by others, and others' by it).
 * Only what the reader may see: an event shows only when it describes a
 * published state (a draft's creation or edits never show, even once the post
 * is published) and the post is one the reader may see now (an archived
 * post's history stays with its editors). Titles are the post's current ones,
 * never the event's copy.
 */
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { events, partners, posts } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { type Db, getDb } from "../platform/db.server";
import type { PostKind } from "../posts/post-kinds";
import { postsVisibleTo } from "../posts/post-policy.server";

/** How many events the partner page lists. */
export const ACTIVITY_LIMIT = 10;

const SHOWN_TYPES = ["post.created", "post.published", "post.updated", "post.applied"] as const;

export type ActivityVerb = "published" | "updated" | "applied";

export interface ActivityItem {
  id: number;
  verb: ActivityVerb;
  occurredAt: Date;
  /** Set when the content import made the change (its time is the import's, not the source's). */
  imported: boolean;
  post: { slug: string; kind: PostKind; title: string; titleCy: string | null; partnerName: string };
  /** For "applied": the partner that applied it. */
  appliedBy: string | null;
}

const appliers = alias(partners, "appliers");

/** The last events concerning the partner that this reader may see, newest first. */
export function recentActivity(user: SessionUser, partnerId: number, db: Db = getDb()): ActivityItem[] {
  const rows = db
    .select({
      id: events.id,
      type: events.type,
      occurredAt: events.occurredAt,
      source: events.source,
      slug: posts.slug,
      kind: posts.kind,
      title: posts.title,
      titleCy: posts.titleCy,
      partnerName: partners.name,
      appliedBy: appliers.name,
    })
    .from(events)
    .innerJoin(posts, and(eq(events.recordType, "post"), eq(posts.id, sql`cast(${events.recordId} as integer)`)))
    .innerJoin(partners, eq(partners.id, posts.partnerId))
    .leftJoin(appliers, eq(appliers.id, sql`json_extract(${events.data}, '$.appliedBy')`))
    .where(
      and(
        sql`exists (select 1 from json_each(${events.partnerIds}) where value = ${partnerId})`,
        inArray(events.type, [...SHOWN_TYPES]),
        or(eq(events.type, "post.applied"), sql`json_extract(${events.data}, '$.status') = 'published'`),
        postsVisibleTo(user),
      ),
    )
    .orderBy(desc(events.id))
    .limit(ACTIVITY_LIMIT)
    .all();
  return rows.map((row) => ({
    id: row.id,
    verb: row.type === "post.applied" ? "applied" : row.type === "post.updated" ? "updated" : "published",
    occurredAt: row.occurredAt,
    imported: row.source === "import",
    post: { slug: row.slug, kind: row.kind, title: row.title, titleCy: row.titleCy, partnerName: row.partnerName },
    appliedBy: row.appliedBy,
  }));
}
