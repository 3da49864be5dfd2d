/**
 * Imports the roadmap's items from `content/roadmap/<slug>.md` through the
 * same writes the web forms use (the item, its progress updates, its typed
 * links), matching items by slug and deciding "changed" by a hash of the
 * file's input, as for posts. Dates that must stay current are days before
 * the import (decision 046): the hash covers the days, so an unchanged file
 * imported on a later day changes nothing.
 *
 * A new item gets its updates and links; a changed file updates the item's
 * fields and adds links it does not have yet (updates are history: they are
 * not rewritten). An owner whose account does not exist yet (the demo
 * accounts are made after the first import) leaves the item without one;
 * the hash records that, so the next import assigns them.
 */
import { and, eq } from "drizzle-orm";
import { recordLinks, roadmapItemPartners, roadmapItems } from "../../db/schema";
import { getUserByEmail } from "../auth/users.server";
import { writeLink } from "../links/write-link.server";
import type { Db } from "../platform/db.server";
import { ValidationError } from "../platform/errors";
import { findPostBySlug } from "../posts/posts.server";
import { ProgressUpdateInputSchema, RoadmapItemInputSchema } from "../roadmap/roadmap-item-schemas";
import { resolveRoadmapReferences } from "../roadmap/roadmap-references.server";
import {
  type RoadmapItemWrite,
  writeNewRoadmapItem,
  writeProgressUpdate,
  writeRoadmapItemChange,
} from "../roadmap/roadmap-writes.server";
import type { RoadmapFile } from "./content-files.server";
import { inputHash, storedHash, storeHash } from "./imported-content.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RoadmapImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Progress updates and links written by this import. */
  updates: number;
  links: number;
}

type RoadmapSource = RoadmapFile & { file: string };

/** `days` before `now`. */
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** A field error of the item's schema or of a shared write, named for the file (the import is all or nothing). */
function fileError(file: string, error: unknown): Error {
  if (error instanceof Error && error.message.startsWith(file)) return error;
  if (error instanceof ValidationError) return new Error(`${file}: ${JSON.stringify(error.fieldErrors)}`);
  return error instanceof Error ? new Error(`${file}: ${error.message}`) : new Error(`${file}: ${String(error)}`);
}

/** The item's fields, checked by the forms' schema and resolved to ids. */
function itemWrite(tx: Db, source: RoadmapSource, ownerId: string | null, now: Date): RoadmapItemWrite {
  const parsed = RoadmapItemInputSchema.safeParse({
    title: source.title,
    slug: source.slug,
    summary: source.summary,
    description: source.description,
    theme: source.theme,
    status: source.status,
    startQuarter: source.start,
    targetQuarter: source.target,
    partners: source.partners,
    // The schema asks for an owner; one not in the Hub yet is resolved to none below.
    owner: ownerId ?? "unassigned",
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`${source.file}: ${problems}`);
  }
  const item = parsed.data;
  const references = resolveRoadmapReferences(
    tx,
    { theme: item.theme, partners: item.partners, owner: ownerId ?? "" },
    // An owner who is not there is not checked: the item has none until they are.
    ownerId ? undefined : "",
  );
  const lastUpdate = Math.min(...source.updates.map((update) => update.daysAgo));
  const reviewedDaysAgo = source.reviewedDaysAgo ?? (Number.isFinite(lastUpdate) ? lastUpdate : 0);
  return {
    slug: source.slug,
    title: item.title,
    summary: item.summary,
    description: item.description,
    themeId: references.themeId,
    status: item.status,
    startQuarter: item.startQuarter,
    targetQuarter: item.targetQuarter,
    partnerIds: references.partnerIds,
    ownerId,
    reviewedAt: daysBefore(now, reviewedDaysAgo),
  };
}

