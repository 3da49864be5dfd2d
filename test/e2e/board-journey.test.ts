/**
 * A board's business end to end, as partner staff meet it: the board's
 * secretary attaches a paper to a meeting, records a decision and adds an
 * action arising from it, each through its form in Chromium; a reader then
 * finds the decision by a phrase from inside the paper, a phrase in neither
 * the decision's title nor its text. A board of the test's own (seedBoard).
 */
import { describe, expect, it } from "vitest";
import { makePdf } from "../../scripts/lib/paper-documents";
import { waitForScripts } from "../support/browser";
import { seedBoard } from "../support/e2e-board-database";
import { e2eFixture } from "../support/e2e-fixtures";
import { uniquePrefix } from "../support/unique-names";

const e2e = e2eFixture();
const SECRETARY = "secretary@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";

/** A day some days from now, as a date input's three fields. */
function dayParts(daysAhead: number) {
  const day = new Date(Date.now() + daysAhead * 24 * 60 * 60 * 1000);
  return { day: String(day.getUTCDate()), month: String(day.getUTCMonth() + 1), year: String(day.getUTCFullYear()) };
}

describe("a board's business", () => {
  it("is recorded by its secretary, and a reader finds the decision by a phrase inside its paper", async () => {
    const prefix = uniquePrefix("J");
    const letters = prefix.slice(1);
    const board = seedBoard(e2e.hub.dataDir, {
      slug: `journey-${letters.toLowerCase()}`,
      name: `Journey Test Board ${letters}`,
      referencePrefix: prefix,
      secretary: SECRETARY,
      members: [],
    });
    // A made-up word, so that nothing else in the Hub holds the phrase.
    const word = `zeph${letters.toLowerCase()}`;
    const phrase = `${word} archive tier`;
    const paper = await makePdf("Storage options appraisal", [
      `Moving cold records to the ${phrase} saves eighty-four thousand pounds a year.`,
    ]);

    const secretary = await e2e.signedInPage(SECRETARY);
    await secretary.goto(`${e2e.baseUrl}/meetings/${board.meetingId}/papers/new`);
    await waitForScripts(secretary);
    await secretary.getByLabel("Title").fill("Storage options appraisal");
    await secretary
      .getByLabel("Upload a file")
      .setInputFiles({ name: "Storage options.pdf", mimeType: "application/pdf", buffer: paper });
    await secretary.getByRole("button", { name: "Upload paper" }).click();
    await secretary.waitForURL(/\/papers\/\d+$/);

    await secretary.goto(`${e2e.baseUrl}/meetings/${board.meetingId}/decisions/new`);
    await waitForScripts(secretary);
    await secretary.getByLabel("Title", { exact: true }).fill("Fund the storage refresh");
    await secretary.getByLabel("What was decided").fill("The Board agreed the option the appraisal recommends.");
    await secretary.getByLabel("Decision maker").fill("The Board");
    await secretary.getByLabel("Agreed").check();
    const effective = dayParts(0);
    await secretary.getByLabel("Day").fill(effective.day);
    await secretary.getByLabel("Month").fill(effective.month);
    await secretary.getByLabel("Year").fill(effective.year);
    await secretary.getByRole("button", { name: "Record decision" }).click();
    await secretary.waitForURL(new RegExp(`/decisions/J${letters}-\\d{4}-\\d+$`));
    const reference = new URL(secretary.url()).pathname.split("/")[2] ?? "";

    // The action arises from the decision: added from the decision's own page.
    await secretary.getByRole("link", { name: "Add an action" }).click();
    await secretary.waitForURL(/\/actions\/new\?decision=\d+$/);
    await waitForScripts(secretary);
    const description = `Order the archive storage ${letters}`;
    await secretary.getByLabel("What is to be done").fill(description);
    await secretary
      .getByLabel("Owner", { exact: true })
      .selectOption({ label: "Demo Editor (Torfaen) (Torfaen County Borough Council)" });
    const due = dayParts(30);
    await secretary.getByLabel("Day").fill(due.day);
    await secretary.getByLabel("Month").fill(due.month);
    await secretary.getByLabel("Year").fill(due.year);
    await secretary.getByRole("button", { name: "Add action" }).click();
    await secretary.waitForURL(/\/actions\/\d+$/);
    await secretary.goto(`${e2e.baseUrl}/decisions/${reference}`);
    await expect.poll(async () => (await secretary.locator("main").textContent()) ?? "").toContain(description);

    // The paper's text is read in the background, then indexed with the decision it stands behind.
    const reader = await e2e.signedInPage(READER);
    const found = reader.locator(`main a[href="/decisions/${reference}"]`);
    await expect
      .poll(
        async () => {
          await reader.goto(`${e2e.baseUrl}/search?q=${encodeURIComponent(phrase)}`);
          return found.count();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await found.first().click();
    await reader.waitForURL(new RegExp(`/decisions/${reference}$`));
    await expect
      .poll(async () => (await reader.locator("h1").textContent()) ?? "")
      .toContain("Fund the storage refresh");
  });
});
