/**
 * The authorisation matrix's rows for summaries for partners, on a board of
 * the matrix's own (seedBoard): the demo secretary is its secretary and
 * Newport's editor ("otherEditor") a member. Only the secretary and
 * administrators publish a summary, and only once the meeting is held (400
 * before); a member of the board may not, nor anyone else; a meeting that
 * does not exist is 404 to everyone signed in.
 */
import { expect } from "vitest";
import { type SeededBoard, seedBoard } from "./e2e-board-database";
import { addHeldMeeting } from "./e2e-board-records";
import type { EveryRole, MatrixRow, Send } from "./matrix-types";
import { uniquePrefix } from "./unique-names";

export function summaryMatrixRows(send: Send, LOGIN: number, dataDir: () => string): MatrixRow[] {
  let board: SeededBoard | undefined;
  const seeded = () => {
    if (board) return board;
    const prefix = uniquePrefix();
    board = seedBoard(dataDir(), {
      slug: `matrix-summaries-${prefix.toLowerCase()}`,
      name: `Matrix summaries board ${prefix}`,
      referencePrefix: prefix,
      secretary: "secretary@demo.srs-hub.test",
      members: ["editor.newport@demo.srs-hub.test"],
    });
    return board;
  };
  /** One held meeting per row, made on the row's first request. */
  const heldMeeting = () => {
    let id: number | undefined;
    return async () => {
      id ??= addHeldMeeting(dataDir(), seeded().boardId);
      return { path: `/meetings/${id}/summary`, form: { introduction: "The board met." } };
    };
  };
  const notHeld = async () => ({
    path: `/meetings/${seeded().meetingId}/summary`,
    form: { introduction: "Too soon." },
  });
  /** Nothing was published: the secretary is still offered "Publish", not "Update". */
  const noSummary = async (_role: unknown, target: string) => {
    const page = await (await send("admin", "GET", target)).text();
    expect(page).not.toContain("Update the summary for partners");
  };
  const MANAGERS: EveryRole = [LOGIN, 403, 403, 403, 403, 200, 200];
  const MANAGERS_SAVE: EveryRole = [LOGIN, 403, 403, 403, 403, 302, 302];
  const MANAGERS_NOT_YET: EveryRole = [LOGIN, 403, 403, 403, 403, 400, 400];
  const NOT_FOUND: EveryRole = [LOGIN, 404, 404, 404, 404, 404, 404];
  return [
    { method: "GET", route: "/meetings/:id/summary", expected: MANAGERS, request: heldMeeting() },
    {
      method: "GET",
      route: "/meetings/:id/summary",
      variant: "a meeting not yet held",
      expected: MANAGERS_NOT_YET,
      request: notHeld,
    },
    {
      method: "GET",
      route: "/meetings/:id/summary",
      variant: "no such meeting",
      expected: NOT_FOUND,
      request: async () => ({ path: "/meetings/99999999/summary" }),
    },
    {
      method: "POST",
      route: "/meetings/:id/summary",
      expected: MANAGERS_SAVE,
      request: heldMeeting(),
      unchanged: noSummary,
    },
    {
      method: "POST",
      route: "/meetings/:id/summary",
      variant: "a meeting not yet held",
      expected: MANAGERS_NOT_YET,
      request: notHeld,
      unchanged: noSummary,
    },
  ];
}
