/** The commands that save a post from the web forms: create and update. */
import { randomBytes } from "node:crypto";
import type { SessionUser } from "../auth/principals";
import { lastEventId } from "../events/event-log.server";
import { getPartnerBySlug } from "../partners/partners.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ForbiddenError, ValidationError } from "../platform/errors";
import { rememberOldAddress } from "../platform/record-redirects.server";
import { contactFor, mayBeContact } from "./post-contacts.server";
import { readDate, timeToDay } from "./post-dates";
import { canOnPost, canWriteForPartner } from "./post-policy.server";
import { renderPostMarkdown } from "./post-rendering.server";
import {
  ChangeNoteSchema,
  fieldErrorsOf,
  type PostFields,
  type PostInput,
  PostInputSchema,
  publishingErrors,
} from "./post-schemas";
import { insertPost, slugTaken, updatePostRow } from "./post-writes.server";
import { findPostBySlug, getPostForEditing } from "./posts.server";
import { draftSlug, plainSlug, slugify } from "./slug";
import { rememberTopicNames } from "./topics.server";

/** The form's fields validated, with what publishing from the Hub needs: every problem reported at once. */
export function parseInput(fields: PostFields): PostInput {
  const parsed = PostInputSchema.safeParse(fields);
  const errors = { ...publishingErrors(fields), ...(parsed.success ? {} : fieldErrorsOf(parsed.error)) };
  if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);
  return parsed.data;
}

function parseChangeNote(note: string | null | undefined): string | null {
  const parsed = ChangeNoteSchema.safeParse(note ?? undefined);
  if (!parsed.success) throw new ValidationError({ changeNote: ["errors.changeNote.tooLong"] });
  return parsed.data;
}

export function partnerFor(input: PostInput, db: Db) {
  const partner = getPartnerBySlug(input.partner, db);
  if (!partner) throw new ValidationError({ partner: ["errors.partner.unknown"] });
  return partner;
}

/** A free slug: the one wanted, or when that is taken, the same with a random ending ("title-k3x9q2"). */
function freeSlug(tx: Db, wanted: string): string {
  let candidate = wanted;
  while (slugTaken(tx, candidate)) {
    candidate = `${wanted.slice(0, 72).replace(/-+$/, "")}-${randomBytes(4).readUInt32BE(0).toString(36).padStart(6, "0").slice(-6)}`;
  }
  return candidate;
}

/**
 * The post's address. Until it is first published it lives in its partner's
 * namespace ("torfaen--cloud-telephony", see draftSlug), where only people
 * who can see the partner's drafts can meet another post; once published it
 * has its plain slug, and keeps it. A slug derived from the title, or kept
 * from before, gets a random ending when taken. A slug the person typed is
 * refused with a message when a post they can see holds it, and otherwise
 * (a post taken back from publication they cannot see) gets a random ending:
 * the answer never depends on what they cannot see.
 */
function slugFor(
  tx: Db,
  actor: SessionUser,
  input: PostInput,
  partnerSlug: string,
  existing?: { id: number; slug: string; publishedAt: Date | null },
): string {
  const published = input.status === "published" || Boolean(existing?.publishedAt);
  const kept = existing ? plainSlug(existing.slug) : "";
  const plain = input.slug || kept || slugify(input.title) || "post";
  const address = published ? plain : draftSlug(partnerSlug, plain);
  if (address === existing?.slug) return address;
  const chosen = Boolean(input.slug) && input.slug !== kept;
  const holder = findPostBySlug(address, tx);
  if (!holder || holder.id === existing?.id) return address;
  if (chosen && canOnPost(actor, "read", holder)) throw new ValidationError({ slug: ["errors.slug.taken"] });
  return freeSlug(tx, address);
}

export interface CreatePostCommand {
  actor: SessionUser;
  fields: PostFields;
  db?: Db;
}

/**
 * Creates a post for the actor. Throws ValidationError (bad input) or
 * ForbiddenError (the actor may not publish for that partner).
 */
/** What a save leaves: the post's address, and its id and last event (to wait for search to hold it). */
export interface SavedPost {
  slug: string;
  id: number;
  status: PostInput["status"];
  kind: PostInput["kind"];
  eventId: number;
}

/**
 * The review date the post already holds, sent back unchanged, is not a new
 * choice: an overdue post can still be edited without picking a new date
 * (the "past date" rule is for dates being set). It is left out, and the
 * save keeps the one held.
 */
function keepingHeldReviewDate(current: { reviewBy: Date | null }, fields: PostFields): PostFields {
  if (!current.reviewBy || fields.reviewBy === undefined) return fields;
  const read = readDate(fields.reviewBy);
  if (!("date" in read) || read.date !== timeToDay(current.reviewBy)) return fields;
  const { reviewBy: _held, ...rest } = fields;
  return rest;
}

