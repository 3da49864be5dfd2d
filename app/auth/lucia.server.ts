/**
 * The only module that imports lucia (v3 is in maintenance upstream): swapping
 * it for another session library touches this file alone.
 *
 * The browser's cookie holds a random token; the database holds only its
 * SHA-256 as the session id, so a copy of the database cannot be used to take
 * over a session (decision 017).
 */
import { createHash, randomBytes } from "node:crypto";
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { and, eq, ne, sql } from "drizzle-orm";
import { type DatabaseSession, type DatabaseUser, Lucia, TimeSpan } from "lucia";
import { sessions, users } from "../../db/schema";
import { readCookie } from "../platform/cookies";
import { type Db, getDb } from "../platform/db.server";
import { getEnv } from "../platform/env.server";
import { preparedOnce } from "../platform/prepared.server";
import { usesSecureCookies } from "../platform/transport.server";
import type { SessionUser } from "./principals";
import { boardSeatsOf, maySignIn } from "./users.server";

export type SignInMethod = "password" | "entra";

const USER_AGENT_MAX = 200;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function cookieName(): string {
  // `__Host-` binds the cookie to this host over HTTPS, with no Domain and path "/".
  return usesSecureCookies() ? "__Host-srs_hub_session" : "srs_hub_session";
}

/** A session and the columns of its person that a request needs, in one prepared query. */
const sessionAndUser = preparedOnce((db) =>
  db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
      method: sessions.method,
      userAgent: sessions.userAgent,
      email: users.email,
      name: users.name,
      role: users.role,
      partnerId: users.partnerId,
      deactivatedAt: users.deactivatedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare(),
);

/**
 * lucia's drizzle adapter, but reading a session with one prepared query
 * instead of two built each time (and never the password hash): every
 * signed-in request reads its session.
 */
class SessionAdapter extends DrizzleSQLiteAdapter {
  constructor(private readonly database: Db) {
    super(database, sessions, users);
  }

  override async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = sessionAndUser(this.database).get({ id: sessionId });
    if (!row) return [null, null];
    const { id, userId, expiresAt, createdAt, method, userAgent, ...person } = row;
    return [
      { id, userId, expiresAt: new Date(expiresAt * 1000), attributes: { createdAt, method, userAgent } },
      { id: userId, attributes: { ...person, boardSeats: boardSeatsOf(userId, this.database) } },
    ];
  }
}

function createLucia() {
  const env = getEnv();
  return new Lucia(new SessionAdapter(getDb()), {
    // Idle expiry: lucia slides the expiry forward while the session is used.
    sessionExpiresIn: new TimeSpan(env.SESSION_IDLE_MINUTES, "m"),
    sessionCookie: {
      name: cookieName(),
      attributes: { secure: usesSecureCookies(), sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (attributes) => ({
      createdAt: attributes.createdAt,
      method: attributes.method,
      userAgent: attributes.userAgent,
    }),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      role: attributes.role,
      partnerId: attributes.partnerId,
      boardSeats: attributes.boardSeats,
      deactivatedAt: attributes.deactivatedAt,
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
    DatabaseSessionAttributes: { createdAt: number; method: string; userAgent: string | null };
    DatabaseUserAttributes: Omit<SessionUser, "id"> & { deactivatedAt: Date | number | null };
  }
}

function absoluteLifetimeSeconds(): number {
  return getEnv().SESSION_MAX_HOURS * 60 * 60;
}

/** The session id stored for a cookie's token. */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

function serializeSessionCookie(token: string): string {
  const cookie = getLucia().createSessionCookie(token);
  // The browser may keep the cookie only as long as the session can possibly live.
  cookie.attributes.maxAge = absoluteLifetimeSeconds();
  return cookie.serialize();
}

/** Starts a brand-new session (never reuses one) and returns its Set-Cookie value. */
export async function startSession(
  userId: string,
  details: { method: SignInMethod; userAgent?: string | null },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await getLucia().createSession(
    userId,
    {
      createdAt: Math.floor(Date.now() / 1000),
      method: details.method,
      userAgent: details.userAgent?.slice(0, USER_AGENT_MAX) || null,
    },
    { sessionId: sessionIdOf(token) },
  );
  getDb().update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId)).run();
  return serializeSessionCookie(token);
}

/**
 * The session id for the request's cookie, or null. A malformed Cookie
 * header (a stray `%`, odd quoting) is read as no cookie at all, never an error.
 */
export function readSessionId(cookieHeader: string | null): string | null {
  const token = readCookie(cookieHeader, cookieName());
  return token && TOKEN_PATTERN.test(token) ? sessionIdOf(token) : null;
}

/**
 * Returns the session's user, or null when the session is unknown, idle for
 * too long, past its absolute lifetime (then deleted) or the account is deactivated.
 */
export async function validateSession(sessionId: string): Promise<{ user: SessionUser; sessionId: string } | null> {
  const { session, user } = await getLucia().validateSession(sessionId);
  if (!session || !user) return null;
  const ageSeconds = Date.now() / 1000 - session.createdAt;
  if (ageSeconds > absoluteLifetimeSeconds() || !maySignIn({ email: user.email, deactivatedAt: user.deactivatedAt })) {
    await getLucia().invalidateSession(session.id);
    return null;
  }
  return {
    sessionId: session.id,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      partnerId: user.partnerId,
      boardSeats: user.boardSeats,
    },
  };
}

export async function endSession(sessionId: string): Promise<void> {
  await getLucia().invalidateSession(sessionId);
}

export interface SessionSummary {
  id: string;
  method: string;
  userAgent: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** A person's live sessions, newest first. */
export function listSessions(userId: string): SessionSummary[] {
  const now = Math.floor(Date.now() / 1000);
  return getDb()
    .select()
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all()
    .filter((row) => row.expiresAt > now && now - row.createdAt <= absoluteLifetimeSeconds())
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((row) => ({
      id: row.id,
      method: row.method,
      userAgent: row.userAgent,
      createdAt: new Date(row.createdAt * 1000),
      expiresAt: new Date(row.expiresAt * 1000),
    }));
}

/**
 * Ends every session of a person inside the caller's transaction, so the
 * change that calls for it (deactivation, a new password) and the end of the
 * sessions commit together. Returns how many were ended.
 */
export function endAllSessionsIn(tx: Db, userId: string): number {
  return tx.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

/** Ends one of the person's own sessions; false when it is not theirs (or gone). */
export function endOwnSession(userId: string, sessionId: string): boolean {
  return (
    getDb()
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
      .run().changes > 0
  );
}

/** Ends all the person's sessions except the one in use (inside the caller's transaction when given one). */
export function endOtherSessions(userId: string, keepSessionId: string, db: Db = getDb()): number {
  return db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
    .run().changes;
}

export function blankSessionCookie(): string {
  return getLucia().createBlankSessionCookie().serialize();
}
