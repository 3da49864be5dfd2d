/**
 * The post as it would be published, from the form's fields, with nothing
 * written: the check page before publishing. Validated and rendered exactly
 * as a save is (the same schema, the same Markdown pipeline, the same
 * sanitising), so what the preview shows is what readers will get.
 */
import type { SessionUser } from "../auth/principals";
import { type Db, getDb } from "../platform/db.server";
import { ForbiddenError } from "../platform/errors";
import { contactFor } from "./post-contacts.server";
import { sectionsOf } from "./post-kinds";
import { canWriteForPartner } from "./post-policy.server";
import { renderPostMarkdown, sectionField } from "./post-rendering.server";
import type { PostFields } from "./post-schemas";
import { getPostForEditing } from "./posts.server";
import type { PreviewedPost } from "./previewed-post";
import { parseInput, partnerFor } from "./save-post.server";
import { namesOnceSaved } from "./topics.server";

/**
 * Checks the fields as publishing them would (ValidationError, ForbiddenError,
 * and for an existing post at `slug` NotFoundError first) and renders them.
 */
export function previewPost({
  actor,
  fields,
  slug,
  db = getDb(),
}: {
  actor: SessionUser;
  fields: PostFields;
  slug?: string;
  db?: Db;
}): PreviewedPost {
  const existing = slug === undefined ? null : getPostForEditing(actor, slug, db);
  const input = parseInput({ ...fields, status: "published" });
  const partner = partnerFor(input, db);
  if (!canWriteForPartner(actor, partner.id)) throw new ForbiddenError("You cannot publish for this partner");
  contactFor(db, input.contact, partner.id, existing?.contactId ?? existing?.authorId ?? actor.id);
  const rendered = renderPostMarkdown(input);
  const names = namesOnceSaved(input.tags, input.tagNames, db);
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    partnerName: partner.name,
    sections: sectionsOf(input.kind).map((key) => ({ key, html: rendered.html[sectionField(key)] || null })),
    bodyHtml: rendered.html.body ?? "",
    tags: input.tags.map((tag) => ({ tag, name: names.get(tag) ?? tag })),
    eventDate: input.eventDate,
    targetDate: input.targetDate,
  };
}
