/** The commands that save a post from the web forms: create and update. */
import type { SessionUser } from "../auth/principals";
import { getPartnerBySlug } from "../partners/partners.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ForbiddenError, ValidationError } from "../platform/errors";
import { canWriteForPartner } from "./post-policy.server";
import { ChangeNoteSchema, fieldErrorsOf, type PostFields, type PostInput, PostInputSchema } from "./post-schemas";
import { insertPost, slugTaken, updatePostRow } from "./post-writes.server";
import { getPostForEditing } from "./posts.server";
import { slugify } from "./slug";

function parseInput(fields: PostFields): PostInput {
  const parsed = PostInputSchema.safeParse(fields);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

function parseChangeNote(note: string | null | undefined): string | null {
  const parsed = ChangeNoteSchema.safeParse(note ?? undefined);
  if (!parsed.success) throw new ValidationError({ changeNote: ["errors.changeNote.tooLong"] });
  return parsed.data;
}

function partnerFor(input: PostInput, db: Db) {
  const partner = getPartnerBySlug(input.partner, db);
  if (!partner) throw new ValidationError({ partner: ["errors.partner.unknown"] });
  return partner;
}

/** A free slug derived from the title: "title", then "title-2", "title-3"... */
function freeSlugFromTitle(tx: Db, title: string): string {
  const base = slugify(title) || "post";
  let candidate = base;
  for (let n = 2; slugTaken(tx, candidate); n++) candidate = `${base.slice(0, 75).replace(/-+$/, "")}-${n}`;
  return candidate;
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
export function createPost({ actor, fields, db = getDb() }: CreatePostCommand): { slug: string } {
  const input = parseInput(fields);
  return writeTransaction((tx) => {
    const partner = partnerFor(input, tx);
    if (!canWriteForPartner(actor, partner.id)) throw new ForbiddenError("You cannot publish for this partner");
    if (input.slug && slugTaken(tx, input.slug)) throw new ValidationError({ slug: ["errors.slug.taken"] });
    const slug = input.slug || freeSlugFromTitle(tx, input.title);
    insertPost(tx, {
      input: { ...input, slug },
      partnerId: partner.id,
      partnerSlug: partner.slug,
      actorId: actor.id,
      source: "web",
      now: new Date(),
    });
    return { slug };
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
export function updatePost({ actor, slug, fields, changeNote, db = getDb() }: UpdatePostCommand): { slug: string } {
  // Read and written in one transaction, so a concurrent save cannot slip in between.
  return writeTransaction((tx) => {
    const existing = getPostForEditing(actor, slug, tx);
    const input = parseInput(fields);
    const note = parseChangeNote(changeNote);
    if (input.kind !== existing.kind) throw new ValidationError({ kind: ["errors.kind.cannotChange"] });
    const partner = partnerFor(input, tx);
    if (!canWriteForPartner(actor, partner.id)) throw new ForbiddenError("You cannot move this post to that partner");
    const newSlug = input.slug || existing.slug;
    if (slugTaken(tx, newSlug, existing.id)) throw new ValidationError({ slug: ["errors.slug.taken"] });
    updatePostRow(tx, existing, {
      input: { ...input, slug: newSlug },
      partnerId: partner.id,
      partnerSlug: partner.slug,
      actorId: actor.id,
      source: "web",
      now: new Date(),
      changeNote: note,
    });
    return { slug: newSlug };
  }, db);
}
