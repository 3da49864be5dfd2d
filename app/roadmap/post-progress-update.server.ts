/** The command that posts a progress update on a roadmap item: its owner, coordinators and administrators. */
import type { SessionUser } from "../auth/principals";
import { lastEventId } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import type { SavedRoadmapItem } from "./create-roadmap-item.server";
import { type ProgressUpdateFields, ProgressUpdateInputSchema, validated } from "./roadmap-item-schemas";
import { getRoadmapItemFor } from "./roadmap-items.server";
import { renderProgressNote, writeProgressUpdate } from "./roadmap-writes.server";

/**
 * Posts a dated update with its RAG rating and note; the item counts as
 * reviewed now. Throws NotFoundError, ForbiddenError (before any word on the
 * input) or ValidationError (a date in the future, say).
 */
export function postProgressUpdate({
  actor,
  slug,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  slug: string;
  fields: ProgressUpdateFields;
  db?: Db;
}): SavedRoadmapItem & { updateId: number } {
  getRoadmapItemFor(actor, "postUpdate", slug, db);
  const input = validated(ProgressUpdateInputSchema, fields);
  const rendered = renderProgressNote(input);
  return writeTransaction((tx) => {
    const item = getRoadmapItemFor(actor, "postUpdate", slug, tx);
    const updateId = writeProgressUpdate(
      tx,
      item.id,
      { rating: input.rating, updateDate: input.updateDate ?? "", note: input.note, rendered },
      { actorId: actor.id, source: "web", now: new Date() },
    );
    return { slug: item.slug, id: item.id, updateId, eventId: lastEventId(tx) };
  }, db);
}
