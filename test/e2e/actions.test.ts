/**
 * Actions in Chromium against the built Hub: a board's secretary adds an
 * action (after a due date before the meeting is refused), its owner sees it
 * on their home page and marks it done with a dated note, and /actions
 * finds it by its owner. A board of the test's own (seedBoard).
 */
import { describe, expect, it } from "vitest";
import { expectAccessible, pauseBeforeSendingAgain, waitForScripts } from "../support/browser";
import { seedBoard } from "../support/e2e-board-database";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture();
const SECRETARY = "secretary@demo.srs-hub.test";
// The owner here holds no other action (none in the demo content, none of other tests'), so theirs is on their home page.
const OWNER = "editor.gwent-police@demo.srs-hub.test";
const SCREENSHOTS = process.env.ACTION_SCREENSHOTS;

const dayParts = (offset: number) => {
  const date = new Date(Date.now() + offset * 86_400_000);
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) };
};

describe("actions", () => {
  it("are added by the secretary, done by their owner with a note, and found by owner", async () => {
    const board = seedBoard(e2e.hub.dataDir, {
      slug: "e2e-actions-board",
      name: "Actions Test Board",
      referencePrefix: "EAB",
      secretary: SECRETARY,
      members: ["editor.newport@demo.srs-hub.test"],
    });
    const description = `Publish the backup restore test results ${Date.now().toString(36)}`;
    const secretary = await e2e.signedInPage(SECRETARY);
    await secretary.goto(`${e2e.baseUrl}/meetings/${board.meetingId}/actions/new`);
    await waitForScripts(secretary);
    await secretary.getByLabel("What is to be done").fill(description);
    await secretary
      .getByLabel("Owner", { exact: true })
      .selectOption({ label: "Demo Editor (Gwent Police) (Gwent Police)" });
    // Due before the meeting (a fortnight away): refused, at its field and in the summary.
    const early = dayParts(2);
    await secretary.getByLabel("Day").fill(early.day);
    await secretary.getByLabel("Month").fill(early.month);
    await secretary.getByLabel("Year").fill(early.year);
    await secretary.getByRole("button", { name: "Add action" }).click();
    const summary = secretary.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("The due date must be on or after the meeting");
    const due = dayParts(30);
    await secretary.getByLabel("Day").fill(due.day);
    await secretary.getByLabel("Month").fill(due.month);
    await secretary.getByLabel("Year").fill(due.year);
    await pauseBeforeSendingAgain(secretary);
    await secretary.getByRole("button", { name: "Add action" }).click();
    await secretary.locator(".govuk-notification-banner--success").waitFor();
    expect(await secretary.locator(".govuk-notification-banner--success").textContent()).toContain("Action added");
    const address = new URL(secretary.url()).pathname;
    expect(address).toMatch(/^\/actions\/\d+$/);
    expect(await secretary.locator("main").textContent()).toContain(description);

    // The owner meets it on their home page and marks it done.
    const owner = await e2e.signedInPage(OWNER);
    await owner.goto(`${e2e.baseUrl}/`);
    const yours = owner.locator("section", { has: owner.getByRole("heading", { name: "Your actions" }) });
    await owner.getByRole("heading", { name: "Your actions" }).waitFor();
    if (SCREENSHOTS) {
      await owner.setViewportSize({ width: 375, height: 900 });
      await owner.screenshot({ path: `${SCREENSHOTS}/home-375.png`, fullPage: true });
      await owner.setViewportSize({ width: 1280, height: 900 });
    }
    await yours.getByRole("link", { name: description }).click();
    await owner.getByRole("heading", { level: 1, name: /^Action \d+$/ }).waitFor();
    await waitForScripts(owner);
    await expectAccessible(owner);
    if (SCREENSHOTS) {
      for (const width of [1280, 375]) {
        await owner.setViewportSize({ width, height: 900 });
        await owner.screenshot({ path: `${SCREENSHOTS}/action-${width}.png`, fullPage: true });
      }
      await owner.setViewportSize({ width: 1280, height: 900 });
    }
    await owner.getByRole("link", { name: "Update status" }).click();
    await owner.getByLabel("Done").check();
    await owner.getByLabel("Note").fill("Results published on the intranet.");
    await owner.getByRole("button", { name: "Save update" }).click();
    await owner.locator(".govuk-notification-banner--success").waitFor();
    const page = await owner.locator("main").textContent();
    expect(page).toContain("Action updated");
    expect(page).toContain("Results published on the intranet.");
    expect(await owner.locator(".govuk-summary-list, .govuk-tag").allTextContents()).toContain("Done");

    // Everyone finds it on /actions by its owner, once done and dropped ones are shown.
    await secretary.goto(`${e2e.baseUrl}/actions`);
    await waitForScripts(secretary);
    await expectAccessible(secretary);
    expect(await secretary.getByRole("link", { name: description }).count()).toBe(0);
    await secretary.getByLabel("Show done and dropped").check();
    await secretary.getByRole("button", { name: "Apply filters" }).click();
    await secretary.getByRole("checkbox", { name: /^Demo Editor \(Gwent Police\)/ }).check();
    await secretary.getByRole("button", { name: "Apply filters" }).click();
    await secretary.waitForURL(/owner=/);
    await secretary.getByRole("link", { name: description }).waitFor();
    expect(new URL(secretary.url()).searchParams.get("all")).toBe("1");
    if (SCREENSHOTS) {
      for (const width of [1280, 375]) {
        await secretary.setViewportSize({ width, height: 900 });
        await secretary.screenshot({ path: `${SCREENSHOTS}/actions-${width}.png`, fullPage: true });
      }
    }

    // An administrator's handover page for the owner lists the action with a choice of new owner.
    const admin = await e2e.signedInPage("admin@demo.srs-hub.test");
    await admin.goto(`${e2e.baseUrl}/admin/users`);
    await admin.getByRole("link", { name: "Demo Editor (Torfaen)" }).click();
    await admin.waitForURL(/\/admin\/users\/[^/]+$/);
    await admin.goto(`${admin.url()}/handover`);
    await admin.getByRole("heading", { level: 1, name: "Hand over Demo Editor (Torfaen)'s work" }).waitFor();
    await waitForScripts(admin);
    await expectAccessible(admin);
    if (SCREENSHOTS) await admin.screenshot({ path: `${SCREENSHOTS}/handover-1280.png`, fullPage: true });
  });
});
