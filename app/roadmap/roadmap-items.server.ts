/**
 * Roadmap item queries: an item for its page (theme, partners, owner, latest
 * update), its progress updates, its timeline from the event log, its
 * revisions. Everyone reads the roadmap; the policy still decides, so a
 * narrower rule later reaches every query through it.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { RagRating, RoadmapStatus } from "../../db/enums";
import {
  events,
  partners,
  type RenderedFields,
  roadmapItemPartners,
  roadmapItems,
  roadmapThemes,
  roadmapUpdates,
  users,
} from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { type Db, getDb } from "../platform/db.server";
import { NotFoundError } from "../platform/errors";
import { listRevisions, type StoredRevision } from "../revisions/revisions.server";
import { authorizeRoadmapItem, type RoadmapItemAction } from "./roadmap-policy.server";

export type RoadmapItemRow = typeof roadmapItems.$inferSelect;

/** The item as the commands need it: the row and the ids of its partners. */
export interface StoredRoadmapItem extends RoadmapItemRow {
  partnerIds: number[];
}

export function findRoadmapItemBySlug(slug: string, db: Db = getDb()): StoredRoadmapItem | null {
  const row = db.select().from(roadmapItems).where(eq(roadmapItems.slug, slug)).get();
  if (!row) return null;
  const partnerIds = db
    .select({ partnerId: roadmapItemPartners.partnerId })
    .from(roadmapItemPartners)
    .where(eq(roadmapItemPartners.itemId, row.id))
    .all()
    .map((link) => link.partnerId);
  return { ...row, partnerIds };
}

/** The item at `slug` if the person may take `action` on it: NotFoundError or ForbiddenError otherwise. */
export function getRoadmapItemFor(
  user: SessionUser,
  action: RoadmapItemAction | "read",
  slug: string,
  db: Db = getDb(),
): StoredRoadmapItem {
  const item = findRoadmapItemBySlug(slug, db);
  if (!item) throw new NotFoundError("No such roadmap item");
  authorizeRoadmapItem(user, action, item);
  return item;
}

export interface RoadmapUpdateView {
  id: number;
  rating: RagRating;
  updateDate: string;
  note: string;
  rendered: RenderedFields | null;
  authorName: string | null;
  createdAt: Date;
}

/** The item's progress updates, newest first (by the date they speak for, then as posted). */
export function listRoadmapUpdates(itemId: number, db: Db = getDb(), limit?: number): RoadmapUpdateView[] {
  const query = db
    .select({
      id: roadmapUpdates.id,
      rating: roadmapUpdates.rating,
      updateDate: roadmapUpdates.updateDate,
      note: roadmapUpdates.note,
      rendered: roadmapUpdates.rendered,
      authorName: users.name,
      createdAt: roadmapUpdates.createdAt,
    })
    .from(roadmapUpdates)
    .leftJoin(users, eq(users.id, roadmapUpdates.authorId))
    .where(eq(roadmapUpdates.itemId, itemId))
    .orderBy(desc(roadmapUpdates.updateDate), desc(roadmapUpdates.id));
  return limit ? query.limit(limit).all() : query.all();
}

export interface RoadmapItemForReading extends StoredRoadmapItem {
  theme: { slug: string; name: string; nameCy: string | null };
  partners: { slug: string; name: string; nameCy: string | null }[];
  owner: { id: string; name: string; jobTitle: string | null } | null;
  latestUpdate: RoadmapUpdateView | null;
}

/** The item at `slug` for its page; NotFoundError when there is none. */
export function getRoadmapItemForReading(user: SessionUser, slug: string, db: Db = getDb()): RoadmapItemForReading {
  const item = getRoadmapItemFor(user, "read", slug, db);
  const theme = db
    .select({ slug: roadmapThemes.slug, name: roadmapThemes.name, nameCy: roadmapThemes.nameCy })
    .from(roadmapThemes)
    .where(eq(roadmapThemes.id, item.themeId))
    .get();
  const taking = item.partnerIds.length
    ? db
        .select({ slug: partners.slug, name: partners.name, nameCy: partners.nameCy })
        .from(partners)
        .where(inArray(partners.id, item.partnerIds))
        .orderBy(asc(partners.name))
        .all()
    : [];
  const owner = item.ownerId
    ? (db
        .select({ id: users.id, name: users.name, jobTitle: users.jobTitle })
        .from(users)
        .where(eq(users.id, item.ownerId))
        .get() ?? null)
    : null;
  return {
    ...item,
    theme: theme ?? { slug: "", name: "", nameCy: null },
    partners: taking,
    owner,
    latestUpdate: listRoadmapUpdates(item.id, db, 1)[0] ?? null,
  };
}

/** One entry of an item's timeline: what happened, who did it, when. */
export type TimelineEntry = { id: number; occurredAt: Date; actorName: string | null } & (
  | { kind: "created"; status: RoadmapStatus }
  | { kind: "status_changed"; from: RoadmapStatus; to: RoadmapStatus }
  | { kind: "owner_assigned"; ownerName: string | null }
  | { kind: "progress_posted"; rating: RagRating; updateDate: string }
);

const TIMELINE_TYPES = [
  "roadmap_item.created",
  "roadmap_item.status_changed",
  "roadmap_item.owner_assigned",
  "roadmap_item.progress_posted",
];

/**
 * The item's timeline from the event log, newest first: its creation, status
 * changes, owner changes and progress updates, each with who and when.
 */
export function roadmapItemTimeline(itemId: number, db: Db = getDb()): TimelineEntry[] {
  const rows = db
    .select({
      id: events.id,
      type: events.type,
      occurredAt: events.occurredAt,
      data: events.data,
      actorName: users.name,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(
      and(
        eq(events.recordType, "roadmap_item"),
        eq(events.recordId, String(itemId)),
        inArray(events.type, TIMELINE_TYPES),
      ),
    )
    .orderBy(desc(events.id))
    .all();
  const ownerIds = rows.flatMap((row) =>
    row.type === "roadmap_item.owner_assigned" && typeof row.data.to === "string" ? [row.data.to] : [],
  );
  const ownerNames = new Map(
    (ownerIds.length
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, [...new Set(ownerIds)]))
          .all()
      : []
    ).map((user) => [user.id, user.name]),
  );
  return rows.map((row): TimelineEntry => {
    const base = { id: row.id, occurredAt: row.occurredAt, actorName: row.actorName };
    const data = row.data;
    switch (row.type) {
      case "roadmap_item.status_changed":
        return { ...base, kind: "status_changed", from: data.from as RoadmapStatus, to: data.to as RoadmapStatus };
      case "roadmap_item.owner_assigned":
        return { ...base, kind: "owner_assigned", ownerName: ownerNames.get(String(data.to)) ?? null };
      case "roadmap_item.progress_posted":
        return {
          ...base,
          kind: "progress_posted",
          rating: data.rating as RagRating,
          updateDate: String(data.updateDate),
        };
      default:
        return { ...base, kind: "created", status: data.status as RoadmapStatus };
    }
  });
}

/** The item's revisions, newest first: everyone who reads the roadmap reads its history. */
export function listRoadmapItemRevisions(itemId: number, db: Db = getDb()): StoredRevision[] {
  return listRevisions("roadmap_item", itemId, { includeRestricted: false }, db);
}

/** The people an item's owner may be chosen from (see roadmap-references.server.ts for the rule). */
export { listRoadmapOwners } from "./roadmap-references.server";
