/**
 * Accounts as administrators run them: finding people, inviting them,
 * changing their role or partner, deactivating and reactivating them, and
 * ending their sessions. Every command checks that the actor is an
 * administrator and writes its change and its "user.*" event (the account
 * audit log) in one transaction.
 */
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { partners, ROLES, type Role, users } from "../../db/schema";
import { recordEvent } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { NotFoundError, ValidationError } from "../platform/errors";
import { ACCOUNT_LIMITS } from "./account-limits";
import { issueAccountLink, retireAccountLinks, signsInWithMicrosoft } from "./account-links.server";
import { requireAccountManager, requireAccountManagerNow } from "./account-policy.server";
import { endAllSessionsIn } from "./lucia.server";
import type { SessionUser } from "./principals";
import { EmailSchema, getUserByEmail, newUserId } from "./users.server";

function fieldErrors(error: z.ZodError): ValidationError {
  return new ValidationError(z.flattenError(error).fieldErrors as Record<string, string[]>);
}

export const InvitationSchema = z.object({
  name: z
    .string({ error: "errors.name.required" })
    .trim()
    .min(1, "errors.name.required")
    .max(ACCOUNT_LIMITS.name, "errors.name.tooLong"),
  email: EmailSchema,
  role: z.enum(ROLES, { error: "errors.role.unknown" }),
  partner: z.string({ error: "errors.partner.required" }).trim().min(1, "errors.partner.required"),
});

/** The partner's id; a coordinator must be SRS staff (the shared service's), as the role exists to run its roadmap. */
function partnerIdOf(slug: string, role: Role, db: Db): number {
  const partner = db
    .select({ id: partners.id, type: partners.type })
    .from(partners)
    .where(eq(partners.slug, slug))
    .get();
  if (!partner) throw new ValidationError({ partner: ["errors.partner.unknown"] });
  if (role === "coordinator" && partner.type !== "shared-service") {
    throw new ValidationError({ partner: ["errors.partner.coordinatorOutsideSrs"] });
  }
  return partner.id;
}

/**
 * Creates an account without a password and an invitation link for it (7
 * days, single use) in one transaction. Returns the person and the link's token.
 */
export function inviteUser(actor: SessionUser, input: Record<string, unknown>, db: Db = getDb()) {
  requireAccountManager(actor);
  const parsed = InvitationSchema.safeParse(input);
  if (!parsed.success) throw fieldErrors(parsed.error);
  const { name, email, role, partner } = parsed.data;
  const partnerId = partnerIdOf(partner, role, db);
  return writeTransaction((tx) => {
    requireAccountManagerNow(tx, actor);
    // Under the write lock, so two invitations for one address cannot both pass.
    if (getUserByEmail(email, tx)) throw new ValidationError({ email: ["errors.email.taken"] });
    const id = newUserId();
    tx.insert(users).values({ id, email, name, role, partnerId, passwordHash: null, createdAt: new Date() }).run();
    const { token } = issueAccountLink(tx, { purpose: "invitation", userId: id, createdBy: actor.id });
    recordEvent(tx, {
      type: "user.invited",
      recordType: "user",
      recordId: id,
      actorId: actor.id,
      source: "web",
      partnerIds: [partnerId],
      data: { email, role, partner },
    });
    return { person: { id, name, email }, token };
  }, db);
}

/** A new invitation link for someone who has not set a password yet; the earlier link stops working. */
export function reinviteUser(actor: SessionUser, userId: string, db: Db = getDb()) {
  requireAccountManager(actor);
  return writeTransaction((tx) => {
    requireAccountManagerNow(tx, actor);
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user) throw new NotFoundError("No such person");
    if (user.passwordHash !== null || user.deactivatedAt || signsInWithMicrosoft(tx, user.id)) {
      throw new ValidationError({ invitation: ["errors.account.notInvitable"] });
    }
    const { token } = issueAccountLink(tx, { purpose: "invitation", userId, createdBy: actor.id });
    recordEvent(tx, {
      type: "user.invited",
      recordType: "user",
      recordId: userId,
      actorId: actor.id,
      source: "web",
      partnerIds: [user.partnerId],
      data: { again: true },
    });
    return { person: { id: user.id, name: user.name, email: user.email }, token };
  }, db);
}

export const AccountChangeSchema = z.object({
  role: z.enum(ROLES, { error: "errors.role.unknown" }),
  partner: z.string({ error: "errors.partner.required" }).trim().min(1, "errors.partner.required"),
});

