/**
 * Which Hub account a Microsoft account signs in as. An Entra account is
 * its tenant and object id (`tid`, `oid`), never its email alone: the email
 * is read only the first time, to find an invitation of the partner nobody
 * has taken up yet (an account in use is never linked by email).
 */
import { and, eq } from "drizzle-orm";
import { partners, userIdentities, users } from "../../../db/schema";
import { recordEvent } from "../../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../../platform/db.server";
import { ACCOUNT_LIMITS } from "../account-limits";
import { retireAccountLinks } from "../account-links.server";
import type { SessionUser } from "../principals";
import { EmailSchema, maySignIn, newUserId, toSessionUser } from "../users.server";
import { EntraSignInRefused } from "./entra-refusal.server";

export const ENTRA_PROVIDER = "entra";

export interface EntraPerson {
  tenantId: string;
  /** The object id: the same person in the same tenant for every app. */
  objectId: string;
  /** Lower-cased, from `email` or else `preferred_username`. */
  email: string;
  name: string | null;
}

type UserRow = typeof users.$inferSelect;

function allowed(user: UserRow, partnerId: number, found: "linked" | "same email"): SessionUser {
  // Also for a link: a tenant moved to another partner in ENTRA_TENANTS does not take its old links along.
  if (user.partnerId !== partnerId) throw new EntraSignInRefused("other-partner", `${found} account ${user.id}`);
  if (!maySignIn(user)) throw new EntraSignInRefused("account-may-not-sign-in");
  return toSessionUser(user);
}

/**
 * The account for `person`, who signed in from a tenant of `partnerSlug`:
 * the one linked to them; else the partner's account with their email, now
 * linked; else a new reader of the partner. Links and new accounts are
 * events, in the same transaction. Throws EntraSignInRefused.
 */
export function resolveEntraAccount(
  person: EntraPerson,
  partnerSlug: string,
  db: Db = getDb(),
  now = new Date(),
): { user: SessionUser; outcome: "existing" | "linked" | "created" } {
  return writeTransaction((tx) => {
    const partner = tx.select().from(partners).where(eq(partners.slug, partnerSlug)).get();
    // Checked at start-up; a partner removed since is a refusal, not a crash.
    if (!partner) throw new EntraSignInRefused("tenant-not-trusted", `no partner ${partnerSlug}`);
    const identityKey = and(
      eq(userIdentities.provider, ENTRA_PROVIDER),
      eq(userIdentities.tenantId, person.tenantId),
      eq(userIdentities.subject, person.objectId),
    );
    const linked = tx
      .select({ user: users })
      .from(userIdentities)
      .innerJoin(users, eq(users.id, userIdentities.userId))
      .where(identityKey)
      .get();
    if (linked) {
      const user = allowed(linked.user, partner.id, "linked");
      tx.update(userIdentities).set({ lastUsedAt: now }).where(identityKey).run();
      return { user, outcome: "existing" as const };
    }

    const sameEmail = tx.select().from(users).where(eq(users.email, person.email)).get();
    if (sameEmail) {
      const user = allowed(sameEmail, partner.id, "same email");
      // The email claim is not proof of who someone is (a tenant's administrator can set it): only an
      // invitation nobody has taken up yet (no password, never signed in, no Microsoft account) is linked by it.
      const anyLink = tx
        .select({ subject: userIdentities.subject })
        .from(userIdentities)
        .where(eq(userIdentities.userId, user.id))
        .get();
      if (sameEmail.passwordHash !== null || sameEmail.lastSignInAt !== null || anyLink) {
        throw new EntraSignInRefused("already-linked", `account ${user.id} is in use`);
      }
      insertIdentity(tx, person, user.id, now);
      // The invitation's link is no longer needed: Microsoft is this person's way in.
      retireAccountLinks(tx, user.id);
      recordEvent(tx, {
        type: "user.entra-linked",
        recordType: "user",
        recordId: user.id,
        actorId: user.id,
        source: "web",
        partnerIds: [partner.id],
        data: { tenantId: person.tenantId },
      });
      return { user, outcome: "linked" as const };
    }

    const newUser = {
      id: newUserId(),
      email: person.email,
      name: (person.name?.trim() || person.email).slice(0, ACCOUNT_LIMITS.name),
      role: "reader" as const,
      partnerId: partner.id,
      passwordHash: null,
      createdAt: now,
      jobTitle: null,
      lastSignInAt: null,
      deactivatedAt: null,
    };
    if (!maySignIn(newUser)) throw new EntraSignInRefused("account-may-not-sign-in", "demo address");
    tx.insert(users).values(newUser).run();
    insertIdentity(tx, person, newUser.id, now);
    recordEvent(tx, {
      type: "user.created",
      recordType: "user",
      recordId: newUser.id,
      actorId: newUser.id,
      source: "web",
      partnerIds: [partner.id],
      data: { email: newUser.email, role: newUser.role, via: "entra", tenantId: person.tenantId },
    });
    return { user: toSessionUser(newUser), outcome: "created" as const };
  }, db);
}

function insertIdentity(tx: Db, person: EntraPerson, userId: string, now: Date) {
  tx.insert(userIdentities)
    .values({
      provider: ENTRA_PROVIDER,
      tenantId: person.tenantId,
      subject: person.objectId,
      userId,
      createdAt: now,
      lastUsedAt: now,
    })
    .run();
}

/** The email of the token's claims, lower-cased, or null when there is none that is a valid address. */
export function emailFromClaims(claims: { email?: unknown; preferred_username?: unknown }): string | null {
  for (const candidate of [claims.email, claims.preferred_username]) {
    const parsed = EmailSchema.safeParse(typeof candidate === "string" ? candidate.trim() : undefined);
    if (parsed.success) return parsed.data;
  }
  return null;
}
