/**
 * The authorisation matrix's rows for decisions, on a board of their own
 * (seedBoard): the demo secretary is its secretary and Newport's editor
 * ("otherEditor") a member. Everyone signed in reads the register, the CSV
 * and every decision's page (a confidential one as "Restricted" to
 * non-members, whose history is then not found); only the secretary and
 * administrators record, edit, change the status of and link decisions,
 * refused before what they sent is read.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { expect } from "vitest";
import { type SeededBoard, seedBoard } from "./e2e-board-database";
import type { EveryRole, MatrixRow, Send } from "./matrix-types";
import { uniquePrefix } from "./unique-names";

export function decisionMatrixRows(send: Send, LOGIN: number, dataDir: () => string): MatrixRow[] {
  let seeded: SeededBoard | null = null;
  let made = 0;
  const board = () => {
    if (!seeded) {
      seeded = seedBoard(dataDir(), {
        slug: `matrix-decisions-${Date.now().toString(36)}`,
        name: "Matrix Decisions Board",
        referencePrefix: uniquePrefix("M"),
        secretary: "secretary@demo.srs-hub.test",
        members: ["editor.newport@demo.srs-hub.test"],
      });
    }
    return seeded;
  };
  const query = <T>(sql: string, ...params: unknown[]): T | undefined => {
    const db = new Database(path.join(dataDir(), "hub.db"), { readonly: true });
    try {
      return db.prepare(sql).get(...params) as T | undefined;
    } finally {
      db.close();
    }
  };
  const decisionForm = (overrides: Record<string, string> = {}) => ({
    title: `Matrix decision ${++made} ${Date.now()}`,
    text: "Agreed by the matrix.",
    decisionMaker: "The Board",
    status: "agreed",
    ...overrides,
  });
  /** A fresh decision recorded by the secretary through the form; its reference. */
  const decision = async (overrides: Record<string, string> = {}) => {
    const { meetingId } = board();
    const response = await send("secretary", "POST", `/meetings/${meetingId}/decisions/new`, decisionForm(overrides));
    const location = response.headers.get("location") ?? "";
    if (response.status !== 302 || !location.startsWith("/decisions/")) {
      throw new Error(`Recording a decision answered ${response.status}: ${await response.text()}`);
    }
    return location.slice("/decisions/".length);
  };
  const confidential = () => decision({ confidential: "yes" });
  /** The decision stands as recorded: its title and status, no link. */
  const decisionUnchanged = async (_role: string, target: string) => {
    const reference = target.split("/")[2] ?? "";
    const row = query<{ title: string; status: string; links: number }>(
      `select title, status, (select count(*) from record_links where subject_type = 'decision'
         and subject_id = cast(decisions.id as text)) as links from decisions where reference = ?`,
      reference,
    );
    expect(row?.title).toMatch(/^Matrix decision \d+ \d+$/);
    expect([row?.status, row?.links]).toEqual(["agreed", 0]);
  };
  let lastTitle = "";
  const roadmapItemId = () => query<{ id: number }>("select id from roadmap_items order by id limit 1")?.id ?? 0;
  const EVERYONE: EveryRole = [LOGIN, 200, 200, 200, 200, 200, 200];
  const MANAGERS: EveryRole = [LOGIN, 403, 403, 403, 403, 200, 200];
  const MANAGERS_SAVE: EveryRole = [LOGIN, 403, 403, 403, 403, 302, 302];
  const MANAGERS_BAD_INPUT: EveryRole = [LOGIN, 403, 403, 403, 403, 400, 400];
  const NO_ACTION: EveryRole = [405, 405, 405, 405, 405, 405, 405];
  return [
    {
      method: "GET",
      route: "/decisions",
      expected: EVERYONE,
      request: async () => ({ path: `/decisions?board=${board().slug}&status=agreed&year=nonsense&page=2` }),
    },
    { method: "POST", route: "/decisions", expected: NO_ACTION, request: async () => ({ path: "/decisions" }) },
    {
      method: "GET",
      route: "/decisions.csv",
      expected: EVERYONE,
      request: async () => ({ path: `/decisions.csv?board=${board().slug}&board=%3Cscript%3E` }),
    },
    { method: "POST", route: "/decisions.csv", expected: NO_ACTION, request: async () => ({ path: "/decisions.csv" }) },
    {
      method: "GET",
      route: "/decisions/:reference",
      expected: EVERYONE,
      request: async () => ({ path: `/decisions/${(await decision()).toLowerCase()}` }),
    },
    {
      method: "GET",
      route: "/decisions/:reference",
      variant: "confidential: restricted, not hidden",
      expected: EVERYONE,
      request: async () => ({ path: `/decisions/${await confidential()}` }),
    },
    {
      method: "GET",
      route: "/decisions/:reference",
      variant: "no such decision",
      expected: [LOGIN, 404, 404, 404, 404, 404, 404],
      request: async () => ({ path: "/decisions/ZZ-1999-999" }),
    },
    {
      method: "POST",
      route: "/decisions/:reference",
      expected: NO_ACTION,
      request: async () => ({ path: `/decisions/${await decision()}` }),
    },
    {
      method: "GET",
      route: "/decisions/:reference/edit",
      expected: MANAGERS,
      request: async () => ({ path: `/decisions/${await decision()}/edit` }),
    },
    {
      method: "GET",
      route: "/decisions/:reference/edit",
      variant: "confidential: its board's member may not edit it either",
      expected: MANAGERS,
      request: async () => ({ path: `/decisions/${await confidential()}/edit` }),
    },
    {
      method: "POST",
      route: "/decisions/:reference/edit",
      expected: MANAGERS_SAVE,
      request: async () => ({
        path: `/decisions/${await decision()}/edit`,
        form: { ...decisionForm({ title: "Edited by the matrix" }), reference: "XX-2000-001" },
      }),
      unchanged: decisionUnchanged,
    },
    {
      method: "POST",
      route: "/decisions/:reference/edit",
      variant: "bad input",
      expected: MANAGERS_BAD_INPUT,
      request: async () => ({ path: `/decisions/${await decision()}/edit`, form: { title: "", text: "" } }),
      unchanged: decisionUnchanged,
    },
    {
      method: "GET",
      route: "/decisions/:reference/status",
      expected: MANAGERS,
      request: async () => ({ path: `/decisions/${await decision()}/status` }),
    },
    {
      method: "POST",
      route: "/decisions/:reference/status",
      expected: MANAGERS_SAVE,
      request: async () => ({
        path: `/decisions/${await decision()}/status`,
        form: { status: "withdrawn", withdrawnReason: "Withdrawn by the matrix" },
      }),
      unchanged: decisionUnchanged,
    },
    {
      method: "POST",
      route: "/decisions/:reference/status",
      variant: "withdrawn without a reason",
      expected: MANAGERS_BAD_INPUT,
      request: async () => ({ path: `/decisions/${await decision()}/status`, form: { status: "withdrawn" } }),
      unchanged: decisionUnchanged,
    },
    {
      method: "GET",
      route: "/decisions/:reference/history",
      expected: EVERYONE,
      request: async () => ({ path: `/decisions/${await decision()}/history` }),
    },
    {
      method: "GET",
      route: "/decisions/:reference/history",
      variant: "confidential",
      expected: [LOGIN, 404, 200, 404, 404, 200, 200],
      request: async () => ({ path: `/decisions/${await confidential()}/history` }),
    },
    {
      method: "POST",
      route: "/decisions/:reference/history",
      expected: NO_ACTION,
      request: async () => ({ path: `/decisions/${await decision()}/history` }),
    },
    {
      method: "GET",
      route: "/decisions/:reference/links/new",
      expected: MANAGERS,
      request: async () => ({ path: `/decisions/${await decision()}/links/new?q=cloud` }),
    },
    {
      method: "POST",
      route: "/decisions/:reference/links/new",
      expected: MANAGERS_SAVE,
      request: async () => ({
        path: `/decisions/${await decision()}/links/new`,
        form: { record: String(roadmapItemId()), relation: "affects", note: "" },
      }),
      unchanged: decisionUnchanged,
    },
    {
      method: "GET",
      route: "/meetings/:id/decisions/new",
      expected: MANAGERS,
      request: async () => ({ path: `/meetings/${board().meetingId}/decisions/new` }),
    },
    {
      method: "POST",
      route: "/meetings/:id/decisions/new",
      expected: MANAGERS_SAVE,
      request: async () => {
        const form = decisionForm();
        lastTitle = form.title;
        return { path: `/meetings/${board().meetingId}/decisions/new`, form };
      },
      unchanged: async () => {
        expect(query<{ n: number }>("select count(*) as n from decisions where title = ?", lastTitle)?.n).toBe(0);
      },
    },
    {
      method: "POST",
      route: "/meetings/:id/decisions/new",
      variant: "no such meeting",
      expected: [LOGIN, 404, 404, 404, 404, 404, 404],
      request: async () => ({ path: "/meetings/999999/decisions/new", form: decisionForm() }),
    },
  ];
}
