/**
 * The authorisation matrix's rows for boards, seats and meetings. Each row
 * works on a board of its own (seedBoard): the demo secretary is its
 * secretary and Newport's editor ("otherEditor") a member; administrators
 * add and edit boards and seat members; the secretary and administrators
 * run its meetings; every member of staff reads boards and meetings, and a
 * confidential agenda item only the board's members and administrators see.
 */
import { expect } from "vitest";
import { type SeededBoard, seedBoard } from "./e2e-board-database";
import type { EveryRole, MatrixRow, Send } from "./matrix-types";
import { uniquePrefix } from "./unique-names";

export function boardMatrixRows(send: Send, LOGIN: number, dataDir: () => string): MatrixRow[] {
  let made = 0;
  /** The slug the last "new board" request asked for: a refused one leaves no board there. */
  let lastNewBoardSlug = "";
  const board = (): SeededBoard & { referencePrefix: string } => {
    made++;
    const referencePrefix = uniquePrefix("M");
    const seeded = seedBoard(dataDir(), {
      slug: `matrix-board-${Date.now().toString(36)}-${made}`,
      name: `Matrix Board ${made}`,
      referencePrefix,
      secretary: "secretary@demo.srs-hub.test",
      members: ["editor.newport@demo.srs-hub.test"],
    });
    return { ...seeded, referencePrefix };
  };
  /** A fresh held meeting (through the secretary's form), for the minutes. */
  const heldMeeting = async () => {
    const seeded = board();
    const response = await send("admin", "POST", `/meetings/${seeded.meetingId}/edit`, {
      ...meetingForm,
      status: "held",
    });
    if (response.status !== 302) throw new Error(`Holding a meeting answered ${response.status}`);
    return seeded;
  };
  const meetingForm = {
    "day-day": "14",
    "day-month": "5",
    "day-year": "2027",
    startTime: "10:00",
    endTime: "",
    location: "Committee Room 2, Civic Centre, Newport",
    onlineUrl: "",
  };
  /** The meeting still has its two agenda items and no minutes. */
  const meetingUnchanged = async (_role: string, target: string) => {
    const id = /\/meetings\/(\d+)/.exec(target)?.[1] ?? "";
    const page = await (await send("admin", "GET", `/meetings/${id}`)).text();
    expect(page).toContain("Service performance report");
    expect(page).toContain("Contract negotiation with a supplier");
    expect(page).not.toContain("Matrix minutes");
    expect(page).not.toContain("Matrix item");
    expect(page).toContain("Committee Room 2, Civic Centre, Newport");
  };
  const EVERYONE: EveryRole = [LOGIN, 200, 200, 200, 200, 200, 200];
  const ADMIN_ONLY: EveryRole = [LOGIN, 403, 403, 403, 403, 403, 200];
  const ADMIN_ONLY_SAVE: EveryRole = [LOGIN, 403, 403, 403, 403, 403, 302];
  const MANAGERS: EveryRole = [LOGIN, 403, 403, 403, 403, 200, 200];
  const MANAGERS_SAVE: EveryRole = [LOGIN, 403, 403, 403, 403, 302, 302];
  const NO_ACTION: EveryRole = [405, 405, 405, 405, 405, 405, 405];
  const NOT_FOUND: EveryRole = [LOGIN, 404, 404, 404, 404, 404, 404];
  return [
    { method: "GET", route: "/boards", expected: EVERYONE, request: async () => ({ path: "/boards" }) },
    { method: "POST", route: "/boards", expected: NO_ACTION, request: async () => ({ path: "/boards" }) },
    { method: "GET", route: "/boards/new", expected: ADMIN_ONLY, request: async () => ({ path: "/boards/new" }) },
    {
      method: "POST",
      route: "/boards/new",
      expected: ADMIN_ONLY_SAVE,
      request: async () => {
        made++;
        const stamp = `${Date.now().toString(36)}-${made}`;
        lastNewBoardSlug = `matrix-new-${stamp}`;
        return {
          path: "/boards/new",
          form: {
            name: `Matrix new board ${stamp}`,
            slug: lastNewBoardSlug,
            referencePrefix: uniquePrefix("N"),
            description: "",
          },
        };
      },
      unchanged: async () => expect((await send("admin", "GET", `/boards/${lastNewBoardSlug}`)).status).toBe(404),
    },
    {
      method: "POST",
      route: "/boards/new",
      variant: "bad input",
      expected: [LOGIN, 403, 403, 403, 403, 403, 400],
      request: async () => ({ path: "/boards/new", form: { name: "", slug: "Bad Slug", referencePrefix: "x" } }),
    },
    {
      method: "GET",
      route: "/boards/:slug",
      expected: EVERYONE,
      request: async () => ({ path: `/boards/${board().slug}` }),
    },
    {
      method: "GET",
      route: "/boards/:slug",
      variant: "no such board",
      expected: NOT_FOUND,
      request: async () => ({ path: "/boards/no-such-board" }),
    },
    {
      method: "POST",
      route: "/boards/:slug",
      expected: NO_ACTION,
      request: async () => ({ path: `/boards/${board().slug}` }),
    },
    {
      method: "GET",
      route: "/boards/:slug/edit",
      expected: ADMIN_ONLY,
      request: async () => ({ path: `/boards/${board().slug}/edit` }),
    },
    {
      method: "POST",
      route: "/boards/:slug/edit",
      expected: ADMIN_ONLY_SAVE,
      request: async () => {
        const seeded = board();
        return {
          path: `/boards/${seeded.slug}/edit`,
          form: {
            name: "Matrix Board, renamed",
            referencePrefix: seeded.referencePrefix,
            description: "",
          },
        };
      },
    },
    {
      method: "POST",
      route: "/boards/:slug/edit",
      variant: "bad input",
      expected: [LOGIN, 403, 403, 403, 403, 403, 400],
      request: async () => {
        const seeded = board();
        return { path: `/boards/${seeded.slug}/edit`, form: { name: "", referencePrefix: "nope!", description: "" } };
      },
    },
    {
      method: "GET",
      route: "/boards/:slug/members",
      expected: ADMIN_ONLY,
      request: async () => ({ path: `/boards/${board().slug}/members` }),
    },
    {
      method: "POST",
      route: "/boards/:slug/members",
      variant: "unseat the member",
      expected: ADMIN_ONLY_SAVE,
      request: async () => {
        const seeded = board();
        const page = await (await send("admin", "GET", `/boards/${seeded.slug}/members`)).text();
        const person = /name="person" value="([^"]+)"/.exec(page)?.[1] ?? "";
        return { path: `/boards/${seeded.slug}/members`, form: { intent: "unseat", person } };
      },
    },
    {
      method: "POST",
      route: "/boards/:slug/members",
      variant: "seat nobody",
      expected: [LOGIN, 403, 403, 403, 403, 403, 400],
      request: async () => ({
        path: `/boards/${board().slug}/members`,
        form: { intent: "seat", person: "no-such-person", role: "chairman" },
      }),
    },
    {
      method: "GET",
      route: "/meetings/new",
      expected: MANAGERS,
      request: async () => ({ path: `/meetings/new?board=${board().slug}` }),
    },
    {
      method: "POST",
      route: "/meetings/new",
      expected: MANAGERS_SAVE,
      request: async () => ({ path: `/meetings/new?board=${board().slug}`, form: meetingForm }),
    },
    {
      method: "POST",
      route: "/meetings/new",
      variant: "a link that is not https",
      expected: [LOGIN, 403, 403, 403, 403, 400, 400],
      request: async () => ({
        path: `/meetings/new?board=${board().slug}`,
        form: { ...meetingForm, onlineUrl: "http://x.test" },
      }),
    },
    {
      method: "GET",
      route: "/meetings/:id",
      expected: EVERYONE,
      request: async () => ({ path: `/meetings/${board().meetingId}` }),
    },
    {
      method: "GET",
      route: "/meetings/:id",
      variant: "not a number",
      expected: NOT_FOUND,
      request: async () => ({ path: "/meetings/1x" }),
    },
    {
      method: "POST",
      route: "/meetings/:id",
      expected: NO_ACTION,
      request: async () => ({ path: `/meetings/${board().meetingId}` }),
    },
    {
      method: "GET",
      route: "/meetings/:id.ics",
      expected: EVERYONE,
      request: async () => ({ path: `/meetings/${board().meetingId}.ics` }),
    },
    {
      method: "GET",
      route: "/meetings/:id.ics",
      variant: "no such meeting",
      expected: NOT_FOUND,
      request: async () => ({ path: "/meetings/999999999.ics" }),
    },
    {
      method: "POST",
      route: "/meetings/:id.ics",
      expected: NO_ACTION,
      request: async () => ({ path: `/meetings/${board().meetingId}.ics` }),
    },
    {
      method: "GET",
      route: "/meetings/:id/edit",
      expected: MANAGERS,
      request: async () => ({ path: `/meetings/${board().meetingId}/edit` }),
    },
    {
      method: "POST",
      route: "/meetings/:id/edit",
      expected: MANAGERS_SAVE,
      request: async () => ({
        path: `/meetings/${board().meetingId}/edit`,
        form: { ...meetingForm, location: "Matrix room", status: "scheduled" },
      }),
      unchanged: meetingUnchanged,
    },
    {
      method: "GET",
      route: "/meetings/:id/agenda",
      expected: MANAGERS,
      request: async () => ({ path: `/meetings/${board().meetingId}/agenda` }),
    },
    {
      method: "POST",
      route: "/meetings/:id/agenda",
      expected: MANAGERS_SAVE,
      request: async () => ({
        path: `/meetings/${board().meetingId}/agenda`,
        form: { intent: "add", title: "Matrix item" },
      }),
      unchanged: meetingUnchanged,
    },
    {
      method: "POST",
      route: "/meetings/:id/agenda",
      variant: "remove the confidential item",
      expected: MANAGERS_SAVE,
      request: async () => {
        const seeded = board();
        return {
          path: `/meetings/${seeded.meetingId}/agenda`,
          form: { intent: "remove", item: String(seeded.confidentialAgendaItemId) },
        };
      },
      unchanged: meetingUnchanged,
    },
    {
      method: "GET",
      route: "/meetings/:id/attendance",
      expected: MANAGERS,
      request: async () => ({ path: `/meetings/${board().meetingId}/attendance` }),
    },
    {
      method: "POST",
      route: "/meetings/:id/attendance",
      expected: MANAGERS_SAVE,
      request: async () => ({
        path: `/meetings/${board().meetingId}/attendance`,
        form: { otherEmail: "reader@demo.srs-hub.test", otherAttendance: "attended" },
      }),
      unchanged: async (_role, target) => {
        const id = /\/meetings\/(\d+)/.exec(target)?.[1] ?? "";
        expect(await (await send("admin", "GET", `/meetings/${id}`)).text()).toContain(
          "Attendance has not been recorded.",
        );
      },
    },
    {
      method: "GET",
      route: "/meetings/:id/minutes",
      expected: MANAGERS,
      request: async () => ({ path: `/meetings/${board().meetingId}/minutes` }),
    },
    {
      method: "POST",
      route: "/meetings/:id/minutes",
      expected: MANAGERS_SAVE,
      request: async () => ({
        path: `/meetings/${(await heldMeeting()).meetingId}/minutes`,
        form: { minutes: "Matrix minutes" },
      }),
      unchanged: meetingUnchanged,
    },
    {
      method: "POST",
      route: "/meetings/:id/minutes",
      variant: "before it is held",
      expected: [LOGIN, 403, 403, 403, 403, 400, 400],
      request: async () => ({ path: `/meetings/${board().meetingId}/minutes`, form: { minutes: "Matrix minutes" } }),
      unchanged: meetingUnchanged,
    },
  ];
}
