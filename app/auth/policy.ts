/**
 * The shape every record type's policy takes, and the one way to enforce it.
 * A policy answers "may this person do this to this record?" from the
 * principals they hold; its module also builds the SQL condition for "which
 * records may this person see?", and search documents carry `readers()` as
 * their visibility, so one rule decides pages, queries and search alike.
 */
import type { RecordType } from "../../db/enums";
import { ForbiddenError, NotFoundError } from "../platform/errors";
import { holdsAny, type Principal, type SessionUser } from "./principals";

export interface RecordPolicy<R, Action extends string> {
  recordType: RecordType;
  /** Who may see the record at all. */
  readers(record: R): Principal[];
  /** Who may take each action on it (reading is `readers`). */
  allowed(action: Action, record: R): Principal[];
}

export function can<R, Action extends string>(
  policy: RecordPolicy<R, Action>,
  user: SessionUser,
  action: Action | "read",
  record: R,
): boolean {
  return holdsAny(user, action === "read" ? policy.readers(record) : policy.allowed(action, record));
}

/**
 * Throws NotFoundError when the person may not see the record (so its
 * existence does not leak) and ForbiddenError when they may see it but not do this.
 */
export function authorize<R, Action extends string>(
  policy: RecordPolicy<R, Action>,
  user: SessionUser,
  action: Action | "read",
  record: R,
  what: string = policy.recordType,
): void {
  if (!can(policy, user, "read", record)) throw new NotFoundError(`No such ${what}`);
  if (action !== "read" && !can(policy, user, action, record)) {
    throw new ForbiddenError(`You may not ${action} this ${what}`);
  }
}
