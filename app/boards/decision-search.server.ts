/**
 * How decisions appear in search: the reference and title, the text, the
 * board, the status and the meeting's date. Everyone sees every decision's
 * place in the register, but a confidential decision's document is read only
 * by its board's members and administrators: its title and text are its
 * content, and search must not let anyone else find it by one of their words
 * (the register and the reference jump show them its reference).
 *
 * A decision is found by the words of the papers behind it too (those on its
 * agenda item, or its meeting's when it has none): staff remember the phrase
 * in the paper, not the decision's wording. An open decision carries only
 * open papers' text, so a confidential paper's words never reach a
 * document others can read.
 */
import { and, asc, eq, gt, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { decisions, papers } from "../../db/schema";
import type { EventRow } from "../events/event-log.server";
import type { Db } from "../platform/db.server";
import { documentId, documentsByRow, type SearchDocument, type SearchSource } from "../search/search-document.server";
import { boardContentReaders } from "./board-access.server";
import {
  boardEdits,
  INDEXED_PAPER_TEXT,
  idsFor,
  meetingDateInWords,
  meetingEvents,
  meetingsById,
  ownEvents,
} from "./board-search.server";

type Row = { decision: typeof decisions.$inferSelect; version: number };

/** The last event of any paper of this meeting: their text is part of its decisions' documents. */
const meetingPaperEvents = (meetingId: SQL) => sql`coalesce((select max(events.id) from events
    where events.record_type = 'paper' and events.record_id in (
      select cast(papers.id as text) from papers where papers.meeting_id = ${meetingId})), 0)`;

const decisionVersion = sql<number>`max(
  ${ownEvents("decision", sql`decisions.id`)},
  ${meetingEvents(sql`decisions.meeting_id`)},
  ${meetingPaperEvents(sql`decisions.meeting_id`)},
  ${boardEdits(sql`decisions.board_id`)})`;

/** The meeting a paper's event concerns: said in the event (a removed paper), else read from the paper. */
function meetingOfPaperEvent(event: EventRow, db: Db): number | null {
  const said = Number((event.data as { meetingId?: unknown }).meetingId);
  if (Number.isSafeInteger(said) && said > 0) return said;
  const id = Number(event.recordId);
  if (!Number.isSafeInteger(id)) return null;
  return db.select({ meetingId: papers.meetingId }).from(papers).where(eq(papers.id, id)).get()?.meetingId ?? null;
}

/** The text of the papers behind a decision that its readers may read, capped. */
function papersTextOf(decision: typeof decisions.$inferSelect, db: Db): string {
  const rows = db
    .select({ text: papers.extractedText })
    .from(papers)
    .where(
      and(
        decision.agendaItemId === null
          ? eq(papers.meetingId, decision.meetingId)
          : eq(papers.agendaItemId, decision.agendaItemId),
        decision.confidential ? undefined : eq(papers.confidential, false),
        isNotNull(papers.extractedText),
      ),
    )
    .orderBy(asc(papers.id))
    .all();
  return rows
    .map((row) => row.text ?? "")
    .join("\n\n")
    .slice(0, INDEXED_PAPER_TEXT);
}

function loadRows(ids: number[], db: Db): Row[] {
  return db
    .select({ decision: decisions, version: decisionVersion })
    .from(decisions)
    .where(inArray(decisions.id, ids))
    .all();
}

/** A decision's address: its permanent reference. */
export const decisionUrl = (reference: string) => `/decisions/${encodeURIComponent(reference)}`;

function toDocument(
  { decision, version }: Row,
  meeting: { boardName: string; startsAt: Date },
  papersText: string,
): SearchDocument {
  return {
    id: documentId("decision", decision.id),
    type: "decision",
    recordId: String(decision.id),
    url: decisionUrl(decision.reference),
    title: `${decision.reference}: ${decision.title}`,
    summary: `${meeting.boardName}, meeting on ${meetingDateInWords(meeting.startsAt)}. ${decision.decisionMaker}`,
    sections: {},
    // The plain text kept when the decision was saved, then the papers behind it.
    body: [decision.rendered?.text.text ?? decision.text, papersText].filter(Boolean).join("\n\n"),
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
    if (event.recordType === "paper") {
      const meetingId = meetingOfPaperEvent(event, db);
      if (meetingId === null) return [];
      return db
        .select({ id: decisions.id })
        .from(decisions)
        .where(eq(decisions.meetingId, meetingId))
        .all()
        .map((row) => String(row.id));
    }
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
          return toDocument(row, meeting, papersTextOf(row.decision, db));
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
