/**
 * The row-level writes shared by every command that saves a roadmap item
 * (the web forms and the demo import). Each runs inside the caller's
 * transaction and, with the row, writes the item's revision and its events
 * (names agreed for the roadmap: "roadmap_item.created", ".edited",
 * ".status_changed", ".owner_assigned", ".progress_posted").
 */
import { eq, inArray } from "drizzle-orm";
import type { ChangeSource, RagRating, RoadmapStatus } from "../../db/enums";
import {
  partners,
  type RenderedFields,
  roadmapItemPartners,
  roadmapItems,
  roadmapThemes,
  roadmapUpdates,
} from "../../db/schema";
import { recordEvent } from "../events/event-log.server";
import { renderForSave, WELSH_FIELD } from "../markdown/render-for-save.server";
import type { Db } from "../platform/db.server";
import { addRevision } from "../revisions/revisions.server";
import { ROADMAP_ITEM_SNAPSHOT_VERSION, type RoadmapItemSnapshot } from "./roadmap-snapshot";

/** Who is writing, how, and when. */
export interface RoadmapWriteMeta {
  /** The person; null for the import and scripts. */
  actorId: string | null;
  source: ChangeSource;
  now: Date;
  /** Why an edit was made, shown in the history. */
  changeNote?: string | null;
}

/** A roadmap item's fields, checked and resolved to ids. */
export interface RoadmapItemWrite {
  slug: string;
  title: string;
  summary: string;
  /** Markdown. */
  description: string;
  /** The Welsh twins (decision 011); no form writes them yet, so edits keep what is there. */
  titleCy?: string | null;
  summaryCy?: string | null;
  descriptionCy?: string | null;
  /** The description rendered for this save (renderRoadmapItemMarkdown); rendered here when not given. */
  rendered?: RenderedFields;
  themeId: number;
  status: RoadmapStatus;
  startQuarter: string;
  targetQuarter: string;
  partnerIds: number[];
  ownerId: string | null;
  reviewedAt: Date;
}

/** The item as stored before an edit: what its events compare against. */
export interface RoadmapItemBefore {
  id: number;
  slug: string;
  status: RoadmapStatus;
  ownerId: string | null;
  partnerIds: number[];
  createdAt: Date;
}

export interface ProgressUpdateWrite {
  rating: RagRating;
  /** `YYYY-MM-DD`. */
  updateDate: string;
  /** Markdown. */
  note: string;
  noteCy?: string | null;
  rendered?: RenderedFields;
}

/** The item's Markdown, rendered within budget before the transaction (a field too complex is a form error). */
export function renderRoadmapItemMarkdown(item: {
  description: string;
  descriptionCy?: string | null;
}): RenderedFields {
  return renderForSave({
    description: item.description,
    ...(item.descriptionCy ? { [`${WELSH_FIELD}description`]: item.descriptionCy } : {}),
  });
}

export function renderProgressNote(update: { note: string; noteCy?: string | null }): RenderedFields {
  return renderForSave({ note: update.note, ...(update.noteCy ? { [`${WELSH_FIELD}note`]: update.noteCy } : {}) });
}

function snapshotOf(tx: Db, item: RoadmapItemWrite): RoadmapItemSnapshot {
  const theme = tx
    .select({ slug: roadmapThemes.slug })
    .from(roadmapThemes)
    .where(eq(roadmapThemes.id, item.themeId))
    .get();
  const partnerSlugs =
    item.partnerIds.length === 0
      ? []
      : tx
          .select({ slug: partners.slug })
          .from(partners)
          .where(inArray(partners.id, item.partnerIds))
          .all()
          .map((row) => row.slug)
          .sort();
  return {
    slug: item.slug,
    title: item.title,
    titleCy: item.titleCy ?? null,
    summary: item.summary,
    summaryCy: item.summaryCy ?? null,
    description: item.description,
    descriptionCy: item.descriptionCy ?? null,
    theme: theme?.slug ?? "",
    status: item.status,
    startQuarter: item.startQuarter,
    targetQuarter: item.targetQuarter,
    partners: partnerSlugs,
    ownerId: item.ownerId,
    reviewedAt: item.reviewedAt.toISOString(),
  };
}

function keepRevision(
  tx: Db,
  itemId: number,
  item: RoadmapItemWrite,
  rendered: RenderedFields,
  meta: RoadmapWriteMeta,
) {
  addRevision(tx, {
    recordType: "roadmap_item",
    recordId: itemId,
    schemaVersion: ROADMAP_ITEM_SNAPSHOT_VERSION,
    snapshot: snapshotOf(tx, item),
    rendered,
    // Everyone reads the roadmap (roadmapItemPolicy.readers), so every revision is for everyone.
    restricted: false,
    actorId: meta.actorId,
    source: meta.source,
    changeNote: meta.changeNote,
    createdAt: meta.now,
  });
}

function replacePartners(tx: Db, itemId: number, partnerIds: number[]) {
  tx.delete(roadmapItemPartners).where(eq(roadmapItemPartners.itemId, itemId)).run();
  const unique = [...new Set(partnerIds)];
  if (unique.length > 0) {
    tx.insert(roadmapItemPartners)
      .values(unique.map((partnerId) => ({ itemId, partnerId })))
      .run();
  }
}

const titleFact = (title: string) => title.slice(0, 200);

