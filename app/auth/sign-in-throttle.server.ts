/**
 * Throttling of failed sign-ins, per account and per address, kept in SQLite
 * so every process on the database shares it (decision 018).
 *
 * An attempt is counted as a failure *before* the password hash is computed
 * and forgiven when it succeeds, so a burst of parallel guesses cannot all
 * slip past the check. After a few free failures each further attempt must
 * wait, and the wait doubles with each failure, up to a ceiling. The same
 * rule applies whether or not the account exists, so the answer never
 * reveals which addresses have accounts.
 */
import { isIPv6 } from "node:net";
import { eq, inArray, sql } from "drizzle-orm";
import { signInThrottle } from "../../db/schema";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { countThrottledSignIn } from "../platform/metrics.server";

export interface ThrottleRule {
  /** Failures allowed before any wait. */
  free: number;
  /** The first wait, in milliseconds; it doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const THROTTLE_RULES = {
  account: { free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000 },
  // Generous: a whole office may sign in from one address.
  address: { free: 100, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottleRule>;

/** Failures older than this are forgotten. */
export const FAILURE_MEMORY_MS = 60 * 60_000;

type Scope = keyof typeof THROTTLE_RULES;

/**
 * The address a failure counts against: an IPv4 address as it is (also when
 * written as IPv6, "::ffff:10.0.0.7", or with a port), an IPv6 address by its /64 network,
 * since one household or attacker is given a whole /64 to pick from.
 */
export function addressGroup(address: string): string {
  // Some proxies write "address:port" ("[v6]:port"): the port changes with every connection.
  const withoutPort = address.replace(/^\[([^\]]+)\](:\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  const plain = withoutPort.replace(/%.*$/, "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  if (!isIPv6(plain)) return plain;
  const [head = "", tail] = plain.split("::");
  const front = head ? head.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const groups = tail === undefined ? front : [...front, ...Array(8 - front.length - back.length).fill("0"), ...back];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

export function throttleKeys(email: string, address: string): Record<Scope, string> {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${addressGroup(address)}` };
}

/** How long after the `failures`-th failure the next attempt must wait. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.baseDelayMs * 2 ** (failures - rule.free), rule.maxDelayMs);
}

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Decides whether a sign-in may be tried now; if so, counts it as a failure
 * straight away (see `forgiveAttempt`). Takes the write lock, so concurrent
 * attempts are counted one after another.
 */
export function beginAttempt(email: string, address: string, now = Date.now(), db: Db = getDb()): AttemptDecision {
  const keys = throttleKeys(email, address);
  return writeTransaction((tx) => {
    const rows = tx
      .select()
      .from(signInThrottle)
      .where(inArray(signInThrottle.key, Object.values(keys)))
      .all();
    const failuresOf = (scope: Scope) => {
      const row = rows.find((candidate) => candidate.key === keys[scope]);
      if (!row || now - row.lastFailedAt.getTime() > FAILURE_MEMORY_MS) return { failures: 0, lastFailedAt: 0 };
      return { failures: row.failures, lastFailedAt: row.lastFailedAt.getTime() };
    };
    let waitMs = 0;
    let waitingOn: Scope = "account";
    for (const scope of Object.keys(keys) as Scope[]) {
      const { failures, lastFailedAt } = failuresOf(scope);
      const scopeWaitMs = lastFailedAt + delayAfter(failures, THROTTLE_RULES[scope]) - now;
      if (scopeWaitMs > waitMs) [waitMs, waitingOn] = [scopeWaitMs, scope];
    }
    if (waitMs > 0) {
      countThrottledSignIn(waitingOn);
      return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    }
    for (const scope of Object.keys(keys) as Scope[]) {
      const failures = failuresOf(scope).failures + 1;
      tx.insert(signInThrottle)
        .values({ key: keys[scope], failures, lastFailedAt: new Date(now) })
        .onConflictDoUpdate({
          target: signInThrottle.key,
          set: { failures, lastFailedAt: new Date(now) },
        })
        .run();
    }
    return { allowed: true };
  }, db);
}

/**
 * The attempt succeeded: the account's failures are forgotten, and this
 * attempt no longer counts against the address (other failures from it still do).
 */
export function forgiveAttempt(email: string, address: string, db: Db = getDb()): void {
  const keys = throttleKeys(email, address);
  writeTransaction((tx) => {
    tx.delete(signInThrottle).where(eq(signInThrottle.key, keys.account)).run();
    tx.update(signInThrottle)
      .set({ failures: sql`max(${signInThrottle.failures} - 1, 0)` })
      .where(eq(signInThrottle.key, keys.address))
      .run();
  }, db);
}

/** Forgets failures nobody will look at again (run now and then). */
export function pruneThrottle(now = Date.now(), db: Db = getDb()): number {
  return db
    .delete(signInThrottle)
    .where(sql`${signInThrottle.lastFailedAt} < ${now - FAILURE_MEMORY_MS}`)
    .run().changes;
}

/**
 * How many accounts and addresses must wait before their next attempt now,
 * for monitoring. Only keys past their free failures can be waiting: few rows.
 */
export function blockedKeyCounts(now = Date.now(), db: Db = getDb()): Record<Scope, number> {
  const counts: Record<Scope, number> = { account: 0, address: 0 };
  const candidates = db
    .select()
    .from(signInThrottle)
    .where(
      sql`${signInThrottle.lastFailedAt} >= ${now - FAILURE_MEMORY_MS} and ${signInThrottle.failures} >= ${Math.min(THROTTLE_RULES.account.free, THROTTLE_RULES.address.free)}`,
    )
    .all();
  for (const row of candidates) {
    const scope: Scope = row.key.startsWith("address:") ? "address" : "account";
    if (row.lastFailedAt.getTime() + delayAfter(row.failures, THROTTLE_RULES[scope]) > now) counts[scope]++;
  }
  return counts;
}
