/**
 * Single-use account links: an invitation (7 days) or a password reset (1
 * hour). The link carries a random token; the database keeps only its
 * SHA-256, so a copy of the database opens no account. A link works once,
 * for an account that may sign in, until it expires; issuing a new one of the
 * same kind for the same person retires the earlier ones.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import {
  type AccountTokenPurpose,
  accountTokens,
  type ChangeSource,
  events,
  userIdentities,
  users,
} from "../../db/schema";
import { recordEvent } from "../events/event-log.server";
import { translator } from "../i18n/translate";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ValidationError } from "../platform/errors";
import { endAllSessionsIn } from "./lucia.server";
import { sendEmail } from "./mailer.server";
import { hashPassword } from "./password.server";
import { NewPasswordSchema } from "./password-policy.server";
import type { SessionUser } from "./principals";
import { maySignIn, toSessionUser } from "./users.server";

export const LINK_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  invitation: 7 * 24 * 60 * 60_000,
  "password-reset": 60 * 60_000,
};

const LINK_PATHS: Record<AccountTokenPurpose, string> = {
  invitation: "/account/accept/",
  "password-reset": "/account/reset/",
};

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The link was never issued, has been used, has expired or its account may no longer sign in. */
export class UnusableLinkError extends Error {
  override name = "UnusableLinkError";
}

export function tokenHashOf(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export function linkUrl(origin: string, purpose: AccountTokenPurpose, token: string): string {
  return `${origin}${LINK_PATHS[purpose]}${token}`;
}

/**
 * Issues a link inside the caller's transaction (with the event of the change
 * that asks for it) and returns its token, which is never stored.
 */
export function issueAccountLink(
  tx: Db,
  link: { purpose: AccountTokenPurpose; userId: string; createdBy: string | null },
  now = new Date(),
): { token: string; expiresAt: Date } {
  tx.delete(accountTokens)
    .where(
      and(eq(accountTokens.userId, link.userId), eq(accountTokens.purpose, link.purpose), isNull(accountTokens.usedAt)),
    )
    .run();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[link.purpose]);
  tx.insert(accountTokens)
    .values({ tokenHash: tokenHashOf(token), ...link, createdAt: now, expiresAt })
    .run();
  return { token, expiresAt };
}

/** Unused links stop working (an account deactivated keeps no way in). */
export function retireAccountLinks(tx: Db, userId: string): void {
  tx.delete(accountTokens)
    .where(and(eq(accountTokens.userId, userId), isNull(accountTokens.usedAt)))
    .run();
}

/**
 * True when the account signs in with Microsoft Entra ID. It is never given a
 * password by a link (an invitation or a reset): that would step round its
 * organisation's multi-factor authentication and conditional access.
 */
export function signsInWithMicrosoft(db: Db, userId: string): boolean {
  return Boolean(
    db.select({ userId: userIdentities.userId }).from(userIdentities).where(eq(userIdentities.userId, userId)).get(),
  );
}

