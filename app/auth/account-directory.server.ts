/**
 * Accounts as administrators see them: the list of people (search, filters,
 * pages) and one person's details with their account's history, read from
 * the "user.*" events of the event log.
 */
import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { events, partners, ROLES, type Role, users } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";
import { NotFoundError } from "../platform/errors";
import { ACCOUNT_LIMITS } from "./account-limits";
import { requireAccountManager } from "./account-policy.server";
import { listSessions } from "./lucia.server";
import type { SessionUser } from "./principals";

export const ACCOUNTS_PAGE_SIZE = 25;

export interface AccountQuery {
  q?: string;
  role?: Role;
  partner?: string;
  page: number;
}

/** Reads the list's filters from a URL; malformed values are ignored, never an error. */
export function parseAccountQuery(searchParams: URLSearchParams): AccountQuery {
  const q = (searchParams.get("q") ?? "").trim().slice(0, ACCOUNT_LIMITS.email);
  const role = searchParams.get("role") ?? "";
  const partner = (searchParams.get("partner") ?? "").trim();
  const page = Number.parseInt(searchParams.get("page") ?? "1", 10);
  return {
    q: q || undefined,
    role: (ROLES as readonly string[]).includes(role) ? (role as Role) : undefined,
    partner: /^[a-z0-9-]{1,80}$/.test(partner) ? partner : undefined,
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}

/** People matching the query (name or email contains `q`), by name, a page at a time. */
export function listAccounts(actor: SessionUser, query: AccountQuery, db: Db = getDb()) {
  requireAccountManager(actor, "read");
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(
      sql`(lower(${users.name}) like ${pattern} escape '\\' or ${users.email} like ${pattern} escape '\\')`,
    );
  }
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.partner) conditions.push(eq(partners.slug, query.partner));
  const where = conditions.length ? and(...conditions) : undefined;
  const total =
    db.select({ total: count() }).from(users).innerJoin(partners, eq(partners.id, users.partnerId)).where(where).get()
      ?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const people = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      partnerName: partners.name,
      invited: sql<boolean>`${users.passwordHash} is null and ${users.lastSignInAt} is null`.mapWith(Boolean),
      lastSignInAt: users.lastSignInAt,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(where)
    .orderBy(asc(users.name), asc(users.email))
    .limit(ACCOUNTS_PAGE_SIZE)
    .offset((page - 1) * ACCOUNTS_PAGE_SIZE)
    .all();
  return { people, total, page, pageCount };
}

/** One person as administrators see them, with their account's history (newest first). */
export function getAccountForAdmin(actor: SessionUser, userId: string, db: Db = getDb()) {
  requireAccountManager(actor, "read");
  const row = db
    .select({ user: users, partner: { slug: partners.slug, name: partners.name } })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, userId))
    .get();
  if (!row) throw new NotFoundError("No such person");
  const history = db
    .select()
    .from(events)
    .where(and(eq(events.recordType, "user"), eq(events.recordId, userId)))
    .orderBy(desc(events.id))
    .limit(100)
    .all();
  const actorIds = [...new Set(history.flatMap((event) => (event.actorId ? [event.actorId] : [])))];
  const actors = actorIds.length
    ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds)).all()
    : [];
  const nameOf = new Map(actors.map((person) => [person.id, person.name]));
  const { user, partner } = row;
  return {
    person: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      partner,
      createdAt: user.createdAt,
      lastSignInAt: user.lastSignInAt,
      deactivatedAt: user.deactivatedAt,
      hasPassword: user.passwordHash !== null,
      liveSessions: listSessions(user.id).length,
    },
    history: history.map((event) => ({
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt,
      actorName: event.actorId ? (nameOf.get(event.actorId) ?? null) : null,
      hasActor: event.actorId !== null,
      source: event.source,
      data: event.data,
    })),
  };
}
