/**
 * How decisions appear in search: the reference and title, the text, the
 * board, the status and the meeting's date. Everyone sees every decision's
 * place in the register, but a confidential decision's document is read only
 * by its board's members and administrators: its title and text are its
 * content, and search must not let anyone else find it by one of their words
 * (the register and the reference jump show them its reference).
 */
import { asc, eq, gt, inArray, sql } from "drizzle-orm";
import { decisions } from "../../db/schema";
import type { Db } from "../platform/db.server";
import { documentId, documentsByRow, type SearchDocument, type SearchSource } from "../search/search-document.server";
import { boardContentReaders } from "./board-access.server";
import { boardEdits, idsFor, meetingDateInWords, meetingEvents, meetingsById, ownEvents } from "./board-search.server";

type Row = { decision: typeof decisions.$inferSelect; version: number };

const decisionVersion = sql<number>`max(
  ${ownEvents("decision", sql`decisions.id`)},
  ${meetingEvents(sql`decisions.meeting_id`)},
  ${boardEdits(sql`decisions.board_id`)})`;

function loadRows(ids: number[], db: Db): Row[] {
  return db
    .select({ decision: decisions, version: decisionVersion })
    .from(decisions)
    .where(inArray(decisions.id, ids))
    .all();
}

/** A decision's address: its permanent reference. */
export const decisionUrl = (reference: string) => `/decisions/${encodeURIComponent(reference)}`;

function toDocument({ decision, version }: Row, meeting: { boardName: string; startsAt: Date }): SearchDocument {
  return {
    id: documentId("decision", decision.id),
    type: "decision",
    recordId: String(decision.id),
    url: decisionUrl(decision.reference),
    title: `${decision.reference}: ${decision.title}`,
    summary: `${meeting.boardName}, meeting on ${meetingDateInWords(meeting.startsAt)}. ${decision.decisionMaker}`,
    sections: {},
    // The plain text kept when the decision was saved.
    body: decision.rendered?.text.text ?? decision.text,
    tags: [],
    kind: null,
    status: decision.status,
    partners: [],
    partnerNames: [],
    // Not decisionPolicy.readers (everyone: the register): the document is the decision's content.
    visibility: boardContentReaders(decision),
    year: decision.year,
    date: meeting.startsAt.getTime(),
    updatedAt: decision.updatedAt.getTime(),
    rag: null,
    themeName: null,
    linkedItems: [],
    linkedItemTitles: [],
    boardFacts: { boardName: meeting.boardName, meetingAt: meeting.startsAt.getTime(), fileType: null },
    version,
  };
}

export const decisionSearchSource: SearchSource = {
  recordType: "decision",

  affectedBy(event, db) {
    if (event.recordType === "decision") return [event.recordId];
    return idsFor(event, {
      ofMeeting: (meetingId) =>
        db.select({ id: decisions.id }).from(decisions).where(eq(decisions.meetingId, meetingId)).all(),
      ofBoard: (boardId) => db.select({ id: decisions.id }).from(decisions).where(eq(decisions.boardId, boardId)).all(),
    });
  },

  documents(ids, db) {
    return documentsByRow(ids, {
      load: (numeric) => loadRows(numeric, db),
      idOf: (row) => row.decision.id,
      prepare: (rows) => {
        const byMeeting = meetingsById(
          rows.map((row) => row.decision.meetingId),
          db,
        );
        return (row) => {
          const meeting = byMeeting.get(row.decision.meetingId);
          if (!meeting) throw new Error(`Decision ${row.decision.id} has no meeting`);
          return toDocument(row, meeting);
        };
      },
    });
  },

  describe(ids, db) {
    // The reference only: the administrators' page is no place for a confidential decision's title.
    const rows = db
      .select({ id: decisions.id, reference: decisions.reference })
      .from(decisions)
      .where(inArray(decisions.id, ids.map(Number).filter(Number.isSafeInteger)))
      .all();
    return new Map(rows.map((row) => [String(row.id), { title: row.reference, url: decisionUrl(row.reference) }]));
  },

  idsAfter(afterId, limit, db) {
    return db
      .select({ id: decisions.id })
      .from(decisions)
      .where(afterId === null ? undefined : gt(decisions.id, Number(afterId)))
      .orderBy(asc(decisions.id))
      .limit(limit)
      .all()
      .map((row) => String(row.id));
  },

  versionsAfter(afterId, limit, db) {
    return db
      .select({ id: decisions.id, version: decisionVersion })
      .from(decisions)
      .where(afterId === null ? undefined : gt(decisions.id, Number(afterId)))
      .orderBy(asc(decisions.id))
      .limit(limit)
      .all()
      .map((row) => ({ recordId: String(row.id), version: row.version }));
  },
};
