/** Decides what of a post leaves the server, in the reader's language, with its Markdown already made safe. */
import type { SessionUser } from "../auth/principals";
import { inLocale } from "../i18n/bilingual";
import type { Locale } from "../i18n/translate";
import { renderMarkdown } from "../markdown/render.server";
import { sectionsOf } from "./post-kinds";
import { canOnPost } from "./post-policy.server";
import type { PostRecord, PostSummary } from "./posts.server";

/**
 * The date a post was published, only while it is published: a post taken
 * back to draft or archived is not "published" any more, whatever it once was.
 */
function publishedDate(post: { status: string; publishedAt: Date | null }): Date | null {
  return post.status === "published" ? post.publishedAt : null;
}

export function presentPost(post: PostRecord, user: SessionUser, locale: Locale) {
  const sectionsCy = post.sectionsCy ?? {};
  return {
    slug: post.slug,
    kind: post.kind,
    status: post.status,
    title: inLocale(post.title, post.titleCy, locale).text,
    summary: inLocale(post.summary, post.summaryCy, locale).text,
    partner: post.partner,
    tags: post.tags,
    authorName: post.authorName,
    publishedAt: publishedDate(post),
    updatedAt: post.updatedAt,
    bodyHtml: renderMarkdown(inLocale(post.body, post.bodyCy, locale).text),
    sections: sectionsOf(post.kind).map((key) => {
      const markdown = inLocale(post.sections[key] ?? "", sectionsCy[key], locale).text;
      return { key, html: markdown ? renderMarkdown(markdown) : null };
    }),
    canEdit: canOnPost(user, "edit", post),
  };
}

/** A post in a list. */
export function presentPostSummary(post: PostSummary, locale: Locale) {
  return {
    slug: post.slug,
    kind: post.kind,
    status: post.status,
    title: inLocale(post.title, post.titleCy, locale).text,
    summary: inLocale(post.summary, post.summaryCy, locale).text,
    partner: post.partner,
    tags: post.tags,
    publishedAt: publishedDate(post),
    updatedAt: post.updatedAt,
  };
}

/** The post's editable fields, as the edit form wants them (the English text, until the form offers Welsh). */
export function presentPostForEditing(post: PostRecord) {
  return {
    slug: post.slug,
    kind: post.kind,
    status: post.status,
    title: post.title,
    summary: post.summary,
    body: post.body,
    partner: post.partner.slug,
    tags: post.tags.join(", "),
    sections: post.sections,
  };
}
