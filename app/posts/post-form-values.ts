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
}

/** What the user typed, sent back to refill the form after a rejected save. */
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
  };
}