/** Changes a person's role and partner; an administrator cannot take away their own role. */
export function updateAccount(actor: SessionUser, userId: string, input: Record<string, unknown>, db: Db = getDb()) {
  requireAccountManager(actor);
  const parsed = AccountChangeSchema.safeParse(input);
  if (!parsed.success) throw fieldErrors(parsed.error);
  const { role, partner } = parsed.data;
  if (userId === actor.id && role !== "admin") throw new ValidationError({ role: ["errors.account.selfDemote"] });
  const partnerId = partnerIdOf(partner, role, db);
  writeTransaction((tx) => {
    requireAccountManagerNow(tx, actor);
    const before = tx
      .select({ role: users.role, partnerId: users.partnerId, partner: partners.slug })
      .from(users)
      .innerJoin(partners, eq(partners.id, users.partnerId))
      .where(eq(users.id, userId))
      .get();
    if (!before) throw new NotFoundError("No such person");
    if (before.role === role && before.partnerId === partnerId) return;
    tx.update(users).set({ role, partnerId }).where(eq(users.id, userId)).run();
    const event = { recordType: "user", recordId: userId, actorId: actor.id, source: "web" } as const;
    if (before.role !== role) {
      recordEvent(tx, {
        ...event,
        type: "user.role-changed",
        partnerIds: [partnerId],
        data: { from: before.role, to: role },
      });
    }
    if (before.partnerId !== partnerId) {
      recordEvent(tx, {
        ...event,
        type: "user.partner-changed",
        partnerIds: [before.partnerId, partnerId],
        data: { from: before.partner, to: partner },
      });
    }
  }, db);
}

function requireOther(actor: SessionUser, userId: string, field: string, message: string): void {
  if (userId === actor.id) throw new ValidationError({ [field]: [message] });
}

function existingUser(tx: Db, userId: string) {
  const user = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new NotFoundError("No such person");
  return user;
}

/**
 * Deactivates an account: it cannot sign in, every session it has ends at
 * once, and its unused links stop working. An administrator cannot
 * deactivate themselves. Deactivating twice changes nothing.
 */
export function deactivateUser(actor: SessionUser, userId: string, db: Db = getDb()): void {
  requireAccountManager(actor);
  requireOther(actor, userId, "deactivate", "errors.account.selfDeactivate");
  writeTransaction((tx) => {
    requireAccountManagerNow(tx, actor);
    const user = existingUser(tx, userId);
    if (user.deactivatedAt) return;
    tx.update(users)
      .set({ deactivatedAt: new Date() })
      .where(and(eq(users.id, userId), isNull(users.deactivatedAt)))
      .run();
    const sessionsEnded = endAllSessionsIn(tx, userId);
    retireAccountLinks(tx, userId);
    recordEvent(tx, {
      type: "user.deactivated",
      recordType: "user",
      recordId: userId,
      actorId: actor.id,
      source: "web",
      partnerIds: [user.partnerId],
      data: { sessionsEnded },
    });
  }, db);
}

/** Lets a deactivated account sign in again (with its old password, or a reset). */
export function reactivateUser(actor: SessionUser, userId: string, db: Db = getDb()): void {
  requireAccountManager(actor);
  writeTransaction((tx) => {
    requireAccountManagerNow(tx, actor);
    const user = existingUser(tx, userId);
    if (!user.deactivatedAt) return;
    tx.update(users).set({ deactivatedAt: null }).where(eq(users.id, userId)).run();
    recordEvent(tx, {
      type: "user.reactivated",
      recordType: "user",
      recordId: userId,
      actorId: actor.id,
      source: "web",
      partnerIds: [user.partnerId],
    });
  }, db);
}

/** Signs a person out everywhere (a lost laptop, say). Administrators end their own sessions on their sessions page. */
export function endUserSessions(actor: SessionUser, userId: string, db: Db = getDb()): number {
  requireAccountManager(actor);
  requireOther(actor, userId, "sessions", "errors.account.selfSessions");
  return writeTransaction((tx) => {
    requireAccountManagerNow(tx, actor);
    const user = existingUser(tx, userId);
    const sessionsEnded = endAllSessionsIn(tx, userId);
    recordEvent(tx, {
      type: "user.sessions-ended",
      recordType: "user",
      recordId: userId,
      actorId: actor.id,
      source: "web",
      partnerIds: [user.partnerId],
      data: { sessionsEnded },
    });
    return sessionsEnded;
  }, db);
}
