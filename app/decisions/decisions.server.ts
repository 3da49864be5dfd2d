/**
 * Reading decisions: one by its reference (in any case), as its page shows
 * it to this reader (the whole decision, or the restricted view of a
 * confidential one: reference, date, board, status); a meeting's decisions;
 * the decisions affecting a roadmap item; a decision's revisions.
 */

import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DecisionStatus } from "../../db/enums";
import { agendaItems, boards, decisions, meetings, recordLinks, roadmapItems, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { agendaNumbersFor } from "../boards/agenda-numbers.server";
import { canOnDecision } from "../boards/decision-policy.server";
import { inLocale } from "../i18n/bilingual";
import type { Locale } from "../i18n/translate";
import { renderedHtml } from "../markdown/render-for-save.server";
import { type Db, getDb } from "../platform/db.server";
import { NotFoundError } from "../platform/errors";
import { datePartsOf } from "../posts/post-dates";
import { listRevisions } from "../revisions/revisions.server";
import { listLeadOfficers } from "./decision-checks.server";
import { normaliseDecisionReference } from "./decision-references";
import type { DecisionFormValues } from "./decision-schemas";
import type { DecisionRow, DecisionSnapshot } from "./decision-writes.server";

/** The decision at this reference (`sb-2026-001` finds `SB-2026-001`), or null. */
export function findDecision(reference: string, db: Db = getDb()): DecisionRow | null {
  const normal = normaliseDecisionReference(reference);
  if (!normal) return null;
  return db.select().from(decisions).where(eq(decisions.reference, normal)).get() ?? null;
}

/** A decision as another one's page names it: its title only for those who may read it. */
export interface DecisionMention {
  reference: string;
  title: string | null;
}

function mention(reader: SessionUser, row: DecisionRow, locale: Locale): DecisionMention {
  return {
    reference: row.reference,
    title: canOnDecision(reader, "readContent", row) ? inLocale(row.title, row.titleCy, locale).text : null,
  };
}

interface DecisionPlace {
  board: { slug: string; name: string };
  meeting: { id: number; startsAt: string };
}

/** What everyone sees of any decision: what the register shows of a confidential one. */
export interface RestrictedDecision extends DecisionPlace {
  restricted: true;
  reference: string;
  status: DecisionStatus;
}

export interface FullDecision extends DecisionPlace {
  restricted: false;
  id: number;
  reference: string;
  status: DecisionStatus;
  title: string;
  textHtml: string;
  decisionMaker: string;
  effectiveDate: string | null;
  leadOfficer: string | null;
  confidential: boolean;
  agendaItem: { position: number; title: string } | null;
  supersededBy: DecisionMention | null;
  supersedes: DecisionMention[];
  withdrawn: { by: string | null; reason: string } | null;
  mayManage: boolean;
}

function placeOf(row: DecisionRow, db: Db): DecisionPlace {
  const place = db
    .select({ slug: boards.slug, name: boards.name, startsAt: meetings.startsAt })
    .from(meetings)
    .innerJoin(boards, eq(boards.id, meetings.boardId))
    .where(eq(meetings.id, row.meetingId))
    .get();
  if (!place) throw new Error(`Decision ${row.reference} has no meeting`);
  return {
    board: { slug: place.slug, name: place.name },
    meeting: { id: row.meetingId, startsAt: place.startsAt.toISOString() },
  };
}

const nameOf = (db: Db, id: string | null) =>
  id ? (db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null) : null;

/** The decision's page as this reader may see it; NotFoundError when there is no such reference. */
export function decisionForPage(
  reader: SessionUser,
  reference: string,
  locale: Locale,
  db: Db = getDb(),
): RestrictedDecision | FullDecision {
  const row = findDecision(reference, db);
  if (!row) throw new NotFoundError("No such decision");
  const place = placeOf(row, db);
  if (!canOnDecision(reader, "readContent", row)) {
    return { restricted: true, reference: row.reference, status: row.status, ...place };
  }
  const item = row.agendaItemId
    ? db
        .select({ position: agendaItems.position, title: agendaItems.title, titleCy: agendaItems.titleCy })
        .from(agendaItems)
        .where(eq(agendaItems.id, row.agendaItemId))
        .get()
    : undefined;
  const supersededBy = row.supersededById
    ? db.select().from(decisions).where(eq(decisions.id, row.supersededById)).get()
    : undefined;
  const supersedes = db
    .select()
    .from(decisions)
    .where(eq(decisions.supersededById, row.id))
    .orderBy(asc(decisions.reference))
    .all();
  return {
    restricted: false,
    id: row.id,
    reference: row.reference,
    status: row.status,
    ...place,
    title: inLocale(row.title, row.titleCy, locale).text,
    textHtml: row.rendered ? renderedHtml(row.rendered, "text", locale) : "",
    decisionMaker: row.decisionMaker,
    effectiveDate: row.effectiveDate,
    leadOfficer: nameOf(db, row.leadOfficerId),
    confidential: row.confidential,
    // Numbered as this reader sees the agenda: a confidential item leaves no gap.
    agendaItem:
      item && row.agendaItemId !== null
        ? {
            position: agendaNumbersFor(reader, row.meetingId, db).get(row.agendaItemId) ?? 0,
            title: inLocale(item.title, item.titleCy, locale).text,
          }
        : null,
    supersededBy: supersededBy ? mention(reader, supersededBy, locale) : null,
    supersedes: supersedes.map((other) => mention(reader, other, locale)),
    withdrawn:
      row.status === "withdrawn" ? { by: nameOf(db, row.withdrawnBy), reason: row.withdrawnReason ?? "" } : null,
    mayManage: canOnDecision(reader, "manage", row),
  };
}

/** One decision in a list on another page: its title is null when the reader may not read it ("Restricted"). */
export interface ListedDecision {
  reference: string;
  title: string | null;
  status: DecisionStatus;
}

const listed = (reader: SessionUser, row: DecisionRow, locale: Locale): ListedDecision => ({
  ...mention(reader, row, locale),
  status: row.status,
});

/** A meeting's decisions, in number order, for the meeting page (MeetingDecisions). */
export function decisionsForMeeting(
  reader: SessionUser,
  meetingId: number,
  locale: Locale = "en",
  db: Db = getDb(),
): ListedDecision[] {
  return db
    .select()
    .from(decisions)
    .where(eq(decisions.meetingId, meetingId))
    .orderBy(asc(decisions.year), asc(decisions.number))
    .all()
    .map((row) => listed(reader, row, locale));
}

/** The decisions that affect a roadmap item that this person may read, newest first, for the item's page (BoardDecisions). */
export function decisionsAffecting(
  reader: SessionUser,
  roadmapItemId: number,
  locale: Locale = "en",
  db: Db = getDb(),
): ListedDecision[] {
  const ids = db
    .select({ id: recordLinks.subjectId })
    .from(recordLinks)
    .where(
      and(
        eq(recordLinks.relation, "affects"),
        eq(recordLinks.subjectType, "decision"),
        eq(recordLinks.objectType, "roadmap_item"),
        eq(recordLinks.objectId, String(roadmapItemId)),
      ),
    )
    .all()
    .map((row) => Number(row.id));
  if (ids.length === 0) return [];
  return (
    db
      .select({ decision: decisions })
      .from(decisions)
      .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
      .where(inArray(decisions.id, ids))
      .orderBy(desc(meetings.startsAt), desc(decisions.number))
      .all()
      // A decision's links are its content: a confidential one is not named here to those who may not read it.
      .filter(({ decision }) => canOnDecision(reader, "readContent", decision))
      .map(({ decision }) => listed(reader, decision, locale))
  );
}

/** The roadmap item at this address's id, for its page's decisions section. */
export function roadmapItemIdBySlug(slug: string, db: Db = getDb()): number | null {
  return db.select({ id: roadmapItems.id }).from(roadmapItems).where(eq(roadmapItems.slug, slug)).get()?.id ?? null;
}

/** A decision's revisions, newest first, for its history page (only for those who read its content). */
export function listDecisionRevisions(decisionId: number, db: Db = getDb()) {
  return listRevisions("decision", decisionId, { includeRestricted: true }, db).map((revision) => ({
    number: revision.number,
    createdAt: revision.createdAt,
    source: revision.source,
    actorName: revision.actorName,
    changeNote: revision.changeNote,
    snapshot: revision.snapshot as unknown as DecisionSnapshot,
  }));
}

/** The meeting's agenda items, for the decision form's choice (its managers see every one). */
export function agendaChoices(meetingId: number, db: Db = getDb()) {
  return db
    .select({ id: agendaItems.id, position: agendaItems.position, title: agendaItems.title })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position))
    .all();
}

