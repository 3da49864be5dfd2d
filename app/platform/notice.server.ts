/**
 * The one-time success message shown after a change ("Lesson published"):
 * the action that made the change redirects with a short-lived cookie, and
 * the next page shows the message once and clears it (the root loader does
 * both). The cookie holds a message key and a few short values, never
 * anything from the database; it is read as untrusted input.
 */
import { redirect } from "@remix-run/node";
import { readCookie } from "./cookies";
import { usesSecureCookies } from "./transport.server";

/** What the banner says: a message key under `notices.` and its values. */
export interface Notice {
  key: string;
  params?: Record<string, string | number>;
  /** Said below the heading when a change is saved but not yet searchable. */
  searchPending?: boolean;
}

const KEY = /^notices\.[A-Za-z0-9.-]{1,80}$/;
const MAX_PARAM_LENGTH = 200;
const MAX_AGE_SECONDS = 120;

export function noticeCookieName(): string {
  return usesSecureCookies() ? "__Host-srs_notice" : "srs_notice";
}

function attributes(maxAge: number): string {
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${usesSecureCookies() ? "; Secure" : ""}`;
}

export function noticeCookie(notice: Notice): string {
  const value = Buffer.from(JSON.stringify(notice)).toString("base64url");
  return `${noticeCookieName()}=${value}; ${attributes(MAX_AGE_SECONDS)}`;
}

export function clearNoticeCookie(): string {
  return `${noticeCookieName()}=; ${attributes(0)}`;
}

/** Redirects to `url` and shows `notice` on the page there. */
export function redirectWithNotice(url: string, notice: Notice, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", noticeCookie(notice));
  return redirect(url, { ...init, headers });
}

/** The notice a request carries, if it is well formed; anything else is ignored. */
export function readNotice(request: Request): Notice | null {
  const raw = readCookie(request.headers.get("Cookie"), noticeCookieName());
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!parsed || typeof parsed !== "object") return null;
    const { key, params, searchPending } = parsed as Record<string, unknown>;
    if (typeof key !== "string" || !KEY.test(key)) return null;
    const clean: Record<string, string | number> = {};
    if (params && typeof params === "object") {
      for (const [name, value] of Object.entries(params)) {
        if (typeof value === "number" && Number.isFinite(value)) clean[name] = value;
        else if (typeof value === "string") clean[name] = value.slice(0, MAX_PARAM_LENGTH);
      }
    }
    return { key, params: clean, searchPending: searchPending === true };
  } catch {
    return null;
  }
}
