/** What every signed-in person can do to their own account: see and end their sessions, change their password. */
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { recordEvent } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { NotFoundError, ValidationError } from "../platform/errors";
import { retireAccountLinks, validateNewPassword } from "./account-links.server";
import { endOtherSessions, endOwnSession, listSessions } from "./lucia.server";
import { hashPassword, verifyPassword } from "./password.server";
import type { SessionUser } from "./principals";
import { beginAttempt, forgiveAttempt } from "./sign-in-throttle.server";

/** The person's live sessions, newest first, the one in use marked. */
export function listOwnSessions(user: SessionUser, currentSessionId: string) {
  return listSessions(user.id).map((session) => ({ ...session, current: session.id === currentSessionId }));
}

/** Ends one of the person's other sessions; NotFoundError when it is not theirs or already over. */
export function endOneOwnSession(user: SessionUser, sessionId: string): void {
  if (!endOwnSession(user.id, sessionId)) throw new NotFoundError("No such session");
}

export function endOwnOtherSessions(user: SessionUser, currentSessionId: string): number {
  return endOtherSessions(user.id, currentSessionId);
}

export interface PasswordChange {
  currentPassword: string;
  password: string;
  confirmPassword: string;
}

/**
 * Changes the person's password once their current one is confirmed (a
 * session left open on a shared computer is not enough), then ends their
 * other sessions, in the same transaction as the change and its event. Wrong
 * current passwords count against sign-in throttling, like wrong sign-ins.
 */
export async function changeOwnPassword(
  user: SessionUser,
  currentSessionId: string,
  input: PasswordChange,
  clientAddress: string,
  db: Db = getDb(),
): Promise<{ otherSessionsEnded: number }> {
  if (!input.currentPassword) throw new ValidationError({ currentPassword: ["errors.password.currentRequired"] });
  const password = validateNewPassword(input);
  const attempt = beginAttempt(user.email, clientAddress, Date.now(), db);
  if (!attempt.allowed) throw new ValidationError({ currentPassword: ["errors.password.currentThrottled"] });
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new ValidationError({ currentPassword: ["errors.password.currentWrong"] });
  }
  forgiveAttempt(user.email, clientAddress, db);
  if (password === input.currentPassword) throw new ValidationError({ password: ["errors.password.same"] });
  const passwordHash = await hashPassword(password);
  return writeTransaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    // A reset link asked for earlier must not undo the change.
    retireAccountLinks(tx, user.id);
    const otherSessionsEnded = endOtherSessions(user.id, currentSessionId, tx);
    recordEvent(tx, {
      type: "user.password-changed",
      recordType: "user",
      recordId: user.id,
      actorId: user.id,
      source: "web",
      partnerIds: [user.partnerId],
      data: { otherSessionsEnded },
    });
    return { otherSessionsEnded };
  }, db);
}
