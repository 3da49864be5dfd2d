/** Decides what of a post leaves the server, with its Markdown already made safe. */
import { canEditPost, type SessionUser } from "../auth/permissions";
import { renderMarkdown } from "../markdown/render.server";
import { sectionsOf } from "./post-kinds";
import type { PostRecord } from "./posts.server";

export function presentPost(post: PostRecord, user: SessionUser) {
  return {
    slug: post.slug,
    kind: post.kind,
    status: post.status,
    title: post.title,
    summary: post.summary,
    partner: post.partner,
    tags: post.tags,
    authorName: post.authorName,
    publishedAt: post.publishedAt,
    updatedAt: post.updatedAt,
    bodyHtml: renderMarkdown(post.body),
    sections: sectionsOf(post.kind).map((key) => {
      const markdown = post.sections[key] ?? "";
      return { key, html: markdown ? renderMarkdown(markdown) : null };
    }),
    canEdit: canEditPost(user, post),
  };
}

/** The post's editable fields, as the edit form wants them. */
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