/** Writes the file's links the item does not have yet; returns how many. */
function importLinks(tx: Db, source: RoadmapSource, itemId: number, now: Date): number {
  let written = 0;
  for (const link of source.links) {
    const post = findPostBySlug(link.post, tx);
    if (!post) throw new Error(`${source.file}: no post "${link.post}" to link`);
    const existing = tx
      .select({ id: recordLinks.id })
      .from(recordLinks)
      .where(
        and(
          eq(recordLinks.subjectType, "roadmap_item"),
          eq(recordLinks.subjectId, String(itemId)),
          eq(recordLinks.relation, link.relation),
          eq(recordLinks.objectType, "post"),
          eq(recordLinks.objectId, String(post.id)),
        ),
      )
      .get();
    if (existing) continue;
    writeLink(
      tx,
      {
        subject: { type: "roadmap_item", id: itemId },
        relation: link.relation,
        object: { type: "post", id: post.id },
        note: link.note ?? "",
      },
      { actorId: null, source: "import", now },
    );
    written++;
  }
  return written;
}

/** A new item, then its updates oldest first (each dated days before the import), then its links. */
function createItem(tx: Db, source: RoadmapSource, fields: RoadmapItemWrite, now: Date, counts: RoadmapImportCounts) {
  const updates = [...source.updates].sort((a, b) => b.daysAgo - a.daysAgo);
  // The item existed before its first update and its last review: its history reads in order.
  const createdDaysAgo = Math.max(0, ...updates.map((update) => update.daysAgo), source.reviewedDaysAgo ?? 0);
  const itemId = writeNewRoadmapItem(tx, fields, {
    actorId: null,
    source: "import",
    now: daysBefore(now, createdDaysAgo),
  });
  for (const update of updates) {
    const at = daysBefore(now, update.daysAgo);
    const parsed = ProgressUpdateInputSchema.safeParse({
      updateDate: at.toISOString().slice(0, 10),
      rating: update.rating,
      note: update.note,
    });
    if (!parsed.success) throw new Error(`${source.file}: update ${update.daysAgo} days ago: ${parsed.error.message}`);
    writeProgressUpdate(
      tx,
      itemId,
      { ...parsed.data, updateDate: parsed.data.updateDate ?? at.toISOString().slice(0, 10) },
      { actorId: null, source: "import", now: at },
    );
    counts.updates++;
  }
  // An update marks the item reviewed on its day; a later review than the last update is the file's to say.
  const reviewed = tx
    .select({ at: roadmapItems.reviewedAt })
    .from(roadmapItems)
    .where(eq(roadmapItems.id, itemId))
    .get();
  if (reviewed && reviewed.at.getTime() < fields.reviewedAt.getTime()) {
    tx.update(roadmapItems).set({ reviewedAt: fields.reviewedAt }).where(eq(roadmapItems.id, itemId)).run();
  }
  counts.links += importLinks(tx, source, itemId, now);
  return itemId;
}

/** Imports every roadmap file inside the caller's transaction. */
export function importRoadmap(tx: Db, sources: RoadmapSource[], now: Date): RoadmapImportCounts {
  const counts: RoadmapImportCounts = { created: 0, updated: 0, unchanged: 0, updates: 0, links: 0 };
  for (const source of sources) {
    try {
      const ownerId = source.owner ? (getUserByEmail(source.owner, tx)?.id ?? null) : null;
      const { file: _file, ...input } = source;
      const hash = inputHash({ ...input, ownerFound: ownerId !== null });
      const existing = tx.select().from(roadmapItems).where(eq(roadmapItems.slug, source.slug)).get();
      if (existing && storedHash(tx, "roadmap_item", existing.id) === hash) {
        counts.unchanged++;
        continue;
      }
      const fields = itemWrite(tx, source, ownerId, now);
      if (!existing) {
        const itemId = createItem(tx, source, fields, now, counts);
        storeHash(tx, "roadmap_item", itemId, hash, now);
        counts.created++;
        continue;
      }
      const partnerIds = tx
        .select({ id: roadmapItemPartners.partnerId })
        .from(roadmapItemPartners)
        .where(eq(roadmapItemPartners.itemId, existing.id))
        .all()
        .map((row) => row.id);
      writeRoadmapItemChange(
        tx,
        { ...existing, partnerIds },
        // An item's owner in the Hub stays when the file names nobody the Hub knows.
        { ...fields, ownerId: ownerId ?? existing.ownerId, reviewedAt: existing.reviewedAt },
        { actorId: null, source: "import", now },
      );
      counts.links += importLinks(tx, source, existing.id, now);
      storeHash(tx, "roadmap_item", existing.id, hash, now);
      counts.updated++;
    } catch (error) {
      throw fileError(source.file, error);
    }
  }
  return counts;
}
