import { type DateParts, datePartsOf } from "./post-dates";
import type { PostStatus } from "./post-kinds";
import type { PostFields } from "./post-schemas";

export interface PostFormValues {
  title?: string;
  slug?: string;
  summary?: string;
  body?: string;
  partner?: string;
  tags?: string;
  status?: string;
  sections?: Record<string, string>;
  changeNote?: string;
  eventDate?: DateParts;
  targetDate?: DateParts;
  reviewBy?: DateParts;
  contact?: string;
}

/** What the user typed, sent back to refill the form after a rejected save (or to carry it through the preview). */
export function echoFormValues(fields: PostFields, changeNote?: string): PostFormValues {
  return {
    title: fields.title,
    slug: fields.slug,
    summary: fields.summary,
    body: fields.body,
    partner: fields.partner,
    tags: Array.isArray(fields.tags) ? fields.tags.join(", ") : fields.tags,
    status: fields.status,
    sections: fields.sections ?? {},
    changeNote,
    eventDate: datePartsOf(fields.eventDate),
    targetDate: datePartsOf(fields.targetDate),
    reviewBy: datePartsOf(fields.reviewBy),
    contact: fields.contact,
  };
}

/** The buttons that send the post form, each a different intent. */
export const POST_INTENTS = ["preview", "change", "draft", "publish", "save", "archive"] as const;
export type PostIntent = (typeof POST_INTENTS)[number];

export function isPostIntent(value: unknown): value is PostIntent {
  return (POST_INTENTS as readonly unknown[]).includes(value);
}

/**
 * The status a button asks for: "Save as draft", "Publish" (and its preview),
 * "Archive this post", or "Save changes", which keeps the post's status.
 * Whether the change is allowed (archiving only what was published) is the
 * command's to say.
 */
export function statusForIntent(intent: PostIntent, current: PostStatus | null): PostStatus {
  if (intent === "draft") return "draft";
  if (intent === "archive") return "archived";
  if (intent === "save" || intent === "change") return current ?? "draft";
  return "published";
}

/** Which buttons the form offers: a post never published is drafted or published; a published one saved or archived. */
export function formStage(post: { status: PostStatus } | null): "new" | "draft" | "published" | "archived" {
  if (!post) return "new";
  return post.status;
}
