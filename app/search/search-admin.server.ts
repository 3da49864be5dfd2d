/** What administrators can see and do about the search index: parked records, and putting them back in line. */
import type { RecordType } from "../../db/enums";
import { ADMIN, holdsAny, type SessionUser } from "../auth/principals";
import { retryParked } from "../events/consumer-failures.server";
import { recordEvent } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ForbiddenError } from "../platform/errors";
import { SEARCH_CONSUMER } from "./search-relay.server";
import { listFailingRecords, searchIndexStatus } from "./search-status.server";
import { SEARCH_SOURCES } from "./sources.server";

function requireAdministrator(actor: SessionUser): void {
  if (!holdsAny(actor, [ADMIN])) throw new ForbiddenError("Only administrators manage the search index");
}

/** The index's state and every failing record, with its error and a link to it if it still exists. */
export function getSearchAdminView(actor: SessionUser, db: Db = getDb()) {
  requireAdministrator(actor);
  const failing = listFailingRecords(db);
  const labels = new Map<string, { title: string; url: string }>();
  for (const source of SEARCH_SOURCES) {
    const ids = failing.filter((row) => row.recordType === source.recordType).map((row) => row.recordId);
    if (ids.length === 0) continue;
    for (const [id, label] of source.describe(ids, db)) labels.set(`${source.recordType}:${id}`, label);
  }
  return {
    status: searchIndexStatus(db),
    failing: failing.map((row) => ({
      recordType: row.recordType,
      recordId: row.recordId,
      label: labels.get(`${row.recordType}:${row.recordId}`) ?? null,
      attempts: row.attempts,
      lastError: row.lastError,
      firstFailedAt: row.firstFailedAt,
      lastFailedAt: row.lastFailedAt,
      /** Null once parked: then only an administrator's retry (or a change to the record) tries it again. */
      retryAt: row.parkedAt ? null : row.retryAt,
      parked: row.parkedAt !== null,
    })),
  };
}

/**
 * Puts parked records back in line for the relay to try again; one record
 * when `record` is given, otherwise all of them. Each retry is an event, in
 * the same transaction: who asked is kept, and the relay, reading it, tries
 * the record at once. Returns how many were put back.
 */
export function retryParkedRecords(
  actor: SessionUser,
  record?: { recordType: RecordType; recordId: string },
  db: Db = getDb(),
): number {
  requireAdministrator(actor);
  return writeTransaction((tx) => {
    const retried = retryParked(tx, SEARCH_CONSUMER, record);
    for (const key of retried) {
      recordEvent(tx, {
        type: `${key.recordType}.search-retry-requested`,
        recordType: key.recordType,
        recordId: key.recordId,
        actorId: actor.id,
        source: "web",
        partnerIds: [],
      });
    }
    return retried.length;
  }, db);
}
