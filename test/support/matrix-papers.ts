/**
 * The authorisation matrix's rows for papers. A board of the matrix's own
 * (seedBoard): the demo secretary is its secretary, Newport's editor
 * ("otherEditor") a member; everyone else is outside it. Papers are written
 * straight to the Hub's database and files folder (as an upload leaves them),
 * open or confidential, a fresh one per request that may change it. The
 * upload route's POST is sent as a plain form (the matrix sends no files):
 * those allowed get the form back with "Select a file" (400).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect } from "vitest";
import { type SeededBoard, seedBoard } from "./e2e-board-database";
import type { EveryRole, MatrixRow, Send } from "./matrix-types";
import { uniquePrefix } from "./unique-names";

const SECRETARY = "secretary@demo.srs-hub.test";
const MEMBER = "editor.newport@demo.srs-hub.test";

/** A paper and its stored file, written as an upload would leave them (with its "paper.uploaded" event). */
function seedPaper(dataDir: string, board: SeededBoard, input: { title: string; confidential: boolean }): number {
  const content = Buffer.from(`%PDF-1.4\n% ${input.title}\n%%EOF\n`);
  const sha256 = createHash("sha256").update(content).digest("hex");
  const file = path.join(dataDir, "files", sha256.slice(0, 2), sha256.slice(2));
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) fs.writeFileSync(file, content, { mode: 0o600 });
  const db = new Database(path.join(dataDir, "hub.db"));
  try {
    db.pragma("busy_timeout = 5000");
    return db.transaction(() => {
      const now = Date.now();
      db.prepare(
        "insert into stored_files (sha256, size, file_type, created_at) values (?, ?, 'pdf', ?) on conflict do nothing",
      ).run(sha256, content.length, now);
      const id = Number(
        db
          .prepare(
            `insert into papers (meeting_id, title, file_sha256, file_name, confidential, text_state, created_at, updated_at)
             values (?, ?, ?, 'matrix.pdf', ?, 'pending', ?, ?)`,
          )
          .run(board.meetingId, input.title, sha256, input.confidential ? 1 : 0, now, now).lastInsertRowid,
      );
      db.prepare(
        `insert into events (type, record_type, record_id, actor_id, source, partner_ids, occurred_at, data)
         values ('paper.uploaded', 'paper', ?, null, 'script', '[]', ?, ?)`,
      ).run(String(id), now, JSON.stringify({ meetingId: board.meetingId }));
      return id;
    })();
  } finally {
    db.close();
  }
}

export function paperMatrixRows(send: Send, LOGIN: number, dataDir: () => string): MatrixRow<EveryRole>[] {
  let board: SeededBoard | undefined;
  let made = 0;
  const theBoard = () => {
    if (!board) {
      const suffix = Date.now().toString(36);
      board = seedBoard(dataDir(), {
        slug: `matrix-papers-${suffix}`,
        name: `Matrix papers board ${suffix}`,
        referencePrefix: uniquePrefix("M"),
        secretary: SECRETARY,
        members: [MEMBER],
      });
    }
    return board;
  };
  const paper = (confidential = false) =>
    seedPaper(dataDir(), theBoard(), { title: `Matrix paper ${++made}`, confidential });
  const paperUnchanged = async (_role: unknown, target: string) => {
    const id = target.split("/")[2] ?? "";
    const page = await (await send("admin", "GET", `/papers/${id}`)).text();
    expect(page).toMatch(/<h1[^>]*>Matrix paper \d+<\/h1>/);
  };

  const EVERYONE_SIGNED_IN: EveryRole = [LOGIN, 200, 200, 200, 200, 200, 200];
  const MEMBERS_ONLY: EveryRole = [LOGIN, 404, 200, 404, 404, 200, 200];
  const MANAGERS: EveryRole = [LOGIN, 403, 403, 403, 403, 200, 200];
  const MANAGERS_SAVE: EveryRole = [LOGIN, 403, 403, 403, 403, 302, 302];
  const NO_ACTION: EveryRole = [405, 405, 405, 405, 405, 405, 405];
  return [
    {
      method: "GET",
      route: "/meetings/:id/papers/new",
      expected: MANAGERS,
      request: async () => ({ path: `/meetings/${theBoard().meetingId}/papers/new` }),
    },
    {
      method: "GET",
      route: "/meetings/:id/papers/new",
      variant: "no such meeting",
      expected: [LOGIN, 404, 404, 404, 404, 404, 404],
      request: async () => ({ path: "/meetings/999999999/papers/new" }),
    },
    {
      method: "POST",
      route: "/meetings/:id/papers/new",
      variant: "a form without its file",
      expected: [LOGIN, 403, 403, 403, 403, 400, 400],
      request: async () => ({ path: `/meetings/${theBoard().meetingId}/papers/new`, form: { title: "Matrix upload" } }),
    },
    {
      method: "GET",
      route: "/papers/:id",
      expected: EVERYONE_SIGNED_IN,
      request: async () => ({ path: `/papers/${paper()}` }),
    },
    {
      method: "GET",
      route: "/papers/:id",
      variant: "confidential",
      expected: MEMBERS_ONLY,
      request: async () => ({ path: `/papers/${paper(true)}` }),
    },
    {
      method: "GET",
      route: "/papers/:id",
      variant: "no such paper",
      expected: [LOGIN, 404, 404, 404, 404, 404, 404],
      request: async () => ({ path: "/papers/not-a-number" }),
    },
    {
      method: "POST",
      route: "/papers/:id",
      expected: NO_ACTION,
      request: async () => ({ path: `/papers/${paper()}` }),
    },
    {
      method: "GET",
      route: "/papers/:id/download",
      expected: EVERYONE_SIGNED_IN,
      request: async () => ({ path: `/papers/${paper()}/download` }),
    },
    {
      method: "GET",
      route: "/papers/:id/download",
      variant: "confidential",
      expected: MEMBERS_ONLY,
      request: async () => ({ path: `/papers/${paper(true)}/download` }),
    },
    {
      method: "POST",
      route: "/papers/:id/download",
      expected: NO_ACTION,
      request: async () => ({ path: `/papers/${paper()}/download` }),
    },
    {
      method: "GET",
      route: "/papers/:id/edit",
      expected: MANAGERS,
      request: async () => ({ path: `/papers/${paper()}/edit` }),
    },
    {
      method: "GET",
      route: "/papers/:id/edit",
      variant: "confidential",
      expected: [LOGIN, 404, 403, 404, 404, 200, 200],
      request: async () => ({ path: `/papers/${paper(true)}/edit` }),
    },
    {
      method: "POST",
      route: "/papers/:id/edit",
      expected: MANAGERS_SAVE,
      request: async () => ({
        path: `/papers/${paper()}/edit`,
        form: { title: "Matrix retitled", agendaItem: "", confidential: "yes" },
      }),
      unchanged: paperUnchanged,
    },
    {
      method: "GET",
      route: "/papers/:id/remove",
      expected: MANAGERS,
      request: async () => ({ path: `/papers/${paper()}/remove` }),
    },
    {
      method: "POST",
      route: "/papers/:id/remove",
      expected: MANAGERS_SAVE,
      request: async () => ({ path: `/papers/${paper()}/remove`, form: {} }),
      unchanged: paperUnchanged,
    },
  ];
}
