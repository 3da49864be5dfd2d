/**
 * What a post revision keeps, by version. Version 1 (before Welsh fields)
 * is read as version 2 with the Welsh fields empty, and version 2 (before
 * dates) as version 3 with no dates; a new field means a new
 * version and one more step in `readPostSnapshot`, never a rewrite of old rows.
 */
import type { PostKind, PostStatus } from "./post-kinds";

export const POST_SNAPSHOT_VERSION = 3;

export interface PostSnapshot {
  slug: string;
  kind: PostKind;
  partnerSlug: string;
  title: string;
  titleCy: string | null;
  summary: string;
  summaryCy: string | null;
  body: string;
  bodyCy: string | null;
  sections: Record<string, string>;
  sectionsCy: Record<string, string> | null;
  tags: string[];
  status: PostStatus;
  publishedAt: string | null;
  /** A lesson's or case study's event date, `YYYY-MM-DD`. */
  eventDate: string | null;
  /** An aspiration's target date, `YYYY-MM-DD`. */
  targetDate: string | null;
  /** When the post is due to be checked, `YYYY-MM-DD`. */
  reviewBy: string | null;
}

type PostSnapshotV2 = Omit<PostSnapshot, "eventDate" | "targetDate" | "reviewBy">;
type PostSnapshotV1 = Omit<PostSnapshotV2, "titleCy" | "summaryCy" | "bodyCy" | "sectionsCy">;

const NO_DATES = { eventDate: null, targetDate: null, reviewBy: null };

/** A stored snapshot of any version, as the current version. */
export function readPostSnapshot(version: number, raw: Record<string, unknown>): PostSnapshot {
  if (version === 1) {
    const v1 = raw as unknown as PostSnapshotV1;
    return { ...v1, titleCy: null, summaryCy: null, bodyCy: null, sectionsCy: null, ...NO_DATES };
  }
  if (version === 2) return { ...(raw as unknown as PostSnapshotV2), ...NO_DATES };
  if (version === 3) return raw as unknown as PostSnapshot;
  throw new Error(`Unknown post snapshot version ${version}`);
}
