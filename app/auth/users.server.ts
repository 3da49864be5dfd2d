import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { partners, ROLES, users } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";
import { ValidationError } from "../platform/errors";
import { ACCOUNT_LIMITS } from "./account-limits";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password.server";
import type { SessionUser } from "./principals";

export const NewUserSchema = z
  .object({
    email: z
      .email("errors.email.invalid")
      .max(ACCOUNT_LIMITS.email, "errors.email.invalid")
      .transform((email) => email.toLowerCase()),
    name: z.string().trim().min(1, "errors.name.required").max(ACCOUNT_LIMITS.name, "errors.name.tooLong"),
    role: z.enum(ROLES, { error: "errors.role.unknown" }),
    partnerSlug: z.string().trim().optional(),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, "errors.password.tooShort")
      .max(ACCOUNT_LIMITS.passwordMax, "errors.password.tooLong"),
  })
  .refine((user) => user.role !== "editor" || Boolean(user.partnerSlug), {
    path: ["partnerSlug"],
    message: "errors.partner.requiredForEditor",
  });

export type NewUser = z.input<typeof NewUserSchema>;

function newUserId(): string {
  return randomBytes(15).toString("base64url");
}

/** Creates an account; the partner is looked up by slug. Throws ValidationError on bad input. */
export async function createUser(input: NewUser, db: Db = getDb()): Promise<SessionUser> {
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { email, name, role, partnerSlug, password } = parsed.data;
  let partnerId: number | null = null;
  if (partnerSlug) {
    const partner = db.select({ id: partners.id }).from(partners).where(eq(partners.slug, partnerSlug)).get();
    if (!partner) throw new ValidationError({ partnerSlug: ["errors.partner.unknown"] });
    partnerId = partner.id;
  }
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    throw new ValidationError({ email: ["errors.email.taken"] });
  }
  const passwordHash = await hashPassword(password);
  const id = newUserId();
  db.insert(users).values({ id, email, name, role, partnerId, passwordHash, createdAt: new Date() }).run();
  return { id, email, name, role, partnerId };
}

export function getUserByEmail(email: string, db: Db = getDb()) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get() ?? null;
}

// Verifying against a real hash when the email is unknown keeps response times
// alike, so timing does not reveal which addresses have accounts.
let decoyHash: Promise<string> | undefined;

/** Returns the user when the email and password match, otherwise null. */
export async function authenticate(email: string, password: string, db: Db = getDb()): Promise<SessionUser | null> {
  const user = getUserByEmail(email, db);
  if (!user) {
    decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await verifyPassword(await decoyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, partnerId: user.partnerId };
}
