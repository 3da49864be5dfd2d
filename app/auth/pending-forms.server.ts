/**
 * Forms kept across an ended session (WCAG 2.2.1, decision 031). A form sent
 * after its session has ended is not lost: its text fields are kept here for
 * an hour, bound to the person whose session it was, under a random token
 * that only their browser holds (in a cookie; the table holds its hash).
 * Once that same person signs in again, the form's page reads the kept
 * values back, once. Anyone else signing in on that browser discards them.
 */
import { createHash, randomBytes } from "node:crypto";
import { eq, lte } from "drizzle-orm";
import { pendingForms } from "../../db/schema";
import { readCookie } from "../platform/cookies";
import { getDb } from "../platform/db.server";
import { usesSecureCookies } from "../platform/transport.server";

/** Long enough to sign in again (a reset link included); short enough that little lies around. */
export const KEPT_FORM_MINUTES = 60;
const KEPT_FORM_MS = KEPT_FORM_MINUTES * 60 * 1000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Fields never written down, whatever the form: passwords and one-time secrets. */
const SECRET_FIELD = /password|secret|token|csrf/i;

export function keptFormCookieName(): string {
  return usesSecureCookies() ? "__Host-srs_kept_form" : "srs_kept_form";
}

function cookie(value: string, maxAgeSeconds: number): string {
  const secure = usesSecureCookies() ? "; Secure" : "";
  return `${keptFormCookieName()}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function clearKeptFormCookie(): string {
  return cookie("", 0);
}

function hashOf(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/**
 * The page a request is for, as the form's page and its sign-in see it:
 * Remix's own `index` and `_data` parameters are not part of the address.
 */
export function formPagePath(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete("index");
  parsed.searchParams.delete("_data");
  return `${parsed.pathname}${parsed.search}`;
}

/** The fields worth keeping: every text field by name; never files, never secrets. */
export function keepableFields(form: FormData): [string, string][] {
  const kept: [string, string][] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || SECRET_FIELD.test(name)) continue;
    kept.push([name, value]);
  }
  return kept;
}

/** Removes kept forms past their hour. */
export function purgeExpiredKeptForms(now = new Date()): number {
  return getDb().delete(pendingForms).where(lte(pendingForms.expiresAt, now)).run().changes;
}

/**
 * Keeps a form sent to `path` for `userId` and returns the Set-Cookie value
 * that lets this browser claim it back; null when nothing in it is worth keeping.
 */
export function keepForm(
  { userId, path, form }: { userId: string; path: string; form: FormData },
  now = new Date(),
): string | null {
  const fields = keepableFields(form);
  if (!fields.some(([, value]) => value.trim() !== "")) return null;
  purgeExpiredKeptForms(now);
  const token = randomBytes(32).toString("base64url");
  getDb()
    .insert(pendingForms)
    .values({
      tokenHash: hashOf(token),
      userId,
      path,
      fields,
      createdAt: now,
      expiresAt: new Date(now.getTime() + KEPT_FORM_MS),
    })
    .run();
  return cookie(token, KEPT_FORM_MINUTES * 60);
}

type KeptForm = typeof pendingForms.$inferSelect;

/** The live kept form this browser's cookie names, whoever it belongs to. */
function keptFormOf(request: Request, now: Date): KeptForm | null {
  const token = readCookie(request.headers.get("Cookie"), keptFormCookieName());
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const row = getDb()
    .select()
    .from(pendingForms)
    .where(eq(pendingForms.tokenHash, hashOf(token)))
    .get();
  return row && row.expiresAt.getTime() > now.getTime() ? row : null;
}

function discard(row: KeptForm): void {
  getDb().delete(pendingForms).where(eq(pendingForms.tokenHash, row.tokenHash)).run();
}

/** True when this browser has a form waiting for its author to sign in again (the sign-in page says so). */
export function hasKeptForm(request: Request, now = new Date()): boolean {
  return keptFormOf(request, now) !== null;
}

/**
 * At sign-in: the page to carry on at when the browser's kept form is the
 * person's own. A form someone else typed is discarded there and then, so
 * the next person at a shared computer never sees it.
 */
export function resumeKeptForm(request: Request, userId: string, now = new Date()): string | null {
  const row = keptFormOf(request, now);
  if (!row) return null;
  if (row.userId === userId) return row.path;
  discard(row);
  return null;
}

/**
 * What the signed-in person typed into this page's form before their session
 * ended, read once (the kept copy is then removed), or null. `read` turns the
 * fields into the values the page's form shows (the same reading as a
 * rejected save's), so this works for any form without knowing its fields.
 */
export function takeKeptForm<T>(
  request: Request,
  user: { id: string },
  read: (form: FormData) => T,
  now = new Date(),
): T | null {
  if (request.method !== "GET") return null;
  const row = keptFormOf(request, now);
  if (!row || row.userId !== user.id || row.path !== formPagePath(request.url)) return null;
  discard(row);
  const form = new FormData();
  for (const [name, value] of row.fields) form.append(name, value);
  return read(form);
}
