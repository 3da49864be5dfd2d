/**
 * The people a partner's page and its posts name: each person's job title
 * (theirs to set, or an administrator's) and the partner's digital lead (an
 * administrator names one of the partner's active members).
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { partners, users } from "../../db/schema";
import { ACCOUNT_LIMITS } from "../auth/account-limits";
import { requireAccountManager } from "../auth/account-policy.server";
import type { SessionUser } from "../auth/principals";
import { recordEvent } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { NotFoundError, ValidationError } from "../platform/errors";
import { oneLine } from "../platform/text";
import { authorizePartner } from "./partner-policy.server";

/** "Head of Digital Transformation and Customer Services" fits; a paragraph does not. */
const JOB_TITLE_MAX = ACCOUNT_LIMITS.jobTitle;

/** A job title as kept: trimmed, one line; empty means none. */
export function parseJobTitle(raw: unknown): string | null {
  const title = oneLine(typeof raw === "string" ? raw : "")
    .trim()
    .replace(/\s+/g, " ");
  if (title.length > JOB_TITLE_MAX) throw new ValidationError({ jobTitle: ["errors.jobTitle.tooLong"] });
  return title || null;
}

/** Sets a person's job title: their own, or anyone's for an administrator. */
export function setJobTitle(actor: SessionUser, userId: string, raw: unknown, db: Db = getDb()): void {
  // One's own job title is one's own; anyone else's is an account change, for the account policy.
  if (actor.id !== userId) requireAccountManager(actor);
  const jobTitle = parseJobTitle(raw);
  writeTransaction((tx) => {
    const before = tx
      .select({ jobTitle: users.jobTitle, partnerId: users.partnerId })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    if (!before) throw new NotFoundError("No such person");
    if ((before.jobTitle ?? null) === jobTitle) return;
    tx.update(users).set({ jobTitle }).where(eq(users.id, userId)).run();
    recordEvent(tx, {
      type: "user.job-title-changed",
      recordType: "user",
      recordId: userId,
      actorId: actor.id,
      source: "web",
      partnerIds: [before.partnerId],
      data: {},
    });
  }, db);
}

export interface PartnerPerson {
  id: string;
  name: string;
  jobTitle: string | null;
}

/** A partner's active members, by name: who may be named its digital lead. */
export function activeMembersOf(partnerId: number, db: Db = getDb()): PartnerPerson[] {
  return db
    .select({ id: users.id, name: users.name, jobTitle: users.jobTitle })
    .from(users)
    .where(and(eq(users.partnerId, partnerId), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name))
    .all();
}

/** Names (or, with an empty id, clears) a partner's digital lead: administrators only, one of its active members. */
export function setDigitalLead(actor: SessionUser, partnerSlug: string, rawUserId: unknown, db: Db = getDb()): void {
  const userId = typeof rawUserId === "string" && rawUserId !== "" ? rawUserId : null;
  writeTransaction((tx) => {
    const partner = tx.select().from(partners).where(eq(partners.slug, partnerSlug)).get();
    if (!partner) throw new NotFoundError("No such partner");
    authorizePartner(actor, "nameDigitalLead", partner);
    if (userId) {
      const member = tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, userId), eq(users.partnerId, partner.id), isNull(users.deactivatedAt)))
        .get();
      if (!member) throw new ValidationError({ digitalLead: ["errors.digitalLead.notMember"] });
    }
    if (partner.digitalLeadId === userId) return;
    tx.update(partners).set({ digitalLeadId: userId }).where(eq(partners.id, partner.id)).run();
    recordEvent(tx, {
      type: "partner.digital-lead-changed",
      recordType: "partner",
      recordId: partner.id,
      actorId: actor.id,
      source: "web",
      partnerIds: [partner.id],
      data: { slug: partner.slug },
    });
  }, db);
}

/** A person's job title, for the forms that change it. */
export function jobTitleOf(userId: string, db: Db = getDb()): string {
  return db.select({ jobTitle: users.jobTitle }).from(users).where(eq(users.id, userId)).get()?.jobTitle ?? "";
}
