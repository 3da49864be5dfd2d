/**
 * The one write of a typed link and of its removal, with their events: shared
 * by the commands (a person in the web app) and the demo import. The rules of
 * the link itself (the relation, the object's kind and state, the note, no
 * twice) are checked here; who may is the commands' business.
 */
import { and, eq, or } from "drizzle-orm";
import type { ChangeSource, LinkRelation, RecordType } from "../../db/enums";
import { recordLinks } from "../../db/schema";
import { recordEvent } from "../events/event-log.server";
import type { Db } from "../platform/db.server";
import { NotFoundError, ValidationError } from "../platform/errors";
import { normaliseNewlines } from "../platform/text";
import { type LinkEnd, loadEnd, requireLinkableType } from "./link-ends.server";
import { acceptsKind, LINK_NOTE_MAX, relationRule } from "./link-relations";

/** A record by type and id, as links hold them. */
export interface RecordRef {
  type: RecordType;
  id: string | number;
}

export interface NewLink {
  subject: RecordRef;
  relation: string;
  object: RecordRef;
  note?: unknown;
}

export interface WriteMeta {
  actorId: string | null;
  source: ChangeSource;
  now: Date;
}

export type LinkRow = typeof recordLinks.$inferSelect;

/** The note as it is kept: trimmed, line ends made plain, no control characters; too long is a field error. */
export function parseLinkNote(raw: unknown): string {
  const note = normaliseNewlines(typeof raw === "string" ? raw : "").trim();
  if (note.length > LINK_NOTE_MAX) throw new ValidationError({ note: ["errors.links.noteTooLong"] });
  return note;
}

/** The two ends of a would-be link, loaded; NotFoundError when either does not exist. */
export function loadEnds(subject: RecordRef, object: RecordRef, tx: Db): { subject: LinkEnd; object: LinkEnd } {
  const subjectEnd = loadEnd(subject.type, String(subject.id), tx);
  const objectEnd = loadEnd(object.type, String(object.id), tx);
  if (!subjectEnd || !objectEnd) throw new NotFoundError("No such record");
  return { subject: subjectEnd, object: objectEnd };
}

/** What a link event carries (ids as strings, the object's title for timelines). */
function eventData(
  link: Pick<LinkRow, "subjectType" | "subjectId" | "relation" | "objectType" | "objectId">,
  title?: string,
) {
  return {
    subjectType: link.subjectType,
    subjectId: String(link.subjectId),
    relation: link.relation,
    objectType: link.objectType,
    objectId: String(link.objectId),
    ...(title ? { title: title.slice(0, 200) } : {}),
  };
}

/**
 * Writes a link and its "record_link.added" event. Call inside a write
 * transaction. Throws NotFoundError (an end does not exist) or
 * ValidationError (a relation these ends cannot have, an end that takes no
 * new links, a note too long, the same link twice).
 */
export function writeLink(
  tx: Db,
  link: NewLink,
  meta: WriteMeta,
): { link: LinkRow; ends: { subject: LinkEnd; object: LinkEnd }; eventId: number } {
  const ends = loadEnds(link.subject, link.object, tx);
  const relation = checkedRelation(link.relation, ends);
  const note = parseLinkNote(link.note);
  const key = {
    subjectType: ends.subject.type,
    subjectId: ends.subject.id,
    relation,
    objectType: ends.object.type,
    objectId: ends.object.id,
  };
  const existing = tx
    .select({ id: recordLinks.id })
    .from(recordLinks)
    .where(
      and(
        eq(recordLinks.subjectType, key.subjectType),
        eq(recordLinks.subjectId, key.subjectId),
        eq(recordLinks.relation, key.relation),
        eq(recordLinks.objectType, key.objectType),
        eq(recordLinks.objectId, key.objectId),
      ),
    )
    .get();
  if (existing) throw new ValidationError({ relation: ["errors.links.duplicate"] });
  const row = tx
    .insert(recordLinks)
    .values({ ...key, note, createdBy: meta.actorId, createdAt: meta.now })
    .returning()
    .get();
  const eventId = recordEvent(
    tx,
    {
      type: "record_link.added",
      recordType: "record_link",
      recordId: row.id,
      actorId: meta.actorId,
      source: meta.source,
      partnerIds: [...ends.subject.partnerIds, ...ends.object.partnerIds],
      data: eventData(row, ends.object.title),
    },
    meta.now,
  );
  return { link: row, ends, eventId };
}

/** The relation if these two ends may have it; a field error otherwise. */
function checkedRelation(raw: string, ends: { subject: LinkEnd; object: LinkEnd }): LinkRelation {
  const rule = relationRule(raw, ends.subject.type, ends.object.type);
  if (!rule) throw new ValidationError({ relation: ["errors.links.relationRequired"] });
  for (const end of [ends.subject, ends.object]) {
    const linkable = requireLinkableType(end.type);
    if (!linkable.acceptsNewLinks(end)) {
      throw new ValidationError({
        record: [linkable.isArchived(end) ? "errors.links.archived" : "errors.links.notPublished"],
      });
    }
  }
  if (!acceptsKind(rule.relation, ends.subject.type, ends.object.type, ends.object.kind)) {
    throw new ValidationError({ relation: ["errors.links.relationNotForKind"] });
  }
  return rule.relation;
}

/**
 * Deletes a link and records "record_link.removed". Call inside a write
 * transaction; `ends` are those still there (a post being deleted is passed
 * as it was, for the event's partners and title).
 */
export function deleteLink(
  tx: Db,
  link: LinkRow,
  ends: { subject?: LinkEnd | null; object?: LinkEnd | null },
  meta: WriteMeta,
): number {
  tx.delete(recordLinks).where(eq(recordLinks.id, link.id)).run();
  return recordEvent(
    tx,
    {
      type: "record_link.removed",
      recordType: "record_link",
      recordId: link.id,
      actorId: meta.actorId,
      source: meta.source,
      partnerIds: [...(ends.subject?.partnerIds ?? []), ...(ends.object?.partnerIds ?? [])],
      data: eventData(link, ends.object?.title),
    },
    meta.now,
  );
}

/** Every link a record is an end of, either way round. */
export function linksTouching(tx: Db, type: RecordType, id: string | number): LinkRow[] {
  const recordId = String(id);
  return tx
    .select()
    .from(recordLinks)
    .where(
      or(
        and(eq(recordLinks.subjectType, type), eq(recordLinks.subjectId, recordId)),
        and(eq(recordLinks.objectType, type), eq(recordLinks.objectId, recordId)),
      ),
    )
    .all();
}

/**
 * Removes every link of a record that is being deleted, one "record_link.removed"
 * each, in the deletion's transaction. `self` is the record as it was.
 */
export function removeLinksOf(tx: Db, self: LinkEnd, meta: WriteMeta): number[] {
  return linksTouching(tx, self.type, self.id).map((link) => {
    const otherIsSubject = link.objectType === self.type && link.objectId === self.id;
    const other = otherIsSubject
      ? loadEnd(link.subjectType, link.subjectId, tx)
      : loadEnd(link.objectType, link.objectId, tx);
    return deleteLink(
      tx,
      link,
      otherIsSubject ? { subject: other, object: self } : { subject: self, object: other },
      meta,
    );
  });
}
