/**
 * Summaries for partners and decision references, against the built Hub: a
 * board's secretary publishes a held meeting's summary in Chromium (the form
 * checked with axe); a reader on no board then reads it on the home page and
 * on a partner's page, with the confidential decision as its reference and
 * "Restricted" and the confidential action left out; and a reference typed
 * into the header search goes straight to its decision.
 */
import { describe, expect, it } from "vitest";
import { expectAccessible, pauseBeforeSendingAgain } from "../support/browser";
import { seedBoard } from "../support/e2e-board-database";
import { addAction, addDecision, addHeldMeeting } from "../support/e2e-board-records";
import { e2eFixture } from "../support/e2e-fixtures";
import { uniquePrefix } from "../support/unique-names";

const e2e = e2eFixture();
const SECRETARY = "secretary@demo.srs-hub.test";
const MEMBER = "editor.newport@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";

describe("summaries for partners", () => {
  it("the secretary publishes a summary, which a reader reads on the home page and a partner's page, filtered", async () => {
    const prefix = uniquePrefix();
    const board = seedBoard(e2e.hub.dataDir, {
      slug: `summary-board-${prefix.toLowerCase()}`,
      name: `Summary Board ${prefix}`,
      referencePrefix: prefix,
      secretary: SECRETARY,
      members: [MEMBER],
    });
    const meetingId = addHeldMeeting(e2e.hub.dataDir, board.boardId);
    const open = addDecision(e2e.hub.dataDir, {
      boardId: board.boardId,
      meetingId,
      title: "Adopt the shared service desk",
      text: "Partners join in stages.",
      confidential: false,
    });
    const secret = addDecision(e2e.hub.dataDir, {
      boardId: board.boardId,
      meetingId,
      title: "End the Quillfeather contract",
      text: "Notice to be served.",
      confidential: true,
    });
    addAction(e2e.hub.dataDir, {
      meetingId,
      partner: "newport",
      description: "Plan the desk's launch",
      confidential: false,
    });
    addAction(e2e.hub.dataDir, {
      meetingId,
      partner: "newport",
      description: "Serve notice on Quillfeather",
      confidential: true,
    });

    const secretary = await e2e.signedInPage(SECRETARY);
    await secretary.goto(`${e2e.baseUrl}/meetings/${meetingId}/summary`);
    await expectAccessible(secretary);
    // Nothing typed: the form says so, and keeps its place.
    await secretary.getByRole("button", { name: "Publish summary" }).click();
    await expect.poll(() => secretary.locator(".govuk-error-summary").textContent()).toContain("Enter an introduction");
    await pauseBeforeSendingAgain(secretary);
    await secretary
      .getByLabel("Introduction")
      .fill(`The ${prefix} board agreed how partners join the **shared service desk**.`);
    // The meeting's own page is the boards part's: whatever it answers, the summary is published.
    e2e.allowNavigationStatus(404);
    await secretary.getByRole("button", { name: "Publish summary" }).click();
    await secretary.waitForURL(`**/meetings/${meetingId}`);

    const reader = await e2e.signedInPage(READER);
    for (const page of ["/", "/partners/torfaen"]) {
      await reader.goto(`${e2e.baseUrl}${page}`);
      const summaries = reader.getByRole("region", { name: "Board summaries" });
      const summary = summaries.getByRole("region", { name: new RegExp(`Summary Board ${prefix}`) });
      const text = (await summary.textContent()) ?? "";
      expect(text).toContain(`The ${prefix} board agreed how partners join the shared service desk.`);
      expect(text).toContain(`${open}: Adopt the shared service desk`);
      expect(text).toContain(`${secret}: Restricted`);
      expect(text).toContain("Plan the desk's launch");
      expect(text).not.toContain("Quillfeather");
    }

    // A board member reads the same summary in full.
    const member = await e2e.signedInPage(MEMBER);
    await member.goto(`${e2e.baseUrl}/`);
    const forMember = (await member.getByRole("region", { name: "Board summaries" }).textContent()) ?? "";
    expect(forMember).toContain(`${secret}: End the Quillfeather contract`);
    expect(forMember).toContain("Serve notice on Quillfeather");
  });

  it("a decision's reference in the header search goes straight to the decision, for everyone", async () => {
    const prefix = uniquePrefix();
    const board = seedBoard(e2e.hub.dataDir, {
      slug: `reference-board-${prefix.toLowerCase()}`,
      name: `Reference Board ${prefix}`,
      referencePrefix: prefix,
      secretary: SECRETARY,
      members: [MEMBER],
    });
    const reference = addDecision(e2e.hub.dataDir, {
      boardId: board.boardId,
      meetingId: board.meetingId,
      title: "A confidential matter",
      text: "Only for members.",
      confidential: true,
    });
    const reader = await e2e.signedInPage(READER);
    // The header search box is a GET form to /search: its address, as typed (lower case, spaces around).
    const jump = await reader.request.get(
      `${e2e.baseUrl}/search?${new URLSearchParams({ q: `  ${reference.toLowerCase()} ` })}`,
      { maxRedirects: 0 },
    );
    expect(jump.status()).toBe(302);
    expect(jump.headers().location).toBe(`/decisions/${reference}`);
    const suggested = await reader.request.get(`${e2e.baseUrl}/search/suggest?q=${reference.toLowerCase()}`);
    const { suggestions } = (await suggested.json()) as { suggestions: { title: string; url: string }[] };
    expect(suggestions[0]).toEqual(
      expect.objectContaining({ title: `${reference}: Restricted`, url: `/decisions/${reference}` }),
    );
  });
});
