import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { getDb } from "../platform/db.server";
import { noteSignedInUser, type RecordedRequest } from "../platform/request-record.server";
import { endSession, readSessionId, validateSession } from "./lucia.server";
import { formPagePath, keepForm } from "./pending-forms.server";
import type { SessionUser } from "./principals";

// The root loader and the page's own loader both ask who is signed in: validate once per request.
const usersByRequest = new WeakMap<Request, Promise<SessionUser | null>>();
// Whose session a form was sent under, read before validation deletes an ended session.
const formSendersByRequest = new WeakMap<Request, string | null>();

function sendsForm(request: Request): boolean {
  return request.method !== "GET" && request.method !== "HEAD";
}

/** The person a session belongs to, live or ended, while its row is still there. */
function sessionOwnerOf(request: Request): string | null {
  const sessionId = readSessionId(request.headers.get("Cookie"));
  if (!sessionId) return null;
  const row = getDb().select({ userId: sessions.userId }).from(sessions).where(eq(sessions.id, sessionId)).get();
  return row?.userId ?? null;
}

/**
 * The user whose session a request's Cookie header carries, or null, noted
 * for the request's log line. Takes a fetch Request (Remix) or Node's
 * headers (the health endpoints, served before Remix).
 */
export async function signedInUserOf(request: RecordedRequest): Promise<SessionUser | null> {
  const cookie = request.headers instanceof Headers ? request.headers.get("Cookie") : request.headers.cookie;
  const sessionId = readSessionId(typeof cookie === "string" ? cookie : null);
  if (!sessionId) return null;
  const result = await validateSession(sessionId);
  // For the request's log line: who made it.
  if (result) noteSignedInUser(request, result.user.id);
  return result?.user ?? null;
}

/** The signed-in user, or null. */
export function getUser(request: Request): Promise<SessionUser | null> {
  let user = usersByRequest.get(request);
  if (!user) {
    if (sendsForm(request)) formSendersByRequest.set(request, sessionOwnerOf(request));
    user = signedInUserOf(request);
    usersByRequest.set(request, user);
  }
  return user;
}

/**
 * The signed-in user; otherwise throws a redirect to /login that comes back
 * here. A form sent after its session ended is kept for the person it
 * belonged to (decision 031): every action calls this before reading its
 * form, so this one place keeps forms for every route.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const redirectTo = formPagePath(request.url);
  const search = redirectTo === "/" ? "" : `?${new URLSearchParams({ redirectTo })}`;
  const keptCookie = await keepSentForm(request, redirectTo);
  throw redirect(`/login${search}`, keptCookie ? { headers: { "Set-Cookie": keptCookie } } : undefined);
}

/**
 * Keeps the text a person sent when their session had ended. Only when the
 * ended session still says whose it was: a form from a browser that was
 * never signed in, or whose session was ended on purpose (signed out
 * everywhere, deactivated: the row is gone), is not kept for anyone.
 */
async function keepSentForm(request: Request, path: string): Promise<string | null> {
  const userId = formSendersByRequest.get(request);
  if (!sendsForm(request) || !userId) return null;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null;
  }
  return keepForm({ userId, path, form });
}

/** Sends signed-in users away from pages meant for visitors, such as /login. */
export async function requireAnonymous(request: Request, to = "/"): Promise<void> {
  if (await getUser(request)) throw redirect(to);
}

export async function endRequestSession(request: Request): Promise<void> {
  const sessionId = readSessionId(request.headers.get("Cookie"));
  if (sessionId) await endSession(sessionId);
}

const OWN_ORIGIN = "http://hub.invalid";

/** True when `path`, followed by a browser from a page on the Hub, stays on the Hub. */
function staysOnHub(path: string): boolean {
  return new URL(path, OWN_ORIGIN).origin === OWN_ORIGIN;
}

/**
 * Only paths on the Hub are followed after sign-in. The target is resolved the
 * way a browser would (which drops tabs and newlines, reads "/\\" as "//" and
 * removes dot segments, encoded or not), and the resolved path must itself
 * stay on the Hub: "/.//evil.example" resolves to "//evil.example", which a
 * browser reads as another host. The result carries no control characters
 * into the Location header.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  try {
    if (!staysOnHub(target)) return fallback;
    const url = new URL(target, OWN_ORIGIN);
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith("//") || !staysOnHub(path) ? fallback : path;
  } catch {
    return fallback;
  }
}
