/**
 * Who may read and change accounts: the one rule for the administrators'
 * pages (the list, a person with their history, invitations) and every
 * account command. Accounts are in no search index and no download.
 * One's own sessions and password are one's own (own-account.server.ts),
 * not a matter of this policy.
 */
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Db } from "../platform/db.server";
import { ForbiddenError } from "../platform/errors";
import { can, type RecordPolicy } from "./policy";
import { ADMIN, type SessionUser } from "./principals";

/** Changing a person's role or partner, (de)activating them, inviting them again, ending their sessions. */
export type AccountAction = "manage";

export const accountPolicy: RecordPolicy<{ id: string }, AccountAction> = {
  recordType: "user",
  readers: () => [ADMIN],
  allowed: () => [ADMIN],
};

/**
 * Accounts are for administrators only: anyone else is refused (403, not
 * 404: the pages themselves are no secret).
 */
export function requireAccountManager(actor: SessionUser, action: AccountAction | "read" = "manage"): void {
  if (!can(accountPolicy, actor, action, { id: "" })) throw new ForbiddenError("Only administrators manage accounts");
}

/**
 * The same rule, with the actor's role read again under the write lock: two
 * administrators demoting each other at the same moment cannot both succeed
 * and leave the Hub with none, and a deactivated administrator acts no more.
 */
export function requireAccountManagerNow(tx: Db, actor: SessionUser): void {
  const row = tx
    .select({ role: users.role, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, actor.id))
    .get();
  if (!row || row.deactivatedAt) throw new ForbiddenError("Only administrators manage accounts");
  requireAccountManager({ ...actor, role: row.role });
}
