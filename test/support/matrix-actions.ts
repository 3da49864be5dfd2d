/**
 * The authorisation matrix's rows for actions and the handover page. A
 * board of the matrix's own (seedBoard): the demo secretary is its
 * secretary and Newport's editor ("otherEditor") a member. Its actions are
 * owned by Torfaen's editor ("ownEditor"), who is on no board: they update
 * their own action's status and read it even when it is confidential, but
 * edit nothing. Everyone else reads an open action; a confidential one (of
 * a confidential decision) is not found by those off the board.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { expect } from "vitest";
import { type SeededBoard, seedBoard } from "./e2e-board-database";
import type { EveryRole, MatrixRow, Send } from "./matrix-types";

/** A confidential decision of the board's meeting, written straight to the Hub's database. */
function confidentialDecision(dataDir: string, board: SeededBoard): number {
  const db = new Database(path.join(dataDir, "hub.db"));
  try {
    db.pragma("busy_timeout = 5000");
    const now = Date.now();
    return Number(
      db
        .prepare(
          `insert into decisions (reference, board_id, year, number, meeting_id, title, text, decision_maker, status,
             confidential, created_at, updated_at)
           values (?, ?, 2026, 1, ?, 'Matrix confidential decision', 'Agreed.', 'The board', 'agreed', 1, ?, ?)`,
        )
        .run(`MXA-2026-001`, board.boardId, board.meetingId, now, now).lastInsertRowid,
    );
  } finally {
    db.close();
  }
}

