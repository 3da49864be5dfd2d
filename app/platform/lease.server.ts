/**
 * Named leases in SQLite, so that one process at a time runs a singleton job
 * (the search relay) against a data folder, however many Hub processes share
 * it. A holder renews its lease while it works; if it dies, the lease runs out
 * and another process takes over.
 */

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { and, eq, sql } from "drizzle-orm";
import { leases } from "../../db/schema";
import { type Db, getDb, writeTransaction } from "./db.server";

/**
 * Which machine and which process namespace a holder runs in: the host name
 * alone is not enough, since containers sharing a data volume can share a
 * host name while each sees only its own processes (and pids).
 */
function processNamespace(): string {
  const read = (how: () => string) => {
    try {
      return how()
        .trim()
        .replace(/[^A-Za-z0-9-]/g, "");
    } catch {
      return "unknown";
    }
  };
  const boot = read(() => fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8"));
  const pids = read(() => fs.readlinkSync("/proc/self/ns/pid"));
  return `${os.hostname().replace(/[:@]/g, "-")}@${boot}@${pids}`;
}

/** A name for this process as a lease holder: where it runs, its pid and a random part (pids are reused). */
export function newHolderId(): string {
  return `${processNamespace()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/**
 * A holder in this machine's process namespace whose process no longer exists
 * (a Hub killed outright): its lease is free at once, rather than after it
 * runs out. A holder elsewhere (another machine, container or boot) is never
 * judged by its pid here.
 */
function isGoneFromThisMachine(holder: string): boolean {
  const [where, pid] = holder.split(":");
  if (where !== processNamespace() || where.includes("unknown") || !/^\d+$/.test(pid ?? "")) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Takes the lease, or renews it if `holder` has it; false when another
 * holder's lease is still running and its process may still be alive.
 */
export function acquireLease(name: string, holder: string, ttlMs: number, db: Db = getDb(), now = Date.now()): boolean {
  return writeTransaction((tx) => {
    const current = tx.select({ holder: leases.holder }).from(leases).where(eq(leases.name, name)).get();
    const holderGone = current !== undefined && current.holder !== holder && isGoneFromThisMachine(current.holder);
    const expiredBy = holderGone ? Number.MAX_SAFE_INTEGER : now;
    const result = tx
      .insert(leases)
      .values({ name, holder, expiresAt: new Date(now + ttlMs) })
      .onConflictDoUpdate({
        target: leases.name,
        set: { holder, expiresAt: new Date(now + ttlMs) },
        where: sql`${leases.holder} = ${holder} or ${leases.expiresAt} <= ${expiredBy}`,
      })
      .run();
    return result.changes === 1;
  }, db);
}

/** Gives the lease up at once, so another process need not wait for it to run out. */
export function releaseLease(name: string, holder: string, db: Db = getDb()): void {
  db.delete(leases)
    .where(and(eq(leases.name, name), eq(leases.holder, holder)))
    .run();
}

/** Who holds the lease now, or null when nobody's lease is running. */
export function leaseHolder(
  name: string,
  db: Db = getDb(),
  now = Date.now(),
): { holder: string; expiresAt: Date } | null {
  const row = db.select().from(leases).where(eq(leases.name, name)).get();
  return row && row.expiresAt.getTime() > now ? { holder: row.holder, expiresAt: row.expiresAt } : null;
}
