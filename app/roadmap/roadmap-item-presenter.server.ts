/** What of a roadmap item leaves the server for its pages, in the reader's language. */
import type { RagRating, RoadmapStatus } from "../../db/enums";
import type { SessionUser } from "../auth/principals";
import { inLocale } from "../i18n/bilingual";
import type { Locale } from "../i18n/translate";
import { renderedHtml } from "../markdown/render-for-save.server";
import { isStale } from "./review-staleness";
import type { RoadmapItemForReading, RoadmapUpdateView, StoredRoadmapItem } from "./roadmap-items.server";
import { canOnRoadmapItem } from "./roadmap-policy.server";

export interface PresentedUpdate {
  id: number;
  rating: RagRating;
  updateDate: string;
  noteHtml: string;
  authorName: string | null;
}

export function presentUpdate(update: RoadmapUpdateView, locale: Locale): PresentedUpdate {
  return {
    id: update.id,
    rating: update.rating,
    updateDate: update.updateDate,
    noteHtml: update.rendered ? renderedHtml(update.rendered, "note", locale) : "",
    authorName: update.authorName,
  };
}

/** The item for its page: text in the reader's language, whether it is stale, and what the reader may do. */
export function presentRoadmapItem(item: RoadmapItemForReading, user: SessionUser, locale: Locale, now = new Date()) {
  return {
    id: item.id,
    slug: item.slug,
    title: inLocale(item.title, item.titleCy, locale).text,
    summary: inLocale(item.summary, item.summaryCy, locale).text,
    descriptionHtml: item.rendered ? renderedHtml(item.rendered, "description", locale) : "",
    status: item.status as RoadmapStatus,
    theme: { slug: item.theme.slug, name: inLocale(item.theme.name, item.theme.nameCy, locale).text },
    startQuarter: item.startQuarter,
    targetQuarter: item.targetQuarter,
    partners: item.partners.map((partner) => ({
      slug: partner.slug,
      name: inLocale(partner.name, partner.nameCy, locale).text,
    })),
    owner: item.owner ? { name: item.owner.name, jobTitle: item.owner.jobTitle } : null,
    reviewedAt: item.reviewedAt,
    stale: isStale(item.reviewedAt, now),
    latestUpdate: item.latestUpdate ? presentUpdate(item.latestUpdate, locale) : null,
    may: {
      edit: canOnRoadmapItem(user, "edit", item),
      postUpdate: canOnRoadmapItem(user, "postUpdate", item),
    },
  };
}

/** The item's fields as its edit form shows them. */
export function presentRoadmapItemForEditing(item: StoredRoadmapItem, lookups: { theme: string; partners: string[] }) {
  return {
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    description: item.description,
    theme: lookups.theme,
    status: item.status,
    startQuarter: item.startQuarter,
    targetQuarter: item.targetQuarter,
    partners: lookups.partners,
    owner: item.ownerId ?? "",
    reviewedAt: item.reviewedAt.toISOString().slice(0, 10),
    changeNote: "",
  };
}
