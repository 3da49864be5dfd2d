/** The success messages after a post is saved or deleted, once search has it (or not yet). */
import type { Notice } from "../platform/notice.server";
import { waitUntilSearchable } from "../search/search-freshness.server";
import type { SavedPost } from "./save-post.server";

/** "Lesson learned published", "Draft saved"…: waits (briefly) for search to hold the change first. */
export async function noticeAfterSave(saved: SavedPost, { created }: { created: boolean }): Promise<Notice> {
  const searchable = await waitUntilSearchable({ eventId: saved.eventId, recordType: "post", recordId: saved.id });
  const key =
    saved.status === "published"
      ? `notices.post.published.${saved.kind}`
      : saved.status === "archived"
        ? "notices.post.archived"
        : created
          ? "notices.post.draftCreated"
          : "notices.post.draftSaved";
  return { key, searchPending: !searchable };
}

/** "Post deleted": waits (briefly) until search no longer returns it. */
export async function noticeAfterDelete(deleted: { id: number; eventId: number; title: string }): Promise<Notice> {
  const searchable = await waitUntilSearchable({ eventId: deleted.eventId, recordType: "post", recordId: deleted.id });
  return { key: "notices.post.deleted", params: { title: deleted.title }, searchPending: !searchable };
}
