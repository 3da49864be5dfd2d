/**
 * How board papers appear in search: the title, the meeting and board, the
 * agenda item, the file's type and the text read from the file (once
 * extracted), so that a phrase inside a paper finds it. A confidential
 * paper's document is read only by its board's members and administrators:
 * anyone else's search never finds it, by any word.
 */
import { asc, eq, gt, inArray, sql } from "drizzle-orm";
import { agendaItems, meetings, papers, storedFiles } from "../../db/schema";
import type { Db } from "../platform/db.server";
import { documentId, documentsByRow, type SearchDocument, type SearchSource } from "../search/search-document.server";
import {
  boardEdits,
  INDEXED_PAPER_TEXT,
  idsFor,
  meetingDateInWords,
  meetingEvents,
  meetingsById,
  ownEvents,
} from "./board-search.server";
import { paperPolicy } from "./paper-policy.server";

type Row = {
  paper: typeof papers.$inferSelect;
  fileType: string | null;
  agendaTitle: string | null;
  version: number;
};

const paperVersion = sql<number>`max(
  ${ownEvents("paper", sql`papers.id`)},
  ${meetingEvents(sql`papers.meeting_id`)},
  ${boardEdits(sql`(select meetings.board_id from meetings where meetings.id = papers.meeting_id)`)})`;

function loadRows(ids: number[], db: Db): Row[] {
  return db
    .select({ paper: papers, fileType: storedFiles.fileType, agendaTitle: agendaItems.title, version: paperVersion })
    .from(papers)
    .leftJoin(storedFiles, eq(papers.fileSha256, storedFiles.sha256))
    .leftJoin(agendaItems, eq(papers.agendaItemId, agendaItems.id))
    .where(inArray(papers.id, ids))
    .all();
}

function toDocument(
  { paper, fileType, agendaTitle, version }: Row,
  meeting: { boardId: number; boardName: string; startsAt: Date },
): SearchDocument {
  const sections: Record<string, string> = {};
  if (agendaTitle) sections.agendaItem = agendaTitle;
  const text = paper.textState === "extracted" ? (paper.extractedText ?? "") : "";
  return {
    id: documentId("paper", paper.id),
    type: "paper",
    recordId: String(paper.id),
    url: `/papers/${paper.id}`,
    title: paper.title,
    summary: `${meeting.boardName}, meeting on ${meetingDateInWords(meeting.startsAt)}`,
    sections,
    body: text.slice(0, INDEXED_PAPER_TEXT),
    tags: [],
    kind: null,
    status: paper.textState,
    partners: [],
    partnerNames: [],
    // The paper's own flag: confidentiality is stored on each record (an agenda item's spreads to its papers).
    visibility: paperPolicy.readers({ boardId: meeting.boardId, confidential: paper.confidential }),
    year: meeting.startsAt.getUTCFullYear(),
    date: meeting.startsAt.getTime(),
    updatedAt: paper.updatedAt.getTime(),
    rag: null,
    themeName: null,
    linkedItems: [],
    linkedItemTitles: [],
    boardFacts: { boardName: meeting.boardName, meetingAt: meeting.startsAt.getTime(), fileType },
    version,
  };
}

export const paperSearchSource: SearchSource = {
  recordType: "paper",

  affectedBy(event, db) {
    if (event.recordType === "paper") return [event.recordId];
    return idsFor(event, {
      ofMeeting: (meetingId) => db.select({ id: papers.id }).from(papers).where(eq(papers.meetingId, meetingId)).all(),
      ofBoard: (boardId) =>
        db
          .select({ id: papers.id })
          .from(papers)
          .innerJoin(meetings, eq(papers.meetingId, meetings.id))
          .where(eq(meetings.boardId, boardId))
          .all(),
    });
  },

  documents(ids, db) {
    return documentsByRow(ids, {
      load: (numeric) => loadRows(numeric, db),
      idOf: (row) => row.paper.id,
      prepare: (rows) => {
        const byMeeting = meetingsById(
          rows.map((row) => row.paper.meetingId),
          db,
        );
        return (row) => {
          const meeting = byMeeting.get(row.paper.meetingId);
          if (!meeting) throw new Error(`Paper ${row.paper.id} has no meeting`);
          return toDocument(row, meeting);
        };
      },
    });
  },

  describe(ids, db) {
    const rows = db
      .select({ id: papers.id, title: papers.title })
      .from(papers)
      .where(inArray(papers.id, ids.map(Number).filter(Number.isSafeInteger)))
      .all();
    return new Map(rows.map((row) => [String(row.id), { title: row.title, url: `/papers/${row.id}` }]));
  },

  idsAfter(afterId, limit, db) {
    return db
      .select({ id: papers.id })
      .from(papers)
      .where(afterId === null ? undefined : gt(papers.id, Number(afterId)))
      .orderBy(asc(papers.id))
      .limit(limit)
      .all()
      .map((row) => String(row.id));
  },

  versionsAfter(afterId, limit, db) {
    return db
      .select({ id: papers.id, version: paperVersion })
      .from(papers)
      .where(afterId === null ? undefined : gt(papers.id, Number(afterId)))
      .orderBy(asc(papers.id))
      .limit(limit)
      .all()
      .map((row) => ({ recordId: String(row.id), version: row.version }));
  },
};
