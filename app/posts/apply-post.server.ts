/**
 * "We applied this": a partner's record that it reused another partner's
 * lesson or case study, the evidence that lessons travel. One per post and
 * partner: recording again replaces the note. Who may is decided by
 * `authorizeApplication` in the post policy.
 */
import { and, eq } from "drizzle-orm";
import { partnerResponses, partners } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { recordEvent } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { NotFoundError, ValidationError } from "../platform/errors";
import { normaliseNewlines } from "../platform/text";
import { LIMITS } from "./post-limits";
import { authorizeApplication } from "./post-policy.server";
import { findPostBySlug } from "./posts.server";

/** A note says what was done with the lesson; a paragraph, not an essay. */
const APPLICATION_NOTE_MAX = LIMITS.applicationNote;

export interface RecordedApplication {
  postId: number;
  slug: string;
  partnerName: string;
  /** True when the partner had already recorded it and the note was replaced. */
  updated: boolean;
  eventId: number;
}

/** The note as it is kept: trimmed, line ends made plain, no control characters; too long is a field error. */
export function parseApplicationNote(raw: unknown): string {
  const note = normaliseNewlines(typeof raw === "string" ? raw : "").trim();
  if (note.length > APPLICATION_NOTE_MAX) throw new ValidationError({ note: ["errors.applied.noteTooLong"] });
  return note;
}

/** Records (or updates) that the actor's partner applied the post at `slug`. */
export function recordApplication(
  actor: SessionUser,
  { slug, note: rawNote }: { slug: string; note: unknown },
  db: Db = getDb(),
  now: Date = new Date(),
): RecordedApplication {
  return writeTransaction((tx) => {
    // Read inside the transaction: the post's status cannot change between the check and the write.
    const post = findPostBySlug(slug, tx);
    if (!post) throw new NotFoundError("No such post");
    authorizeApplication(actor, post);
    const note = parseApplicationNote(rawNote);
    const partner = tx.select({ name: partners.name }).from(partners).where(eq(partners.id, actor.partnerId)).get();
    if (!partner) throw new NotFoundError("No such partner");
    const existing = tx
      .select({ createdAt: partnerResponses.createdAt })
      .from(partnerResponses)
      .where(eqPair(post.id, actor.partnerId))
      .get();
    tx.insert(partnerResponses)
      .values({
        postId: post.id,
        partnerId: actor.partnerId,
        kind: "applied",
        note,
        userId: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [partnerResponses.postId, partnerResponses.partnerId, partnerResponses.kind],
        set: { note, userId: actor.id, updatedAt: now },
      })
      .run();
    const eventId = recordEvent(
      tx,
      {
        type: "post.applied",
        recordType: "post",
        recordId: post.id,
        actorId: actor.id,
        source: "web",
        // It concerns both: the partner whose lesson it is, and the one that applied it.
        partnerIds: [post.partnerId, actor.partnerId],
        data: {
          slug: post.slug,
          title: post.title.slice(0, 200),
          appliedBy: actor.partnerId,
          updated: Boolean(existing),
        },
      },
      now,
    );
    return { postId: post.id, slug: post.slug, partnerName: partner.name, updated: Boolean(existing), eventId };
  }, db);
}

function eqPair(postId: number, partnerId: number) {
  return and(
    eq(partnerResponses.postId, postId),
    eq(partnerResponses.partnerId, partnerId),
    eq(partnerResponses.kind, "applied"),
  );
}