export function createPost({ actor, fields, db = getDb() }: CreatePostCommand): SavedPost {
  const input = parseInput(fields);
  // Only a post that has been published can be archived.
  if (input.status === "archived") throw new ValidationError({ status: ["errors.status.archiveDraft"] });
  // Before the transaction: rendering may take up to its budget, and must not hold the write lock meanwhile.
  const rendered = renderPostMarkdown(input);
  return writeTransaction((tx) => {
    const partner = partnerFor(input, tx);
    if (!canWriteForPartner(actor, partner.id)) throw new ForbiddenError("You cannot publish for this partner");
    const contactId = contactFor(tx, input.contact, partner.id, actor.id);
    const slug = slugFor(tx, actor, input, partner.slug);
    // Names are kept from published posts only: a draft's spelling of a new topic would tell of the draft.
    if (input.status === "published") rememberTopicNames(tx, input.tagNames);
    const id = insertPost(tx, {
      input: { ...input, slug },
      rendered,
      partnerId: partner.id,
      partnerSlug: partner.slug,
      actorId: actor.id,
      source: "web",
      now: new Date(),
      contactId,
    });
    return { slug, id, status: input.status, kind: input.kind, eventId: lastEventId(tx) };
  }, db);
}

export interface UpdatePostCommand {
  actor: SessionUser;
  slug: string;
  fields: PostFields;
  /** Why the change was made, shown in the revision history. */
  changeNote?: string | null;
  db?: Db;
}

/**
 * Saves an edit of the post at `slug`. Throws NotFoundError (no such post, or
 * hidden from the actor), ForbiddenError (may read but not edit, or moving it
 * to a partner the actor does not manage) and ValidationError.
 */
export function updatePost({ actor, slug, fields, changeNote, db = getDb() }: UpdatePostCommand): SavedPost {
  // Who may edit is settled first (not found or forbidden before any word on the input).
  const current = getPostForEditing(actor, slug, db);
  // The draft's own full address, sent back as it is, means its slug.
  const input = parseInput(
    keepingHeldReviewDate(
      current,
      fields.slug === current.slug ? { ...fields, slug: plainSlug(current.slug) } : fields,
    ),
  );
  const note = parseChangeNote(changeNote);
  // Rendered outside the transaction, with the Welsh text the post keeps.
  const rendered = renderPostMarkdown({ ...input, bodyCy: current.bodyCy, sectionsCy: current.sectionsCy });
  // Read again and written in one transaction, so a concurrent save cannot slip in between.
  return writeTransaction((tx) => {
    const existing = getPostForEditing(actor, slug, tx);
    if (input.kind !== existing.kind) throw new ValidationError({ kind: ["errors.kind.cannotChange"] });
    if (input.status === "archived" && !existing.publishedAt) {
      throw new ValidationError({ status: ["errors.status.archiveDraft"] });
    }
    // A published post's address is fixed: links to it are out in the world.
    if (existing.publishedAt && input.slug && input.slug !== plainSlug(existing.slug)) {
      throw new ValidationError({ slug: ["errors.slug.locked"] });
    }
    const partner = partnerFor(input, tx);
    if (!canWriteForPartner(actor, partner.id)) throw new ForbiddenError("You cannot move this post to that partner");
    // A post moved to another partner keeps its contact only if that person may be one there.
    const kept = existing.contactId ?? existing.authorId ?? actor.id;
    const standing = partner.id === existing.partnerId || mayBeContact(tx, kept, partner.id) ? kept : actor.id;
    const contactId = contactFor(tx, input.contact, partner.id, standing);
    const newSlug = slugFor(tx, actor, input, partner.slug, existing);
    // Names are kept from published posts only: a draft's spelling of a new topic would tell of the draft.
    if (input.status === "published") rememberTopicNames(tx, input.tagNames);
    rememberOldAddress(tx, { recordType: "post", recordId: existing.id, fromSlug: existing.slug, toSlug: newSlug });
    updatePostRow(tx, existing, {
      contactId,
      input: { ...input, slug: newSlug },
      rendered:
        existing.bodyCy === current.bodyCy && JSON.stringify(existing.sectionsCy) === JSON.stringify(current.sectionsCy)
          ? rendered
          : renderPostMarkdown({ ...input, bodyCy: existing.bodyCy, sectionsCy: existing.sectionsCy }),
      partnerId: partner.id,
      partnerSlug: partner.slug,
      actorId: actor.id,
      source: "web",
      now: new Date(),
      changeNote: note,
    });
    return { slug: newSlug, id: existing.id, status: input.status, kind: input.kind, eventId: lastEventId(tx) };
  }, db);
}
