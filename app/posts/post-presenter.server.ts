/** Decides what of a post leaves the server, in the reader's language, with its Markdown already made safe. */
import type { SessionUser } from "../auth/principals";
import { inLocale } from "../i18n/bilingual";
import type { Locale } from "../i18n/translate";
import { datePartsOf, timeToDay } from "./post-dates";
import { sectionsOf } from "./post-kinds";
import { partnerNameOf, partnerResponsesOf, postApplicationsOf, postContact } from "./post-people.server";
import { canOnPost, canRecordApplication, canRegisterInterest } from "./post-policy.server";
import { renderedHtml, sectionField } from "./post-rendering.server";
import type { PostRecord, PostSummary } from "./posts.server";
import { plainSlug } from "./slug";
import { topicNames } from "./topics.server";

/**
 * The date a post was published, only while it is published: a post taken
 * back to draft or archived is not "published" any more, whatever it once was.
 */
function publishedDate(post: { status: string; publishedAt: Date | null }): Date | null {
  return post.status === "published" ? post.publishedAt : null;
}

/** What every view of a post shows: its headline facts, in the reader's language. */
export function presentPostSummary(post: PostSummary | PostRecord, locale: Locale) {
  return {
    slug: post.slug,
    kind: post.kind,
    status: post.status,
    title: inLocale(post.title, post.titleCy, locale).text,
    summary: inLocale(post.summary, post.summaryCy, locale).text,
    partner: { slug: post.partner.slug, name: post.partner.name, shortName: post.partner.shortName },
    tags: post.tags,
    publishedAt: publishedDate(post),
    updatedAt: post.updatedAt,
  };
}

/** The post's own page: the headline facts, its author, its sections and body made safe. */
export function presentPost(post: PostRecord, user: SessionUser, locale: Locale) {
  // Rendered and sanitised when saved (posts saved before that are rendered at start-up): never per view.
  const rendered = post.rendered ?? { html: {}, text: {} };
  return {
    ...presentPostSummary(post, locale),
    authorName: post.authorName,
    bodyHtml: renderedHtml(rendered, "body", locale),
    sections: sectionsOf(post.kind).map((key) => {
      const html = renderedHtml(rendered, sectionField(key), locale);
      return { key, html: html || null };
    }),
    canEdit: canOnPost(user, "edit", post),
    eventDate: post.eventDate,
    contact: postContact(post),
    ...presentApplications(post, user),
    interest: post.kind === "aspiration" ? presentInterest(post, user) : null,
  };
}

/** Which other partners want the aspiration too, and whether (and with what note so far) the reader's partner may say so. */
function presentInterest(post: PostRecord, user: SessionUser) {
  const responses = partnerResponsesOf(post.id, "interested");
  const canRegister = canRegisterInterest(user, post);
  return {
    partners: responses.map(({ partnerSlug, partnerName, note, recordedAt }) => ({
      partnerSlug,
      partnerName,
      note,
      recordedAt,
    })),
    canRegister,
    ownPartnerName: canRegister ? partnerNameOf(user.partnerId) : "",
    // Registering again replaces the note: the form starts from the one kept; null is "not registered".
    ownNote: canRegister ? (responses.find((response) => response.partnerId === user.partnerId)?.note ?? null) : null,
  };
}

/** Who applied the post, and whether (and with what note so far) the reader's partner may say it did. */
function presentApplications(post: PostRecord, user: SessionUser) {
  const applications = postApplicationsOf(post.id);
  const canApply = canRecordApplication(user, post);
  return {
    applications: applications.map(({ partnerSlug, partnerName, note, recordedAt }) => ({
      partnerSlug,
      partnerName,
      note,
      recordedAt,
    })),
    canApply,
    ownPartnerName: canApply ? partnerNameOf(user.partnerId) : "",
    // Recording again replaces the note: the form starts from the one kept.
    ownApplicationNote: canApply
      ? (applications.find((application) => application.partnerId === user.partnerId)?.note ?? null)
      : null,
  };
}

/** The post's editable fields, as the edit form wants them (the English text, until the form offers Welsh). */
export function presentPostForEditing(post: PostRecord) {
  const names = topicNames(post.tags);
  return {
    // A draft's address carries its partner ("torfaen--cloud"): the form edits the slug itself.
    slug: plainSlug(post.slug),
    /** The post's full address, shown instead of the slug field once it has been published. */
    address: post.slug,
    everPublished: Boolean(post.publishedAt),
    kind: post.kind,
    status: post.status,
    title: post.title,
    summary: post.summary,
    body: post.body,
    partner: post.partner.slug,
    tags: post.tags.map((tag) => names.get(tag) ?? tag).join(", "),
    sections: post.sections,
    eventDate: datePartsOf(post.eventDate),
    targetDate: datePartsOf(post.targetDate),
    reviewBy: datePartsOf(post.reviewBy ? timeToDay(post.reviewBy) : null),
    contact: post.contactId ?? post.authorId ?? "",
  };
}