/** The person a live link is for, or null: unknown, used, expired, of another kind, or for an account that may not sign in. */
export function findLiveLink(
  token: string,
  purpose: AccountTokenPurpose,
  now = new Date(),
  db: Db = getDb(),
): SessionUser | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = db
    .select({ user: users })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(
      and(
        eq(accountTokens.tokenHash, tokenHashOf(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .get();
  if (!row || !maySignIn(row.user)) return null;
  // An invitation is for choosing a first password: once there is one, it cannot overwrite it.
  if (purpose === "invitation" && row.user.passwordHash !== null) return null;
  if (signsInWithMicrosoft(db, row.user.id)) return null;
  return toSessionUser(row.user);
}

export interface NewPasswordInput {
  password: string;
  confirmPassword: string;
}

/** Checks a new password and its confirmation; throws ValidationError with the fields' message keys. */
export function validateNewPassword(input: NewPasswordInput, field = "password"): string {
  const parsed = NewPasswordSchema.safeParse(input.password);
  if (!parsed.success) throw new ValidationError({ [field]: [parsed.error.issues[0]?.message ?? ""] });
  if (input.password !== input.confirmPassword) {
    throw new ValidationError({ confirmPassword: ["errors.password.mismatch"] });
  }
  return parsed.data;
}

const COMPLETED_EVENT = {
  invitation: "user.invitation-accepted",
  "password-reset": "user.password-reset-completed",
} as const;

/**
 * Sets the person's password through a link (accepting an invitation, or a
 * reset) and uses the link up, in one transaction that also ends every
 * session the account had. The caller then starts the person's new session.
 * Throws UnusableLinkError when the link cannot be used (also when it was
 * used a moment ago by another request) and ValidationError for a password
 * the policy refuses.
 */
export async function setPasswordWithLink(
  token: string,
  purpose: AccountTokenPurpose,
  input: NewPasswordInput,
  db: Db = getDb(),
): Promise<SessionUser> {
  const user = findLiveLink(token, purpose, new Date(), db);
  if (!user) throw new UnusableLinkError("This link cannot be used");
  const password = validateNewPassword(input);
  const passwordHash = await hashPassword(password);
  return writeTransaction((tx) => {
    const now = new Date();
    // Checked again under the write lock: of two requests with one link, only the first sets a password.
    if (!findLiveLink(token, purpose, now, tx)) throw new UnusableLinkError("This link cannot be used");
    tx.update(accountTokens)
      .set({ usedAt: now })
      .where(eq(accountTokens.tokenHash, tokenHashOf(token)))
      .run();
    // Any other link of the account (an invitation still open, an earlier reset) dies with this one.
    retireAccountLinks(tx, user.id);
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    const sessionsEnded = endAllSessionsIn(tx, user.id);
    recordEvent(tx, {
      type: COMPLETED_EVENT[purpose],
      recordType: "user",
      recordId: user.id,
      actorId: user.id,
      source: "web",
      partnerIds: [user.partnerId],
      data: { sessionsEnded },
    });
    return user;
  }, db);
}

/** At most this many reset links per account an hour, so the form cannot flood someone's inbox. */
export const RESET_LINKS_PER_HOUR = 3;

/**
 * Issues a reset link for the account with this email, if there is one that
 * may sign in and it has not had too many links this hour; returns the link's
 * token and person, or null (the page says the same either way).
 */
export function issuePasswordReset(
  email: string,
  by: { source: ChangeSource; actorId: string | null },
  db: Db = getDb(),
): { token: string; user: SessionUser } | null {
  return writeTransaction((tx) => {
    const row = tx.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
    if (!row || !maySignIn(row)) return null;
    if (signsInWithMicrosoft(tx, row.id)) return null;
    // Earlier links are retired when a new one is issued, so the events count how many were asked for.
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    const recent = tx
      .select({ id: events.id })
      .from(events)
      .where(
        and(
          eq(events.recordType, "user"),
          eq(events.recordId, row.id),
          eq(events.type, "user.password-reset-requested"),
          eq(events.source, "web"),
          gt(events.occurredAt, hourAgo),
        ),
      )
      .all();
    // The script is the service desk's way in: it is not limited.
    if (by.source === "web" && recent.length >= RESET_LINKS_PER_HOUR) return null;
    const { token } = issueAccountLink(tx, { purpose: "password-reset", userId: row.id, createdBy: by.actorId });
    recordEvent(tx, {
      type: "user.password-reset-requested",
      recordType: "user",
      recordId: row.id,
      actorId: by.actorId,
      source: by.source,
      partnerIds: [row.partnerId],
    });
    return { token, user: toSessionUser(row) };
  }, db);
}

/** Emails a link to its person, in English (the Hub's only language so far). */
export async function emailAccountLink(
  purpose: AccountTokenPurpose,
  to: { name: string; email: string },
  url: string,
): Promise<void> {
  const t = translator("en");
  const hours = LINK_LIFETIME_MS[purpose] / (60 * 60_000);
  const [subject, text] =
    purpose === "invitation"
      ? [
          t("accountEmail.invitationSubject"),
          t("accountEmail.invitationText", { name: to.name, url, count: hours / 24 }),
        ]
      : [t("accountEmail.resetSubject"), t("accountEmail.resetText", { name: to.name, url, count: hours })];
  await sendEmail({ to: to.email, subject, text });
}
