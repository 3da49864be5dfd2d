/**
 * Boards and meetings in Chromium against the built Hub: the secretary of a
 * board of the test's own schedules a meeting, builds its agenda with one
 * confidential item, records attendance, marks it held and writes minutes; a
 * reader sees the meeting without the confidential item; an administrator
 * seats a member; the meeting's calendar file over HTTP.
 */
import { describe, expect, it } from "vitest";
import { expectAccessible, pauseBeforeSendingAgain, waitForScripts } from "../support/browser";
import { seedBoard } from "../support/e2e-board-database";
import { e2eFixture } from "../support/e2e-fixtures";
import { uniquePrefix } from "../support/unique-names";

const e2e = e2eFixture();
const SECRETARY = "secretary@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";
const ADMIN = "admin@demo.srs-hub.test";
const MEMBER = "editor.newport@demo.srs-hub.test";

let boards = 0;
function testBoard() {
  boards++;
  const prefix = uniquePrefix("E");
  return seedBoard(e2e.hub.dataDir, {
    slug: `e2e-board-${Date.now().toString(36)}-${boards}`,
    name: `Digital Services Board ${boards}`,
    referencePrefix: prefix,
    secretary: SECRETARY,
    members: [MEMBER],
  });
}

describe("boards and meetings", () => {
  it("the secretary runs a meeting from scheduling to minutes; a reader never sees the confidential item", async () => {
    const board = testBoard();
    const page = await e2e.signedInPage(SECRETARY);
    await page.goto(`${e2e.baseUrl}/boards/${board.slug}`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Schedule a meeting" }).click();
    await page.getByLabel("Day").fill("15");
    await page.getByLabel("Month").fill("7");
    await page.getByLabel("Year").fill("2027");
    await page.getByLabel("Start time").fill("10:00");
    await page.getByLabel("Place").fill("Council Chamber, County Hall, Usk");
    // An address that is not https is refused at its field.
    await page.getByLabel("Online meeting link (optional)").fill("http://meet.example.test/x");
    await page.getByRole("button", { name: "Save meeting" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    expect(await page.locator(".govuk-error-summary").textContent()).toContain(
      "Link must be a web address starting with https://",
    );
    await page.getByLabel("Online meeting link (optional)").fill("https://meet.example.test/x");
    // GOV.UK's buttons ignore a second press within a second.
    await pauseBeforeSendingAgain(page);
    await page.getByRole("button", { name: "Save meeting" }).click();
    await page.getByText("Meeting scheduled").waitFor();
    await page.waitForURL(/\/meetings\/\d+$/, { waitUntil: "commit" });
    const meetingUrl = page.url();
    const meetingId = /\/meetings\/(\d+)$/.exec(meetingUrl)?.[1] ?? "";
    expect(await page.locator("h1").textContent()).toBe("Meeting on 15 July 2027");
    expect(await page.locator(".govuk-summary-list").textContent()).toContain("15 July 2027 at 10:00");

    await page.getByRole("link", { name: "Agenda", exact: true }).click();
    await waitForScripts(page);
    for (const [title, confidential] of [
      ["Budget outturn", false],
      ["Redundancy proposals", true],
    ] as const) {
      await page.getByLabel("Title").fill(title);
      if (confidential) await page.getByLabel("Confidential").check();
      await pauseBeforeSendingAgain(page);
      await page.getByRole("button", { name: "Add item" }).click();
      await page.locator(".app-agenda-editor__item", { hasText: title }).waitFor();
    }
    // The confidential item first, then back down.
    await page.getByRole("button", { name: "Move up Redundancy proposals" }).click();
    await page.locator(".app-agenda-editor__item").first().filter({ hasText: "Redundancy proposals" }).waitFor();
    expect(await page.locator(".app-agenda-editor__item").allTextContents()).toEqual([
      expect.stringMatching(/^1\. Redundancy proposals Confidential/),
      expect.stringMatching(/^2\. Budget outturn/),
    ]);

    await page.goto(`${meetingUrl}/attendance`);
    await page
      .getByRole("group", { name: /Demo Editor \(Newport\)/ })
      .getByLabel("Attended")
      .check();
    await page
      .getByRole("group", { name: /Demo Secretary/ })
      .getByLabel("Sent apologies")
      .check();
    await page.getByRole("button", { name: "Save attendance" }).click();
    await page.getByText("Attendance saved").waitFor();

    await page.goto(`${meetingUrl}/edit`);
    await page.getByLabel("Held").check();
    await page.getByRole("button", { name: "Save meeting" }).click();
    await page.getByText("Meeting saved").waitFor();
    await page.getByRole("link", { name: "Minutes", exact: true }).click();
    await page.getByLabel("Minutes").fill("## Budget\n\nThe board **noted** the outturn.");
    await page.getByRole("button", { name: "Save minutes" }).click();
    await page.getByText("Minutes saved").waitFor();
    await expectAccessible(page);
    const secretaryView = await page.locator("main").textContent();
    expect(secretaryView).toContain("Redundancy proposals");
    expect(secretaryView).toContain("Demo Editor (Newport)");
    expect(await page.locator(".app-prose strong").first().textContent()).toBe("noted");

    const reader = await e2e.signedInPage(READER);
    await reader.goto(meetingUrl);
    const readerView = await reader.locator("main").textContent();
    expect(readerView).toContain("Budget outturn");
    expect(readerView).toContain("The board noted the outturn.");
    expect(readerView).not.toContain("Redundancy proposals");
    expect(readerView).not.toContain("Confidential");
    expect(await reader.getByRole("link", { name: "Edit meeting" }).count()).toBe(0);

    // The calendar file, over HTTP with the reader's session.
    const cookies = await reader.context().cookies();
    const response = await fetch(`${e2e.baseUrl}/meetings/${meetingId}.ics`, {
      headers: { Cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await response.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(`UID:meeting-${meetingId}@`);
    // 10:00 in London in July is 09:00 UTC.
    expect(ics).toContain("DTSTART:20270715T090000Z\r\n");
    expect(ics).toContain(`SUMMARY:Digital Services Board ${boards}\r\n`);
    expect(ics).toContain("LOCATION:Council Chamber\\, County Hall\\, Usk\\, https://meet.example.test/x\r\n");
    expect(ics).toContain(`URL:${e2e.baseUrl}/meetings/${meetingId}\r\n`);
    expect(ics).not.toContain("Redundancy");
  });

  it("an administrator seats a member, who then sees the confidential agenda item", async () => {
    const board = testBoard();
    const readerCookie = await (await e2e.signedInPage(READER)).context().cookies();
    const asReader = () =>
      fetch(`${e2e.baseUrl}/meetings/${board.meetingId}`, {
        headers: { Cookie: readerCookie.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") },
      }).then((response) => response.text());
    expect(await asReader()).not.toContain("Contract negotiation with a supplier");
    const admin = await e2e.signedInPage(ADMIN);
    await admin.goto(`${e2e.baseUrl}/boards/${board.slug}/members`);
    await admin.getByLabel("Person").selectOption({ label: "Demo Reader (SRS), reader@demo.srs-hub.test" });
    await admin.getByLabel("Member", { exact: true }).check();
    await admin.getByRole("button", { name: "Save seat" }).click();
    await admin.getByText("Seat saved").waitFor();
    expect(await admin.locator("table").textContent()).toContain("Demo Reader");
    expect(await asReader()).toContain("Contract negotiation with a supplier");
  });
});
