import { canEditPost, canManagePartnerPosts, canReadPost, type SessionUser } from "../auth/permissions";
import { getPartnerBySlug } from "../partners/partners.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "../platform/errors";
import { fieldErrorsOf, type PostInput, PostInputSchema } from "./post-schemas";
import { insertPost, slugTaken, updatePostRow } from "./post-writes.server";
import { findPostBySlug } from "./posts.server";
import { slugify } from "./slug";

function parseInput(raw: unknown): PostInput {
  const parsed = PostInputSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
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

/**
 * Creates a post for the actor. Throws ValidationError (bad input),
 * ForbiddenError (the actor may not publish for that partner).
 */
export function createPost({ actor, raw, db = getDb() }: { actor: SessionUser; raw: unknown; db?: Db }) {
  const input = parseInput(raw);
  const partner = partnerFor(input, db);
  if (!canManagePartnerPosts(actor, partner.id)) throw new ForbiddenError("You cannot publish for this partner");
  return writeTransaction((tx) => {
    if (input.slug && slugTaken(tx, input.slug)) throw new ValidationError({ slug: ["errors.slug.taken"] });
    const slug = input.slug || freeSlugFromTitle(tx, input.title);
    insertPost(
      tx,
      {
        input: { ...input, slug },
        partnerId: partner.id,
        partnerSlug: partner.slug,
        editorId: actor.id,
        source: "web",
        now: new Date(),
      },
      actor.id,
    );
    return { slug };
  }, db);
}

/**
 * Saves an edit of the post at `slug`. Throws NotFoundError (no such post, or
 * hidden from the actor), ForbiddenError (may read but not edit, or moving it
 * to a partner the actor does not manage) and ValidationError.
 */
export function updatePost({
  actor,
  slug,
  raw,
  db = getDb(),
}: {
  actor: SessionUser;
  slug: string;
  raw: unknown;
  db?: Db;
}) {
  const existing = findPostBySlug(slug, db);
  if (!existing || !canReadPost(actor, existing)) throw new NotFoundError("Post not found");
  if (!canEditPost(actor, existing)) throw new ForbiddenError("You cannot edit this post");
  const input = parseInput(raw);
  if (input.kind !== existing.kind) throw new ValidationError({ kind: ["errors.kind.cannotChange"] });
  const partner = partnerFor(input, db);
  if (!canManagePartnerPosts(actor, partner.id)) throw new ForbiddenError("You cannot move this post to that partner");
  return writeTransaction((tx) => {
    const newSlug = input.slug || existing.slug;
    if (slugTaken(tx, newSlug, existing.id)) throw new ValidationError({ slug: ["errors.slug.taken"] });
    updatePostRow(tx, existing.id, existing.publishedAt, {
      input: { ...input, slug: newSlug },
      partnerId: partner.id,
      partnerSlug: partner.slug,
      editorId: actor.id,
      source: "web",
      now: new Date(),
    });
    return { slug: newSlug };
  }, db);
}
