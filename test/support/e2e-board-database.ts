/**
 * A board of a test's own in a running Hub's database: its secretary and
 * members seated, a meeting with an open and a confidential agenda item,
 * with the events their commands would record (so the search relay sees
 * them). For end-to-end tests and the authorisation matrix that need a board
 * whatever the demo content holds. Seats count from the person's next request.
 */
import path from "node:path";
import Database from "better-sqlite3";

export interface SeededBoard {
  boardId: number;
  slug: string;
  meetingId: number;
  openAgendaItemId: number;
  confidentialAgendaItemId: number;
}

export function seedBoard(
  dataDir: string,
  input: { slug: string; name: string; referencePrefix: string; secretary: string; members: string[] },
): SeededBoard {
  const db = new Database(path.join(dataDir, "hub.db"));
  try {
    db.pragma("busy_timeout = 5000");
    return db.transaction(() => {
      const now = Date.now();
      const event = (type: string, recordType: string, recordId: number | bigint, data: object) =>
        db
          .prepare(
            `insert into events (type, record_type, record_id, actor_id, source, partner_ids, occurred_at, data)
             values (?, ?, ?, null, 'script', '[]', ?, ?)`,
          )
          .run(type, recordType, String(recordId), now, JSON.stringify(data));
      const board = db
        .prepare("insert into boards (slug, name, reference_prefix, description, updated_at) values (?, ?, ?, '', ?)")
        .run(input.slug, input.name, input.referencePrefix, now).lastInsertRowid;
      event("board.created", "board", board, { name: input.name });
      const seat = (email: string, role: string) => {
        const user = db.prepare("select id from users where email = ?").get(email) as { id: string } | undefined;
        if (!user) throw new Error(`No account ${email} in the Hub's database`);
        db.prepare("insert into board_members (board_id, user_id, role) values (?, ?, ?)").run(board, user.id, role);
        event("board.member_seated", "board", board, { userId: user.id, role });
      };
      seat(input.secretary, "secretary");
      for (const email of input.members) seat(email, "member");
      const meeting = db
        .prepare(
          "insert into meetings (board_id, starts_at, location, status, updated_at) values (?, ?, 'Committee Room 2, Civic Centre, Newport', 'scheduled', ?)",
        )
        .run(board, now + 14 * 24 * 60 * 60 * 1000, now).lastInsertRowid;
      event("meeting.scheduled", "meeting", meeting, { boardId: Number(board) });
      const agendaItem = (position: number, title: string, confidential: boolean) =>
        Number(
          db
            .prepare(
              "insert into agenda_items (meeting_id, position, title, confidential, updated_at) values (?, ?, ?, ?, ?)",
            )
            .run(meeting, position, title, confidential ? 1 : 0, now).lastInsertRowid,
        );
      const openAgendaItemId = agendaItem(1, "Service performance report", false);
      const confidentialAgendaItemId = agendaItem(2, "Contract negotiation with a supplier", true);
      event("meeting.agenda_changed", "meeting", meeting, {});
      return {
        boardId: Number(board),
        slug: input.slug,
        meetingId: Number(meeting),
        openAgendaItemId,
        confidentialAgendaItemId,
      };
    })();
  } finally {
    db.close();
  }
}
