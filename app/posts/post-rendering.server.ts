/**
 * A post's Markdown, rendered once when it is saved (decision 022): the
 * sanitised HTML its page shows and the plain text search indexes, for the
 * English fields and any Welsh ones. Field names match the form's, so a text
 * that takes too long to render is reported on its own field.
 */
import { eq, isNull } from "drizzle-orm";
import { posts, type RenderedFields } from "../../db/schema";
import { escapedParagraphs } from "../markdown/render.server";
import { renderedHtml, renderForSave, WELSH_FIELD } from "../markdown/render-for-save.server";
import { type Db, getDb } from "../platform/db.server";
import { ValidationError } from "../platform/errors";

const WELSH = WELSH_FIELD;

export interface PostMarkdown {
  body: string;
  sections: Record<string, string>;
  bodyCy?: string | null;
  sectionsCy?: Record<string, string> | null;
}

export function sectionField(key: string): string {
  return `section.${key}`;
}

function markdownFields(post: PostMarkdown): Record<string, string> {
  const fields: Record<string, string> = { body: post.body };
  for (const [key, markdown] of Object.entries(post.sections)) fields[sectionField(key)] = markdown;
  if (post.bodyCy) fields[`${WELSH}body`] = post.bodyCy;
  for (const [key, markdown] of Object.entries(post.sectionsCy ?? {})) {
    if (markdown) fields[`${WELSH}${sectionField(key)}`] = markdown;
  }
  return fields;
}

/** Renders the post's Markdown; a field too complex to render in time is a ValidationError on it. */
export function renderPostMarkdown(post: PostMarkdown): RenderedFields {
  return renderForSave(markdownFields(post));
}

export { renderedHtml };

/**
 * Renders the posts saved before rendering was kept (run at start-up, before
 * search starts). A post too complex to render in time gets its text as
 * escaped paragraphs, so its page still works.
 */
export function renderPostsSavedBefore(db: Db = getDb()): number {
  const pending = db
    .select({
      id: posts.id,
      body: posts.body,
      sections: posts.sections,
      bodyCy: posts.bodyCy,
      sectionsCy: posts.sectionsCy,
    })
    .from(posts)
    .where(isNull(posts.rendered))
    .all();
  for (const post of pending) {
    let rendered: RenderedFields;
    try {
      rendered = renderPostMarkdown(post);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      rendered = { html: {}, text: {} };
      for (const [field, markdown] of Object.entries(markdownFields(post))) {
        const fallback = escapedParagraphs(markdown);
        rendered.html[field] = fallback.html;
        rendered.text[field] = fallback.text;
      }
    }
    db.update(posts).set({ rendered }).where(eq(posts.id, post.id)).run();
  }
  return pending.length;
}
