/**
 * The commands that change a roadmap item: an edit of its fields (the owner,
 * coordinators and administrators; choosing another owner is for
 * coordinators and administrators), and "mark as reviewed".
 */
import type { SessionUser } from "../auth/principals";
import { lastEventId } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ValidationError } from "../platform/errors";
import { rememberOldAddress } from "../platform/record-redirects.server";
import { dayToTime, timeToDay } from "../posts/post-dates";
import type { SavedRoadmapItem } from "./create-roadmap-item.server";
import {
  RoadmapChangeNoteSchema,
  type RoadmapItemFields,
  RoadmapItemInputSchema,
  validated,
} from "./roadmap-item-schemas";
import { getRoadmapItemFor, type StoredRoadmapItem } from "./roadmap-items.server";
import { authorizeRoadmapItem } from "./roadmap-policy.server";
import { resolveRoadmapReferences } from "./roadmap-references.server";
import { roadmapSlugFor } from "./roadmap-slugs.server";
import { type RoadmapItemWrite, renderRoadmapItemMarkdown, writeRoadmapItemChange } from "./roadmap-writes.server";

/** The item's fields as stored, for a write that changes only some of them. */
function storedFields(item: StoredRoadmapItem): RoadmapItemWrite {
  return {
    slug: item.slug,
    title: item.title,
    titleCy: item.titleCy,
    summary: item.summary,
    summaryCy: item.summaryCy,
    description: item.description,
    descriptionCy: item.descriptionCy,
    rendered: item.rendered ?? undefined,
    themeId: item.themeId,
    status: item.status,
    startQuarter: item.startQuarter,
    targetQuarter: item.targetQuarter,
    partnerIds: item.partnerIds,
    ownerId: item.ownerId,
    reviewedAt: item.reviewedAt,
  };
}

/**
 * The last reviewed date as the form sends it: the day the item holds, sent
 * back unchanged, keeps the time it holds; another day is a review on that
 * day; empty keeps it as it is.
 */
function reviewedAtOf(given: string | null, held: Date): Date {
  if (!given || given === timeToDay(held)) return held;
  return dayToTime(given);
}

/**
 * Saves an edit of the item at `slug`. Throws NotFoundError, ForbiddenError
 * (may not edit it, or may not choose another owner: nothing is written) or
 * ValidationError.
 */
export function updateRoadmapItem({
  actor,
  slug,
  fields,
  changeNote,
  db = getDb(),
}: {
  actor: SessionUser;
  slug: string;
  fields: RoadmapItemFields;
  changeNote?: string | null;
  db?: Db;
}): SavedRoadmapItem {
  // Who may edit is settled first (not found or forbidden before any word on the input).
  const current = getRoadmapItemFor(actor, "edit", slug, db);
  const input = validated(RoadmapItemInputSchema, fields);
  const noteParsed = RoadmapChangeNoteSchema.safeParse(changeNote ?? undefined);
  if (!noteParsed.success) throw new ValidationError({ changeNote: ["roadmap.errors.changeNote.tooLong"] });
  const rendered = renderRoadmapItemMarkdown({ description: input.description, descriptionCy: current.descriptionCy });
  return writeTransaction((tx) => {
    // Read again inside the transaction, so a concurrent save cannot slip in between.
    const existing = getRoadmapItemFor(actor, "edit", slug, tx);
    if (input.owner !== existing.ownerId) authorizeRoadmapItem(actor, "assignOwner", existing);
    const references = resolveRoadmapReferences(tx, input, existing.ownerId);
    const newSlug = roadmapSlugFor(tx, input, existing);
    rememberOldAddress(tx, {
      recordType: "roadmap_item",
      recordId: existing.id,
      fromSlug: existing.slug,
      toSlug: newSlug,
    });
    writeRoadmapItemChange(
      tx,
      existing,
      {
        ...storedFields(existing),
        ...input,
        ...references,
        slug: newSlug,
        rendered: existing.descriptionCy === current.descriptionCy ? rendered : undefined,
        reviewedAt: reviewedAtOf(input.reviewedAt, existing.reviewedAt),
      },
      { actorId: actor.id, source: "web", now: new Date(), changeNote: noteParsed.data },
    );
    return { slug: newSlug, id: existing.id, eventId: lastEventId(tx) };
  }, db);
}

/** "Mark as reviewed": the item is still right as it stands; its last reviewed time becomes now. */
export function markRoadmapItemReviewed({
  actor,
  slug,
  db = getDb(),
}: {
  actor: SessionUser;
  slug: string;
  db?: Db;
}): SavedRoadmapItem {
  return writeTransaction((tx) => {
    const existing = getRoadmapItemFor(actor, "edit", slug, tx);
    const now = new Date();
    writeRoadmapItemChange(
      tx,
      existing,
      { ...storedFields(existing), reviewedAt: now },
      {
        actorId: actor.id,
        source: "web",
        now,
        changeNote: null,
      },
    );
    return { slug: existing.slug, id: existing.id, eventId: lastEventId(tx) };
  }, db);
}
