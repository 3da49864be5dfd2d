/**
 * The only module that imports lucia (v3 is in maintenance upstream): swapping
 * it for another session library touches this file alone.
 */
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan } from "lucia";
import { sessions, users } from "../../db/schema";
import { getDb } from "../platform/db.server";
import { getEnv, isProduction } from "../platform/env.server";
import type { SessionUser } from "./principals";

const COOKIE_NAME = "srs_hub_session";

function createLucia() {
  const env = getEnv();
  return new Lucia(new DrizzleSQLiteAdapter(getDb(), sessions, users), {
    // Idle expiry: lucia slides the expiry forward while the session is used.
    sessionExpiresIn: new TimeSpan(env.SESSION_IDLE_MINUTES, "m"),
    sessionCookie: {
      name: COOKIE_NAME,
      attributes: { secure: isProduction(), sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (attributes) => ({ createdAt: attributes.createdAt }),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      role: attributes.role,
      partnerId: attributes.partnerId,
    }),
  });
}

let lucia: ReturnType<typeof createLucia> | undefined;
function getLucia() {
  lucia ??= createLucia();
  return lucia;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseSessionAttributes: { createdAt: number };
    DatabaseUserAttributes: Omit<SessionUser, "id">;
  }
}

function absoluteLifetimeSeconds(): number {
  return getEnv().SESSION_MAX_HOURS * 60 * 60;
}

function serializeSessionCookie(sessionId: string): string {
  const cookie = getLucia().createSessionCookie(sessionId);
  // The browser may keep the cookie only as long as the session can possibly live.
  cookie.attributes.maxAge = absoluteLifetimeSeconds();
  return cookie.serialize();
}

/** Starts a brand-new session (never reuses one) and returns its Set-Cookie value. */
export async function startSession(userId: string): Promise<string> {
  const session = await getLucia().createSession(userId, { createdAt: Math.floor(Date.now() / 1000) });
  return serializeSessionCookie(session.id);
}

export function readSessionId(cookieHeader: string | null): string | null {
  return getLucia().readSessionCookie(cookieHeader ?? "");
}

/**
 * Returns the session's user, or null when the session is unknown, idle for
 * too long or past its absolute lifetime (in which case it is deleted).
 */
export async function validateSession(sessionId: string): Promise<{ user: SessionUser; sessionId: string } | null> {
  const { session, user } = await getLucia().validateSession(sessionId);
  if (!session || !user) return null;
  const ageSeconds = Date.now() / 1000 - session.createdAt;
  if (ageSeconds > absoluteLifetimeSeconds()) {
    await getLucia().invalidateSession(session.id);
    return null;
  }
  return {
    sessionId: session.id,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, partnerId: user.partnerId },
  };
}

export async function endSession(sessionId: string): Promise<void> {
  await getLucia().invalidateSession(sessionId);
}

export function blankSessionCookie(): string {
  return getLucia().createBlankSessionCookie().serialize();
}