export function actionMatrixRows(send: Send, LOGIN: number, dataDir: () => string): MatrixRow<EveryRole>[] {
  let board: SeededBoard | undefined;
  let decisionId = 0;
  const ids: Record<string, string> = {};
  let made = 0;
  const seeded = () => {
    board ??= seedBoard(dataDir(), {
      slug: "matrix-actions-board",
      name: "Matrix Actions Board",
      referencePrefix: "MXA",
      secretary: "secretary@demo.srs-hub.test",
      members: ["editor.newport@demo.srs-hub.test"],
    });
    if (!decisionId) decisionId = confidentialDecision(dataDir(), board);
    return board;
  };
  /** An account's id, from the owners the action form offers. */
  const personId = async (label: string) => {
    if (ids[label]) return ids[label];
    const page = await (await send("admin", "GET", `/meetings/${seeded().meetingId}/actions/new`)).text();
    const id = new RegExp(`<option value="([^"]+)">${label.replace(/[()]/g, "\\$&")} \\(`).exec(page)?.[1];
    if (!id) throw new Error(`The action form offers no ${label}`);
    ids[label] = id;
    return id;
  };
  const day = (offset: number) => {
    const date = new Date(Date.now() + offset * 86_400_000);
    return {
      day: String(date.getUTCDate()),
      month: String(date.getUTCMonth() + 1),
      year: String(date.getUTCFullYear()),
    };
  };
  const actionForm = async (owner = "Demo Editor (Torfaen)", overrides: Record<string, string> = {}) => {
    const due = day(30);
    return {
      description: `Matrix action ${++made} ${Date.now()}`,
      owner: await personId(owner),
      partner: "",
      "dueDate-day": due.day,
      "dueDate-month": due.month,
      "dueDate-year": due.year,
      ...overrides,
    };
  };
  /** A fresh action added by the secretary; its id. */
  const action = async ({ confidential = false, owner }: { confidential?: boolean; owner?: string } = {}) => {
    const { meetingId } = seeded();
    const query = confidential ? `?decision=${decisionId}` : "";
    const response = await send(
      "secretary",
      "POST",
      `/meetings/${meetingId}/actions/new${query}`,
      await actionForm(owner),
    );
    const location = response.headers.get("location") ?? "";
    if (response.status !== 302 || !location.startsWith("/actions/")) {
      throw new Error(`Adding an action answered ${response.status}: ${await response.text()}`);
    }
    return location.slice("/actions/".length);
  };
  /** The action stands as it was added: its description, no progress. */
  const actionUnchanged = async (_role: unknown, target: string) => {
    const id = target.split("/")[2] ?? "";
    const page = await (await send("admin", "GET", `/actions/${id}`)).text();
    expect(page).toMatch(/Matrix action \d+ \d+/);
    expect(page).toContain("No progress has been recorded yet.");
  };
  const today = day(0);
  const updateForm = {
    status: "done",
    "noteDate-day": today.day,
    "noteDate-month": today.month,
    "noteDate-year": today.year,
    note: "Matrix update",
  };
  const EVERYONE_SIGNED_IN: EveryRole = [LOGIN, 200, 200, 200, 200, 200, 200];
  const NO_ACTION: EveryRole = [405, 405, 405, 405, 405, 405, 405];
  const MANAGERS: EveryRole = [LOGIN, 403, 403, 403, 403, 200, 200];
  const MANAGERS_SAVE: EveryRole = [LOGIN, 403, 403, 403, 403, 302, 302];
  return [
    {
      method: "GET",
      route: "/actions",
      expected: EVERYONE_SIGNED_IN,
      request: async () => ({ path: "/actions?owner=me&board=matrix-actions-board&partner=%3Cscript%3E&all=1&page=9" }),
    },
    { method: "POST", route: "/actions", expected: NO_ACTION, request: async () => ({ path: "/actions" }) },
    {
      method: "GET",
      route: "/actions/:id",
      expected: EVERYONE_SIGNED_IN,
      request: async () => ({ path: `/actions/${await action()}` }),
    },
    {
      method: "GET",
      route: "/actions/:id",
      variant: "confidential, owned by someone off the board",
      expected: [LOGIN, 404, 200, 200, 404, 200, 200],
      request: async () => ({ path: `/actions/${await action({ confidential: true })}` }),
    },
    {
      method: "POST",
      route: "/actions/:id",
      expected: NO_ACTION,
      request: async () => ({ path: `/actions/${await action()}` }),
    },
    {
      method: "GET",
      route: "/actions/:id/edit",
      expected: MANAGERS,
      request: async () => ({ path: `/actions/${await action()}/edit` }),
    },
    {
      method: "POST",
      route: "/actions/:id/edit",
      expected: MANAGERS_SAVE,
      request: async () => ({ path: `/actions/${await action()}/edit`, form: await actionForm() }),
      unchanged: actionUnchanged,
    },
    {
      method: "POST",
      route: "/actions/:id/edit",
      variant: "bad input",
      expected: [LOGIN, 403, 403, 403, 403, 400, 400],
      request: async () => ({
        path: `/actions/${await action()}/edit`,
        form: { ...(await actionForm()), description: "", owner: "no-such-person" },
      }),
      unchanged: actionUnchanged,
    },
    {
      method: "GET",
      route: "/actions/:id/update",
      expected: [LOGIN, 403, 403, 200, 403, 200, 200],
      request: async () => ({ path: `/actions/${await action()}/update` }),
    },
    {
      method: "POST",
      route: "/actions/:id/update",
      expected: [LOGIN, 403, 403, 302, 403, 302, 302],
      request: async () => ({ path: `/actions/${await action()}/update`, form: updateForm }),
      unchanged: actionUnchanged,
    },
    {
      method: "POST",
      route: "/actions/:id/update",
      variant: "confidential",
      expected: [LOGIN, 404, 403, 302, 404, 302, 302],
      request: async () => ({ path: `/actions/${await action({ confidential: true })}/update`, form: updateForm }),
      unchanged: actionUnchanged,
    },
    {
      method: "POST",
      route: "/actions/:id/update",
      variant: "bad input",
      // The owner (Torfaen's editor) and the managers are told what is wrong; nothing is written.
      expected: [LOGIN, 403, 403, 400, 403, 400, 400],
      request: async () => ({ path: `/actions/${await action()}/update`, form: { ...updateForm, status: "finished" } }),
      unchanged: actionUnchanged,
    },
    {
      method: "GET",
      route: "/meetings/:id/actions/new",
      expected: MANAGERS,
      request: async () => ({ path: `/meetings/${seeded().meetingId}/actions/new` }),
    },
    {
      method: "POST",
      route: "/meetings/:id/actions/new",
      expected: MANAGERS_SAVE,
      request: async () => ({ path: `/meetings/${seeded().meetingId}/actions/new`, form: await actionForm() }),
    },
    {
      method: "GET",
      route: "/admin/users/:id/handover",
      expected: [LOGIN, 403, 403, 403, 403, 403, 200],
      request: async () => ({ path: `/admin/users/${await personId("Demo Editor (Newport)")}/handover` }),
    },
    {
      method: "POST",
      route: "/admin/users/:id/handover",
      variant: "hand an action on",
      expected: [LOGIN, 403, 403, 403, 403, 403, 302],
      request: async () => {
        const id = await action({ owner: "Demo Editor (Newport)" });
        return {
          path: `/admin/users/${await personId("Demo Editor (Newport)")}/handover`,
          form: { kind: "action", record: id, [`to-action-${id}`]: await personId("Demo Editor (Torfaen)") },
        };
      },
      unchanged: async (_role, target) => {
        const page = await (await send("admin", "GET", target)).text();
        expect(page).toMatch(/Matrix action \d+ \d+/);
      },
    },
    {
      method: "POST",
      route: "/admin/users/:id/handover",
      variant: "to nobody",
      expected: [LOGIN, 403, 403, 403, 403, 403, 400],
      request: async () => {
        const id = await action({ owner: "Demo Editor (Newport)" });
        return {
          path: `/admin/users/${await personId("Demo Editor (Newport)")}/handover`,
          form: { kind: "action", record: id, [`to-action-${id}`]: "no-such-person" },
        };
      },
    },
  ];
}
