/** The command that adds an item to the roadmap: coordinators and administrators, who choose its first owner. */
import type { SessionUser } from "../auth/principals";
import { lastEventId } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ForbiddenError } from "../platform/errors";
import { dayToTime } from "../posts/post-dates";
import { type RoadmapItemFields, RoadmapItemInputSchema, validated } from "./roadmap-item-schemas";
import { canCreateRoadmapItems } from "./roadmap-policy.server";
import { resolveRoadmapReferences } from "./roadmap-references.server";
import { roadmapSlugFor } from "./roadmap-slugs.server";
import { renderRoadmapItemMarkdown, writeNewRoadmapItem } from "./roadmap-writes.server";

/** What a save leaves: the item's address, its id and its last event (to wait for search to hold it). */
export interface SavedRoadmapItem {
  slug: string;
  id: number;
  eventId: number;
}

/**
 * Creates a roadmap item. Throws ForbiddenError (not a coordinator or
 * administrator: checked before any word on the input) or ValidationError.
 */
export function createRoadmapItem({
  actor,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  fields: RoadmapItemFields;
  db?: Db;
}): SavedRoadmapItem {
  if (!canCreateRoadmapItems(actor)) throw new ForbiddenError("You may not add items to the roadmap");
  const input = validated(RoadmapItemInputSchema, fields);
  // Before the transaction: rendering may take up to its budget, and must not hold the write lock meanwhile.
  const rendered = renderRoadmapItemMarkdown(input);
  return writeTransaction((tx) => {
    const references = resolveRoadmapReferences(tx, input);
    const slug = roadmapSlugFor(tx, input);
    const now = new Date();
    const id = writeNewRoadmapItem(
      tx,
      {
        ...input,
        ...references,
        slug,
        rendered,
        reviewedAt: input.reviewedAt ? dayToTime(input.reviewedAt) : now,
      },
      { actorId: actor.id, source: "web", now },
    );
    return { slug, id, eventId: lastEventId(tx) };
  }, db);
}
