/**
 * Revisions for any record type: every save keeps a versioned snapshot of the
 * record, who saved it (or what: the import, a script), when, and an optional
 * note from the person saving. A revision is `restricted` when not everyone
 * who may see the record may see that revision (a post's draft); the query
 * leaves those out unless the caller says the reader may see them.
 */
import { and, desc, eq, max } from "drizzle-orm";
import type { ChangeSource, RecordType } from "../../db/enums";
import { type RenderedFields, revisions, users } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";

export interface NewRevision<Snapshot> {
  recordType: RecordType;
  recordId: string | number;
  schemaVersion: number;
  snapshot: Snapshot;
  /** The record's Markdown fields as rendered for this save, when it has any. */
  rendered?: RenderedFields | null;
  restricted: boolean;
  actorId: string | null;
  source: ChangeSource;
  changeNote?: string | null;
  createdAt: Date;
}

/** Adds the next revision of a record; call it inside the transaction of the save. */
export function addRevision<Snapshot extends object>(tx: Db, revision: NewRevision<Snapshot>): number {
  const recordId = String(revision.recordId);
  const last = tx
    .select({ last: max(revisions.number) })
    .from(revisions)
    .where(and(eq(revisions.recordType, revision.recordType), eq(revisions.recordId, recordId)))
    .get();
  const number = (last?.last ?? 0) + 1;
  tx.insert(revisions)
    .values({
      recordType: revision.recordType,
      recordId,
      number,
      schemaVersion: revision.schemaVersion,
      snapshot: revision.snapshot as Record<string, unknown>,
      rendered: revision.rendered ?? null,
      restricted: revision.restricted,
      changeNote: revision.changeNote?.trim() || null,
      actorId: revision.actorId,
      source: revision.source,
      createdAt: revision.createdAt,
    })
    .run();
  return number;
}

export interface StoredRevision {
  number: number;
  schemaVersion: number;
  snapshot: Record<string, unknown>;
  restricted: boolean;
  changeNote: string | null;
  source: ChangeSource;
  actorName: string | null;
  createdAt: Date;
}

/**
 * A record's revisions, newest first; restricted ones only when
 * `includeRestricted`. Each is numbered by its place among those returned
 * (the oldest is 1), so gaps in the numbering never reveal that hidden
 * revisions exist; with every revision included that is the stored number.
 */
export function listRevisions(
  recordType: RecordType,
  recordId: string | number,
  { includeRestricted }: { includeRestricted: boolean },
  db: Db = getDb(),
): StoredRevision[] {
  const conditions = [eq(revisions.recordType, recordType), eq(revisions.recordId, String(recordId))];
  if (!includeRestricted) conditions.push(eq(revisions.restricted, false));
  return db
    .select({
      number: revisions.number,
      schemaVersion: revisions.schemaVersion,
      snapshot: revisions.snapshot,
      restricted: revisions.restricted,
      changeNote: revisions.changeNote,
      source: revisions.source,
      actorName: users.name,
      createdAt: revisions.createdAt,
    })
    .from(revisions)
    .leftJoin(users, eq(revisions.actorId, users.id))
    .where(and(...conditions))
    .orderBy(desc(revisions.number))
    .all()
    .map((revision, index, all) => ({ ...revision, number: all.length - index }));
}

/** Removes a record's history, with the record itself. */
export function deleteRevisions(tx: Db, recordType: RecordType, recordId: string | number): void {
  tx.delete(revisions)
    .where(and(eq(revisions.recordType, recordType), eq(revisions.recordId, String(recordId))))
    .run();
}
