/**
 * What partners say of other partners' posts, one model for both kinds
 * (decision 044): "we applied this" on a lesson or case study, the evidence
 * that lessons travel (decision 038), and "we want this too" on an
 * aspiration, the demand the roadmap answers. One of each kind per post and
 * partner: saying it again replaces the note. Who may is decided by
 * `authorizeResponse` in the post policy.
 */
import { and, eq } from "drizzle-orm";
import type { ChangeSource, ResponseKind } from "../../db/enums";
import { partnerResponses, partners } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { recordEvent } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { NotFoundError, ValidationError } from "../platform/errors";
import { normaliseNewlines } from "../platform/text";
import { LIMITS } from "./post-limits";
import { authorizeResponse } from "./post-policy.server";
import { findPostBySlug, type PostRecord } from "./posts.server";

/** A note says what was done, or why it is wanted; a paragraph, not an essay. */
const RESPONSE_NOTE_MAX = LIMITS.applicationNote;

/** Each kind's event when it is said (again) and, for interest, when it is taken back. */
const SAID_EVENT = { applied: "post.applied", interested: "post.interest_registered" } as const;

/** Each kind's message for a note that is too long (the forms word the question differently). */
const NOTE_TOO_LONG = { applied: "errors.applied.noteTooLong", interested: "errors.interest.noteTooLong" } as const;

export interface RecordedResponse {
  postId: number;
  slug: string;
  partnerName: string;
  /** True when the partner had already said it and the note was replaced. */
  updated: boolean;
  eventId: number;
}

/** The note as it is kept: trimmed, line ends made plain, no control characters; too long is a field error. */
export function parseResponseNote(raw: unknown, kind: ResponseKind = "applied"): string {
  const note = normaliseNewlines(typeof raw === "string" ? raw : "").trim();
  if (note.length > RESPONSE_NOTE_MAX) throw new ValidationError({ note: [NOTE_TOO_LONG[kind]] });
  return note;
}

/** The post at `slug`, read inside the transaction (its status cannot change between the check and the write). */
function respondablePost(tx: Db, actor: SessionUser, kind: ResponseKind, slug: string): PostRecord {
  const post = findPostBySlug(slug, tx);
  if (!post) throw new NotFoundError("No such post");
  authorizeResponse(actor, kind, post);
  return post;
}

function partnerName(tx: Db, partnerId: number): string {
  const partner = tx.select({ name: partners.name }).from(partners).where(eq(partners.id, partnerId)).get();
  if (!partner) throw new NotFoundError("No such partner");
  return partner.name;
}

function responseOf(postId: number, partnerId: number, kind: ResponseKind) {
  return and(
    eq(partnerResponses.postId, postId),
    eq(partnerResponses.partnerId, partnerId),
    eq(partnerResponses.kind, kind),
  );
}

/** What a response is written with: the post it answers, whose partner's, its kind and its checked note. */
export interface ResponseWrite {
  post: { id: number; slug: string; title: string; partnerId: number };
  partnerId: number;
  kind: ResponseKind;
  note: string;
  /** When the partner first said it (a new response's date; an imported one's may be in the past). */
  since: Date;
}

/**
 * Writes a response (or brings an existing one's note up to date) and its
 * event, inside the caller's transaction: the one write behind the web
 * commands and the content import. The caller has checked the rules.
 */
export function writeResponse(
  tx: Db,
  response: ResponseWrite,
  by: { actorId: string | null; source: ChangeSource },
  now: Date,
): { updated: boolean; eventId: number } {
  const { post, partnerId, kind, note, since } = response;
  const existing = tx
    .select({ createdAt: partnerResponses.createdAt })
    .from(partnerResponses)
    .where(responseOf(post.id, partnerId, kind))
    .get();
  tx.insert(partnerResponses)
    .values({ postId: post.id, partnerId, kind, note, userId: by.actorId, createdAt: since, updatedAt: since })
    .onConflictDoUpdate({
      target: [partnerResponses.postId, partnerResponses.partnerId, partnerResponses.kind],
      // The import (no person) brings the note up to date and leaves who said it as it was.
      set: { note, updatedAt: now, ...(by.actorId ? { userId: by.actorId } : {}) },
    })
    .run();
  const eventId = recordEvent(
    tx,
    {
      type: SAID_EVENT[kind],
      recordType: "post",
      recordId: post.id,
      ...by,
      // It concerns both: the partner whose post it is, and the one responding.
      partnerIds: [post.partnerId, partnerId],
      data: {
        slug: post.slug,
        title: post.title.slice(0, 200),
        ...(kind === "applied" ? { appliedBy: partnerId } : { interestedPartner: partnerId }),
        updated: Boolean(existing),
      },
    },
    now,
  );
  return { updated: Boolean(existing), eventId };
}

/** Records (or updates) the actor's partner's response of this kind to the post at `slug`. */
export function recordResponse(
  actor: SessionUser,
  kind: ResponseKind,
  { slug, note: rawNote }: { slug: string; note: unknown },
  db: Db = getDb(),
  now: Date = new Date(),
): RecordedResponse {
  return writeTransaction((tx) => {
    const post = respondablePost(tx, actor, kind, slug);
    const note = parseResponseNote(rawNote, kind);
    const name = partnerName(tx, actor.partnerId);
    const { updated, eventId } = writeResponse(
      tx,
      { post, partnerId: actor.partnerId, kind, note, since: now },
      { actorId: actor.id, source: "web" },
      now,
    );
    return { postId: post.id, slug: post.slug, partnerName: name, updated, eventId };
  }, db);
}

/** "We applied this": records (or updates) that the actor's partner applied the lesson or case study. */
export function recordApplication(
  actor: SessionUser,
  input: { slug: string; note: unknown },
  db: Db = getDb(),
  now: Date = new Date(),
): RecordedResponse {
  return recordResponse(actor, "applied", input, db, now);
}

/** "We want this too": registers (or updates the note of) the actor's partner's interest in the aspiration. */
export function registerInterest(
  actor: SessionUser,
  input: { slug: string; note: unknown },
  db: Db = getDb(),
  now: Date = new Date(),
): RecordedResponse {
  return recordResponse(actor, "interested", input, db, now);
}

export interface WithdrawnInterest {
  postId: number;
  slug: string;
  partnerName: string;
  /** False when the partner had not registered interest: nothing was written. */
  withdrawn: boolean;
}

/**
 * Takes back the actor's partner's interest in the aspiration. Withdrawing
 * what was never registered (a second click, another colleague's earlier
 * withdrawal) writes nothing and is no error.
 */
export function withdrawInterest(
  actor: SessionUser,
  { slug }: { slug: string },
  db: Db = getDb(),
  now: Date = new Date(),
): WithdrawnInterest {
  return writeTransaction((tx) => {
    const post = respondablePost(tx, actor, "interested", slug);
    const name = partnerName(tx, actor.partnerId);
    const removed = tx
      .delete(partnerResponses)
      .where(responseOf(post.id, actor.partnerId, "interested"))
      .returning({ note: partnerResponses.note })
      .all();
    if (removed.length > 0) {
      recordEvent(
        tx,
        {
          type: "post.interest_withdrawn",
          recordType: "post",
          recordId: post.id,
          actorId: actor.id,
          source: "web",
          partnerIds: [post.partnerId, actor.partnerId],
          data: { slug: post.slug, title: post.title.slice(0, 200), interestedPartner: actor.partnerId },
        },
        now,
      );
    }
    return { postId: post.id, slug: post.slug, partnerName: name, withdrawn: removed.length > 0 };
  }, db);
}
