/**
 * What a post revision keeps, by version. Version 1 (before Welsh fields)
 * is read as version 2 with the Welsh fields empty; a new field means a new
 * version and one more step in `readPostSnapshot`, never a rewrite of old rows.
 */
import type { PostKind, PostStatus } from "./post-kinds";

export const POST_SNAPSHOT_VERSION = 2;

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
}

type PostSnapshotV1 = Omit<PostSnapshot, "titleCy" | "summaryCy" | "bodyCy" | "sectionsCy">;

/** A stored snapshot of any version, as the current version. */
export function readPostSnapshot(version: number, raw: Record<string, unknown>): PostSnapshot {
  if (version === 1) {
    const v1 = raw as unknown as PostSnapshotV1;
    return { ...v1, titleCy: null, summaryCy: null, bodyCy: null, sectionsCy: null };
  }
  if (version === 2) return raw as unknown as PostSnapshot;
  throw new Error(`Unknown post snapshot version ${version}`);
}
