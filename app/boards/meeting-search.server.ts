/**
 * How meetings appear in search: the board, date, place, status, the titles
 * of the agenda items every member of staff may see (never a confidential
 * one's: a meeting's document is read by everyone) and the minutes.
 */
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { agendaItems, boards, meetings } from "../../db/schema";
import type { Db } from "../platform/db.server";
import { documentId, documentsByRow, type SearchDocument, type SearchSource } from "../search/search-document.server";
import { boardEdits, idsFor, meetingDateInWords, meetingEvents } from "./board-search.server";
import { meetingPolicy } from "./meeting-policy.server";

type Row = { meeting: typeof meetings.$inferSelect; boardName: string; version: number };

const meetingVersion = sql<number>`max(${meetingEvents(sql`meetings.id`)}, ${boardEdits(sql`meetings.board_id`)})`;

function loadRows(ids: number[], db: Db): Row[] {
  return db
    .select({ meeting: meetings, boardName: boards.name, version: meetingVersion })
    .from(meetings)
    .innerJoin(boards, eq(meetings.boardId, boards.id))
    .where(inArray(meetings.id, ids))
    .all();
}

/** The open agenda items' titles of each meeting, in agenda order. */
function openAgendaTitles(ids: number[], db: Db): Map<number, string[]> {
  const rows = db
    .select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
    .from(agendaItems)
    .where(and(inArray(agendaItems.meetingId, ids), eq(agendaItems.confidential, false)))
    .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position))
    .all();
  const map = new Map<number, string[]>();
  for (const row of rows) map.set(row.meetingId, [...(map.get(row.meetingId) ?? []), row.title]);
  return map;
}

function toDocument({ meeting, boardName, version }: Row, agenda: string[]): SearchDocument {
  const place = [meeting.location, meeting.onlineUrl ? "Online" : ""].filter(Boolean).join(" and ");
  const sections: Record<string, string> = {};
  if (agenda.length > 0) sections.agenda = agenda.join("\n");
  return {
    id: documentId("meeting", meeting.id),
    type: "meeting",
    recordId: String(meeting.id),
    url: `/meetings/${meeting.id}`,
    title: `${boardName}, ${meetingDateInWords(meeting.startsAt)}`,
    summary: place,
    sections,
    // The plain text kept when the minutes were saved: indexing never renders Markdown.
    body: meeting.rendered?.text.minutes ?? meeting.minutes ?? "",
    tags: [],
    kind: null,
    status: meeting.status,
    partners: [],
    partnerNames: [],
    visibility: meetingPolicy.readers({ boardId: meeting.boardId }),
    year: meeting.startsAt.getUTCFullYear(),
    date: meeting.startsAt.getTime(),
    updatedAt: meeting.updatedAt.getTime(),
    rag: null,
    themeName: null,
    linkedItems: [],
    linkedItemTitles: [],
    boardFacts: { boardName, meetingAt: meeting.startsAt.getTime(), fileType: null },
    version,
  };
}

const meetingsOfBoard = (db: Db) => (boardId: number) =>
  db.select({ id: meetings.id }).from(meetings).where(eq(meetings.boardId, boardId)).all();

export const meetingSearchSource: SearchSource = {
  recordType: "meeting",

  affectedBy(event, db) {
    if (event.recordType === "meeting") return [event.recordId];
    return idsFor(event, { ofMeeting: () => [], ofBoard: meetingsOfBoard(db) });
  },

  documents(ids, db) {
    return documentsByRow(ids, {
      load: (numeric) => loadRows(numeric, db),
      idOf: (row) => row.meeting.id,
      prepare: (rows) => {
        const agenda = openAgendaTitles(
          rows.map((row) => row.meeting.id),
          db,
        );
        return (row) => toDocument(row, agenda.get(row.meeting.id) ?? []);
      },
    });
  },

  describe(ids, db) {
    const rows = loadRows(ids.map(Number).filter(Number.isSafeInteger), db);
    return new Map(
      rows.map((row) => [
        String(row.meeting.id),
        { title: `${row.boardName}, ${meetingDateInWords(row.meeting.startsAt)}`, url: `/meetings/${row.meeting.id}` },
      ]),
    );
  },

  idsAfter(afterId, limit, db) {
    return db
      .select({ id: meetings.id })
      .from(meetings)
      .where(afterId === null ? undefined : gt(meetings.id, Number(afterId)))
      .orderBy(asc(meetings.id))
      .limit(limit)
      .all()
      .map((row) => String(row.id));
  },

  versionsAfter(afterId, limit, db) {
    return db
      .select({ id: meetings.id, version: meetingVersion })
      .from(meetings)
      .where(afterId === null ? undefined : gt(meetings.id, Number(afterId)))
      .orderBy(asc(meetings.id))
      .limit(limit)
      .all()
      .map((row) => ({ recordId: String(row.id), version: row.version }));
  },
};