/**
 * What the meeting page's decisions section needs (MeetingDecisions in
 * app/components/decision-list.tsx): the meeting's decisions as this reader
 * may see them, and where to record one, for its board's managers only.
 */
export function meetingDecisionsSection(
  reader: SessionUser,
  meetingId: number,
  locale: Locale = "en",
  db: Db = getDb(),
): { decisions: ListedDecision[]; recordHref: string | null } {
  const meeting = db.select({ boardId: meetings.boardId }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return { decisions: [], recordHref: null };
  return {
    decisions: decisionsForMeeting(reader, meetingId, locale, db),
    recordHref: canOnDecision(reader, "manage", { boardId: meeting.boardId, confidential: false })
      ? `/meetings/${meetingId}/decisions/new`
      : null,
  };
}

/** The decision form's choices and caption for a meeting: its agenda, the possible lead officers, its board and day. */
export function decisionFormData(meetingId: number, db: Db = getDb()) {
  const meeting = db
    .select({ boardName: boards.name, startsAt: meetings.startsAt })
    .from(meetings)
    .innerJoin(boards, eq(boards.id, meetings.boardId))
    .where(eq(meetings.id, meetingId))
    .get();
  if (!meeting) throw new NotFoundError("No such meeting");
  return {
    meeting: { boardName: meeting.boardName, startsAt: meeting.startsAt.toISOString() },
    choices: { agendaItems: agendaChoices(meetingId, db), leadOfficers: listLeadOfficers(db) },
  };
}

/** A stored decision as the edit form shows it. */
export function decisionFormValues(row: DecisionRow): DecisionFormValues {
  return {
    title: row.title,
    text: row.text,
    decisionMaker: row.decisionMaker,
    status: row.status,
    effectiveDate: datePartsOf(row.effectiveDate),
    leadOfficer: row.leadOfficerId ?? "",
    agendaItem: row.agendaItemId ? String(row.agendaItemId) : "",
    confidential: row.confidential,
    changeNote: "",
  };
}

/** The decision at this reference for its history page: for those who may read its content (404 otherwise). */
export function decisionForHistory(reader: SessionUser, reference: string, db: Db = getDb()): DecisionRow {
  const row = findDecision(reference, db);
  // A restricted decision's history is content: to non-members it is as if there were none.
  if (!row || !canOnDecision(reader, "readContent", row)) throw new NotFoundError("No such decision");
  return row;
}
