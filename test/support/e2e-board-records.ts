/**
 * Meetings held, decisions and actions written into a running Hub's
 * database, with the events their commands record (so the search relay sees
 * them), for end-to-end tests and the authorisation matrix of summaries and
 * search. The boards seeded by seedBoard (e2e-board-database.ts) hold them.
 */
import path from "node:path";
import Database from "better-sqlite3";

function withDatabase<T>(dataDir: string, work: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, "hub.db"));
  try {
    db.pragma("busy_timeout = 5000");
    return db.transaction(() => work(db))();
  } finally {
    db.close();
  }
}

function recordEvent(db: Database.Database, type: string, recordType: string, recordId: number | bigint, data = {}) {
  db.prepare(
    `insert into events (type, record_type, record_id, actor_id, source, partner_ids, occurred_at, data)
     values (?, ?, ?, null, 'script', '[]', ?, ?)`,
  ).run(type, recordType, String(recordId), Date.now(), JSON.stringify(data));
}

/** A meeting of the board, held yesterday. */
export function addHeldMeeting(dataDir: string, boardId: number): number {
  return withDatabase(dataDir, (db) => {
    const now = Date.now();
    const id = db
      .prepare(
        "insert into meetings (board_id, starts_at, location, status, updated_at) values (?, ?, 'Committee Room 2, Civic Centre, Newport', 'held', ?)",
      )
      .run(boardId, now - 24 * 60 * 60 * 1000, now).lastInsertRowid;
    recordEvent(db, "meeting.scheduled", "meeting", id, { boardId });
    return Number(id);
  });
}

/** A decision of the meeting with the board's next number this year; its reference. */
export function addDecision(
  dataDir: string,
  input: { boardId: number; meetingId: number; title: string; text: string; confidential: boolean },
): string {
  return withDatabase(dataDir, (db) => {
    const { prefix } = db.prepare("select reference_prefix as prefix from boards where id = ?").get(input.boardId) as {
      prefix: string;
    };
    const year = new Date().getUTCFullYear();
    const { next } = db
      .prepare("select coalesce(max(number), 0) + 1 as next from decisions where board_id = ? and year = ?")
      .get(input.boardId, year) as { next: number };
    const reference = `${prefix}-${year}-${String(next).padStart(3, "0")}`;
    const id = db
      .prepare(
        `insert into decisions (reference, board_id, year, number, meeting_id, title, text, rendered, decision_maker,
           status, confidential, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, 'The board', 'agreed', ?, ?)`,
      )
      .run(
        reference,
        input.boardId,
        year,
        next,
        input.meetingId,
        input.title,
        input.text,
        JSON.stringify({ html: { text: `<p>${input.text}</p>` }, text: { text: input.text } }),
        input.confidential ? 1 : 0,
        Date.now(),
      ).lastInsertRowid;
    recordEvent(db, "decision.recorded", "decision", id, { reference });
    return reference;
  });
}

/** An open action of the meeting for a partner (by slug), unowned. */
export function addAction(
  dataDir: string,
  input: { meetingId: number; partner: string; description: string; confidential: boolean },
): void {
  withDatabase(dataDir, (db) => {
    const { id: partnerId } = db.prepare("select id from partners where slug = ?").get(input.partner) as { id: number };
    const id = db
      .prepare(
        `insert into actions (meeting_id, description, partner_id, due_date, status, confidential, updated_at)
         values (?, ?, ?, '2027-01-31', 'open', ?, ?)`,
      )
      .run(input.meetingId, input.description, partnerId, input.confidential ? 1 : 0, Date.now()).lastInsertRowid;
    recordEvent(db, "action.created", "action", id);
  });
}
