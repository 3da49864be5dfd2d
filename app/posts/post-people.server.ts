/**
 * The people and partners around a post: the contact named near its title,
 * and the partners that recorded they applied it. Read for the post's page,
 * after the reader's access to the post itself has been checked.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { ResponseKind } from "../../db/enums";
import { partnerResponses, partners, posts, users } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";

export interface PostContact {
  name: string;
  jobTitle: string | null;
  partnerName: string;
  /** Null for a deactivated account: nobody reads that mailbox on the Hub's behalf any more. */
  email: string | null;
}

/**
 * The id of the person to ask about a post: the contact named on it, else its
 * author, else (an imported post has no author) its partner's digital lead.
 * For a query that joins the post's partner; the workspace lists it too.
 */
export const postContactId = sql<
  string | null
>`coalesce(${posts.contactId}, ${posts.authorId}, ${partners.digitalLeadId})`;

/** The person to ask about a post (see postContactId), or null when there is none. */
export function postContact(post: { id: number }, db: Db = getDb()): PostContact | null {
  const theirs = alias(partners, "their_partner");
  const row = db
    .select({
      name: users.name,
      jobTitle: users.jobTitle,
      email: users.email,
      deactivatedAt: users.deactivatedAt,
      partnerName: theirs.name,
    })
    .from(posts)
    .innerJoin(partners, eq(partners.id, posts.partnerId))
    .innerJoin(users, eq(users.id, postContactId))
    .innerJoin(theirs, eq(theirs.id, users.partnerId))
    .where(eq(posts.id, post.id))
    .get();
  if (!row) return null;
  return {
    name: row.name,
    jobTitle: row.jobTitle?.trim() || null,
    partnerName: row.partnerName,
    email: row.deactivatedAt ? null : row.email,
  };
}

export interface PartnerResponse {
  partnerId: number;
  partnerSlug: string;
  partnerName: string;
  note: string;
  /** When it was last recorded (a second record replaces the note). */
  recordedAt: Date;
}

/** The partners that applied a post, the most recently recorded first. */
export function postApplicationsOf(postId: number, db: Db = getDb()): PartnerResponse[] {
  return partnerResponsesOf(postId, "applied", db);
}

/** The partners that gave a post this kind of response, the most recently recorded first. */
export function partnerResponsesOf(postId: number, kind: ResponseKind, db: Db = getDb()): PartnerResponse[] {
  return db
    .select({
      partnerId: partnerResponses.partnerId,
      partnerSlug: partners.slug,
      partnerName: partners.name,
      note: partnerResponses.note,
      recordedAt: partnerResponses.updatedAt,
    })
    .from(partnerResponses)
    .innerJoin(partners, eq(partners.id, partnerResponses.partnerId))
    .where(and(eq(partnerResponses.postId, postId), eq(partnerResponses.kind, kind)))
    .orderBy(desc(partnerResponses.updatedAt), desc(partnerResponses.partnerId))
    .all();
}

/** A partner's name by id (the reader's own, for the "we applied this" form). */
export function partnerNameOf(partnerId: number, db: Db = getDb()): string {
  return db.select({ name: partners.name }).from(partners).where(eq(partners.id, partnerId)).get()?.name ?? "";
}