/** The row's columns as a save writes them, new or edited. */
function itemColumns(fields: RoadmapItemWrite, rendered: RenderedFields) {
  return {
    slug: fields.slug,
    title: fields.title,
    titleCy: fields.titleCy ?? null,
    summary: fields.summary,
    summaryCy: fields.summaryCy ?? null,
    description: fields.description,
    descriptionCy: fields.descriptionCy ?? null,
    rendered,
    themeId: fields.themeId,
    status: fields.status,
    startQuarter: fields.startQuarter,
    targetQuarter: fields.targetQuarter,
    ownerId: fields.ownerId,
    reviewedAt: fields.reviewedAt,
  };
}

/** Inserts a new item with its partners, first revision and "roadmap_item.created" event; returns its id. */
export function writeNewRoadmapItem(tx: Db, fields: RoadmapItemWrite, meta: RoadmapWriteMeta): number {
  const rendered = fields.rendered ?? renderRoadmapItemMarkdown(fields);
  const row = tx
    .insert(roadmapItems)
    .values({ ...itemColumns(fields, rendered), createdAt: meta.now, updatedAt: meta.now })
    .returning({ id: roadmapItems.id })
    .get();
  replacePartners(tx, row.id, fields.partnerIds);
  keepRevision(tx, row.id, fields, rendered, meta);
  recordEvent(
    tx,
    {
      type: "roadmap_item.created",
      recordType: "roadmap_item",
      recordId: row.id,
      actorId: meta.actorId,
      source: meta.source,
      partnerIds: fields.partnerIds,
      data: { slug: fields.slug, title: titleFact(fields.title), status: fields.status, ownerId: fields.ownerId },
    },
    meta.now,
  );
  return row.id;
}

/**
 * Saves an edit: the row, its partners, a revision and "roadmap_item.edited";
 * with ".status_changed" (from, to) when the status moved and
 * ".owner_assigned" (from, to) when the owner changed.
 */
export function writeRoadmapItemChange(
  tx: Db,
  before: RoadmapItemBefore,
  fields: RoadmapItemWrite,
  meta: RoadmapWriteMeta,
): void {
  const rendered = fields.rendered ?? renderRoadmapItemMarkdown(fields);
  tx.update(roadmapItems)
    .set({ ...itemColumns(fields, rendered), updatedAt: meta.now })
    .where(eq(roadmapItems.id, before.id))
    .run();
  replacePartners(tx, before.id, fields.partnerIds);
  keepRevision(tx, before.id, fields, rendered, meta);
  // A partner taken off the item hears of the change too.
  const partnerIds = [...new Set([...before.partnerIds, ...fields.partnerIds])];
  const event = (type: `roadmap_item.${string}`, data: Record<string, unknown>) =>
    recordEvent(
      tx,
      {
        type,
        recordType: "roadmap_item",
        recordId: before.id,
        actorId: meta.actorId,
        source: meta.source,
        partnerIds,
        data,
      },
      meta.now,
    );
  event("roadmap_item.edited", {
    slug: fields.slug,
    title: titleFact(fields.title),
    ...(meta.changeNote ? { changeNote: meta.changeNote.slice(0, 300) } : {}),
  });
  if (before.status !== fields.status) {
    event("roadmap_item.status_changed", { from: before.status, to: fields.status, title: titleFact(fields.title) });
  }
  if (before.ownerId !== fields.ownerId) {
    event("roadmap_item.owner_assigned", { from: before.ownerId, to: fields.ownerId, title: titleFact(fields.title) });
  }
}

/**
 * Adds a progress update to the item, marks the item reviewed at `meta.now`
 * (with a revision of the item) and records "roadmap_item.progress_posted".
 * Returns the update's id.
 */
export function writeProgressUpdate(
  tx: Db,
  itemId: number,
  fields: ProgressUpdateWrite,
  meta: RoadmapWriteMeta,
): number {
  const rendered = fields.rendered ?? renderProgressNote(fields);
  const update = tx
    .insert(roadmapUpdates)
    .values({
      itemId,
      rating: fields.rating,
      updateDate: fields.updateDate,
      note: fields.note,
      noteCy: fields.noteCy ?? null,
      rendered,
      authorId: meta.actorId,
      createdAt: meta.now,
    })
    .returning({ id: roadmapUpdates.id })
    .get();
  const item = tx.select().from(roadmapItems).where(eq(roadmapItems.id, itemId)).get();
  if (!item) throw new Error(`No roadmap item ${itemId}`);
  tx.update(roadmapItems).set({ reviewedAt: meta.now, updatedAt: meta.now }).where(eq(roadmapItems.id, itemId)).run();
  const partnerIds = tx
    .select({ partnerId: roadmapItemPartners.partnerId })
    .from(roadmapItemPartners)
    .where(eq(roadmapItemPartners.itemId, itemId))
    .all()
    .map((row) => row.partnerId);
  keepRevision(
    tx,
    itemId,
    { ...item, partnerIds, reviewedAt: meta.now, rendered: item.rendered ?? undefined },
    item.rendered ?? renderRoadmapItemMarkdown(item),
    { ...meta, changeNote: meta.changeNote ?? null },
  );
  recordEvent(
    tx,
    {
      type: "roadmap_item.progress_posted",
      recordType: "roadmap_item",
      recordId: itemId,
      actorId: meta.actorId,
      source: meta.source,
      partnerIds,
      data: { rating: fields.rating, updateDate: fields.updateDate, updateId: update.id, title: titleFact(item.title) },
    },
    meta.now,
  );
  return update.id;
}
