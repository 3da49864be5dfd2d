/** The success messages after a roadmap item changes, once search has it (or not yet: decision 041). */
import type { Notice } from "../platform/notice.server";
import { waitUntilSearchable } from "../search/search-freshness.server";
import type { SavedRoadmapItem } from "./create-roadmap-item.server";

export type RoadmapNoticeKey =
  | "notices.roadmap.itemCreated"
  | "notices.roadmap.itemSaved"
  | "notices.roadmap.itemReviewed"
  | "notices.roadmap.progressPosted";

export async function noticeAfterRoadmapSave(saved: SavedRoadmapItem, key: RoadmapNoticeKey): Promise<Notice> {
  const searchable = await waitUntilSearchable({
    eventId: saved.eventId,
    recordType: "roadmap_item",
    recordId: saved.id,
  });
  return { key, searchPending: !searchable };
}
