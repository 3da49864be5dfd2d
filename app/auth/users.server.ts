import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { boardMembers, type ChangeSource, partners, ROLES, users } from "../../db/schema";
import { recordEvent } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { isProduction } from "../platform/env.server";
import { ValidationError } from "../platform/errors";
import { preparedOnce } from "../platform/prepared.server";
import { ACCOUNT_LIMITS } from "./account-limits";
import { hashPassword, verifyPassword } from "./password.server";
import { NewPasswordSchema } from "./password-policy.server";
import type { BoardSeat, SessionUser } from "./principals";

/** Demo accounts share a published password: they never sign in to a production Hub. */
export const DEMO_EMAIL_DOMAIN = "demo.srs-hub.test";

export function isDemoEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`);
}

export const EmailSchema = z
  .email("errors.email.invalid")
  .max(ACCOUNT_LIMITS.email, "errors.email.invalid")
  .transform((email) => email.toLowerCase());

export const NewUserSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1, "errors.name.required").max(ACCOUNT_LIMITS.name, "errors.name.tooLong"),
  role: z.enum(ROLES, { error: "errors.role.unknown" }),
  partnerSlug: z.string({ error: "errors.partner.required" }).trim().min(1, "errors.partner.required"),
  password: NewPasswordSchema,
});

export type NewUser = z.input<typeof NewUserSchema>;

export function newUserId(): string {
  return randomBytes(15).toString("base64url");
}

const seatsOfUser = preparedOnce((db) =>
  db
    .select({ boardId: boardMembers.boardId, role: boardMembers.role })
    .from(boardMembers)
    .where(eq(boardMembers.userId, sql.placeholder("userId")))
    .orderBy(boardMembers.boardId)
    .prepare(),
);

/** The boards a person sits on: read with every session, so a new seat counts from the next request. */
export function boardSeatsOf(userId: string, db: Db = getDb()): BoardSeat[] {
  return seatsOfUser(db).all({ userId });
}

export function toSessionUser(user: typeof users.$inferSelect, db: Db = getDb()): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    partnerId: user.partnerId,
    boardSeats: boardSeatsOf(user.id, db),
  };
}

/** Creates an account; the partner is looked up by slug. Throws ValidationError on bad input. */
export async function createUser(
  input: NewUser,
  db: Db = getDb(),
  by: { actorId: string | null; source: ChangeSource } = { actorId: null, source: "script" },
): Promise<SessionUser> {
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { email, name, role, partnerSlug, password } = parsed.data;
  const partner = db.select({ id: partners.id }).from(partners).where(eq(partners.slug, partnerSlug)).get();
  if (!partner) throw new ValidationError({ partnerSlug: ["errors.partner.unknown"] });
  if (getUserByEmail(email, db)) throw new ValidationError({ email: ["errors.email.taken"] });
  const passwordHash = await hashPassword(password);
  const id = newUserId();
  writeTransaction((tx) => {
    tx.insert(users)
      .values({ id, email, name, role, partnerId: partner.id, passwordHash, createdAt: new Date() })
      .run();
    recordEvent(tx, {
      type: "user.created",
      recordType: "user",
      recordId: id,
      actorId: by.actorId,
      source: by.source,
      partnerIds: [partner.id],
      data: { email, role },
    });
  }, db);
  return { id, email, name, role, partnerId: partner.id, boardSeats: [] };
}

export function getUserByEmail(email: string, db: Db = getDb()) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get() ?? null;
}

export function getUserById(id: string, db: Db = getDb()) {
  return db.select().from(users).where(eq(users.id, id)).get() ?? null;
}

/** False for a deactivated account, and for demo accounts on a production Hub. */
export function maySignIn(user: { email: string; deactivatedAt: Date | number | null }): boolean {
  if (user.deactivatedAt) return false;
  return !(isProduction() && isDemoEmail(user.email));
}

// Verifying against a real hash when the email is unknown keeps response times
// alike, so timing does not reveal which addresses have accounts.
let decoyHash: Promise<string> | undefined;

/**
 * Returns the user when the email and password match and the account may
 * sign in, otherwise null (the caller cannot tell which check failed).
 */
export async function authenticate(email: string, password: string, db: Db = getDb()): Promise<SessionUser | null> {
  const user = getUserByEmail(email, db);
  if (!user?.passwordHash) {
    decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await verifyPassword(await decoyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return maySignIn(user) ? toSessionUser(user) : null;
}
