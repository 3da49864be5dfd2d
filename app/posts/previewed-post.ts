import type { PostKind, SectionKey } from "./post-kinds";

/** The post as the check page shows it: rendered and sanitised on the server, as a save would store it. Client-safe. */
export interface PreviewedPost {
  kind: PostKind;
  title: string;
  summary: string;
  partnerName: string;
  sections: { key: SectionKey; html: string | null }[];
  bodyHtml: string;
  tags: { tag: string; name: string }[];
  eventDate: string | null;
  targetDate: string | null;
}
