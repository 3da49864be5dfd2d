/**
 * What a roadmap item's revision keeps: every field as saved, Welsh twins
 * included, with its theme and partners by slug (readable without the rows
 * they name). Version 1; a later shape adds an upgrade here, as posts do.
 */
import type { RoadmapStatus } from "../../db/enums";

export const ROADMAP_ITEM_SNAPSHOT_VERSION = 1;

export interface RoadmapItemSnapshot {
  slug: string;
  title: string;
  titleCy: string | null;
  summary: string;
  summaryCy: string | null;
  description: string;
  descriptionCy: string | null;
  theme: string;
  status: RoadmapStatus;
  startQuarter: string;
  targetQuarter: string;
  partners: string[];
  ownerId: string | null;
  /** ISO time. */
  reviewedAt: string;
}

/** A stored snapshot read back; the history page needs only these few fields. */
export function readRoadmapItemSnapshot(
  snapshot: Record<string, unknown>,
): Pick<RoadmapItemSnapshot, "title" | "status"> {
  return { title: String(snapshot.title ?? ""), status: snapshot.status as RoadmapStatus };
}
