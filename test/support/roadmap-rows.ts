/**
 * Roadmap items, updates and links written straight to their tables with
 * the events their commands write, for tests of what reads them (the views,
 * the export, search). The commands themselves are tested with their module.
 */
import { eq } from "drizzle-orm";
import { recordEvent } from "~/events/event-log.server";
import { getDb, writeTransaction } from "~/platform/db.server";
import type { LinkRelation, RagRating, RoadmapStatus } from "../../db/enums";
import {
  partners,
  recordLinks,
  roadmapItemPartners,
  roadmapItems,
  roadmapThemes,
  roadmapUpdates,
} from "../../db/schema";
import { unique } from "./factories";

export interface ItemInput {
  title?: string;
  slug?: string;
  theme?: string;
  status?: RoadmapStatus;
  startQuarter?: string;
  targetQuarter?: string;
  partners?: string[];
  ownerId?: string | null;
  reviewedAt?: Date;
  description?: string;
}

/** A roadmap item and its "roadmap_item.created" event. */
export function givenRoadmapItem(input: ItemInput = {}) {
  const db = getDb();
  const theme = db
    .select()
    .from(roadmapThemes)
    .where(eq(roadmapThemes.slug, input.theme ?? "cyber-security"))
    .get();
  if (!theme) throw new Error(`No theme ${input.theme}`);
  const partnerIds = (input.partners ?? []).map((slug) => {
    const row = db.select({ id: partners.id }).from(partners).where(eq(partners.slug, slug)).get();
    if (!row) throw new Error(`No partner ${slug}`);
    return row.id;
  });
  const now = new Date();
  const description = input.description ?? "We move every council's email to one tenancy.";
  return writeTransaction((tx) => {
    const item = tx
      .insert(roadmapItems)
      .values({
        slug: input.slug ?? unique("item"),
        title: input.title ?? "An initiative",
        summary: "What it is for.",
        description,
        rendered: { html: { description: `<p>${description}</p>` }, text: { description } },
        themeId: theme.id,
        status: input.status ?? "planned",
        startQuarter: input.startQuarter ?? "2026-Q1",
        targetQuarter: input.targetQuarter ?? "2026-Q4",
        ownerId: input.ownerId ?? null,
        reviewedAt: input.reviewedAt ?? now,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    for (const partnerId of partnerIds) tx.insert(roadmapItemPartners).values({ itemId: item.id, partnerId }).run();
    recordEvent(tx, {
      type: "roadmap_item.created",
      recordType: "roadmap_item",
      recordId: item.id,
      actorId: null,
      source: "import",
      partnerIds,
      data: { title: item.title },
    });
    return item;
  });
}

/** A progress update and its "roadmap_item.progress_posted" event. */
export function givenRoadmapUpdate(itemId: number, rating: RagRating, updateDate: string, note = "Going well.") {
  return writeTransaction((tx) => {
    const update = tx
      .insert(roadmapUpdates)
      .values({ itemId, rating, updateDate, note, rendered: { html: { note }, text: { note } } })
      .returning()
      .get();
    recordEvent(tx, {
      type: "roadmap_item.progress_posted",
      recordType: "roadmap_item",
      recordId: itemId,
      actorId: null,
      source: "import",
      partnerIds: [],
      data: { rating, updateDate },
    });
    return update;
  });
}

const linkData = (link: typeof recordLinks.$inferSelect) => ({
  subjectType: link.subjectType,
  subjectId: link.subjectId,
  relation: link.relation,
  objectType: link.objectType,
  objectId: link.objectId,
});

/** A link from an item to a post and its "record_link.added" event; returns the link and the event's id. */
export function givenLink(itemId: number, postId: number, relation: LinkRelation) {
  return writeTransaction((tx) => {
    const link = tx
      .insert(recordLinks)
      .values({
        subjectType: "roadmap_item",
        subjectId: String(itemId),
        relation,
        objectType: "post",
        objectId: String(postId),
      })
      .returning()
      .get();
    const eventId = recordEvent(tx, {
      type: "record_link.added",
      recordType: "record_link",
      recordId: link.id,
      actorId: null,
      source: "import",
      partnerIds: [],
      data: linkData(link),
    });
    return { link, eventId };
  });
}

/** Removes a link, with its "record_link.removed" event; returns the event's id. */
export function removeLink(link: typeof recordLinks.$inferSelect): number {
  return writeTransaction((tx) => {
    tx.delete(recordLinks).where(eq(recordLinks.id, link.id)).run();
    return recordEvent(tx, {
      type: "record_link.removed",
      recordType: "record_link",
      recordId: link.id,
      actorId: null,
      source: "import",
      partnerIds: [],
      data: linkData(link),
    });
  });
}
