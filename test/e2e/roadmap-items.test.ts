/**
 * Roadmap items in Chromium against the built Hub: the demo coordinator
 * adds an item (after an error first), its owner posts an "at risk" update
 * and links a Torfaen lesson through the picker as they type; a reader sees
 * it all on the item's page, is refused the edit form, and finds the lesson
 * by filtering search on the item.
 */
import { describe, expect, it } from "vitest";
import { expectAccessible, pauseBeforeSendingAgain, waitForScripts } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { createPost, uniqueTitle } from "../support/e2e-posts";

const e2e = e2eFixture();
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";
const COORDINATOR = "coordinator@demo.srs-hub.test";

describe("roadmap items", () => {
  it("are added by a coordinator, updated by their owner and read by everyone", async () => {
    const title = `Cloud telephony ${Date.now().toString(36)}`;
    const coordinator = await e2e.signedInPage(COORDINATOR);
    await coordinator.goto(`${e2e.baseUrl}/roadmap/new`);
    await waitForScripts(coordinator);
    await expectAccessible(coordinator);
    await coordinator.getByLabel("Title").fill(title);
    await coordinator.getByLabel("Summary").fill("Every partner's phones in the cloud.");
    await coordinator.getByLabel("Description").fill("## Plan\n\nMove the **contact centres** first.");
    await coordinator.getByLabel("Theme").selectOption({ label: "Telephony and networks" });
    await coordinator.getByLabel("Planned").check();
    await coordinator.getByLabel("Start quarter").fill("2026-Q3");
    // The target before the start: refused, with the error named in the summary and at its field.
    await coordinator.getByLabel("Target quarter").fill("2026-Q1");
    await coordinator.getByLabel("Torfaen County Borough Council").check();
    await coordinator
      .getByLabel("Owner")
      .selectOption({ label: "Demo Editor (Torfaen), Torfaen County Borough Council" });
    await coordinator.getByRole("button", { name: "Add to the roadmap" }).click();
    const summary = coordinator.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Target quarter must be the same as or after the start quarter");
    expect(await coordinator.title()).toMatch(/^Error: /);
    expect(await coordinator.getByLabel("Title").inputValue()).toBe(title);
    await coordinator.getByLabel("Target quarter").fill("2027-Q2");
    await pauseBeforeSendingAgain(coordinator);
    await coordinator.getByRole("button", { name: "Add to the roadmap" }).click();
    await coordinator.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await coordinator.locator(".govuk-notification-banner--success").textContent()).toContain(
      "Roadmap item added",
    );
    const address = new URL(coordinator.url()).pathname;
    expect(address).toMatch(/^\/roadmap\/cloud-telephony-/);

    // The owner posts an "at risk" update.
    const owner = await e2e.signedInPage(TORFAEN_EDITOR);
    await owner.goto(`${e2e.baseUrl}${address}`);
    await waitForScripts(owner);
    await owner.getByRole("link", { name: "Post a progress update" }).click();
    await owner.getByLabel("At risk").check();
    await owner.getByLabel("What has happened since the last update?").fill("The **supplier** is late.");
    await owner.getByRole("button", { name: "Post update" }).click();
    await owner.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await owner.locator(".govuk-notification-banner--success").textContent()).toContain(
      "Progress update posted",
    );

    // The owner links a Torfaen lesson through the picker, whose results follow what is typed.
    const lessonTitle = uniqueTitle("Porting numbers to cloud telephony");
    await createPost(owner.request, e2e.baseUrl, { title: lessonTitle, status: "published" });
    await owner.getByRole("link", { name: "Link a post" }).click();
    await waitForScripts(owner);
    await owner.getByLabel("Search published posts").pressSequentially(lessonTitle.slice(0, 24));
    await owner.getByRole("radio", { name: lessonTitle }).check();
    await owner.getByRole("button", { name: "Continue" }).click();
    await owner.getByRole("radio", { name: /It informed the item/ }).check();
    await owner.getByRole("button", { name: "Link", exact: true }).click();
    await owner.waitForURL(`**${address}`);
    await owner.locator(".govuk-notification-banner--success").waitFor();
    expect(await owner.locator(".govuk-notification-banner--success").textContent()).toContain(
      `Linked to ${lessonTitle}`,
    );

    // A reader sees the rating, the update and the timeline, with no way to change them.
    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}${address}`);
    await waitForScripts(reader);
    const tags = await reader.locator(".app-roadmap-tags").textContent();
    expect(tags).toContain("Planned");
    expect(tags).toContain("At risk");
    expect(await reader.locator(".app-roadmap-updates").textContent()).toContain("The supplier is late.");
    const timeline = (await reader.locator(".app-roadmap-timeline").textContent()) ?? "";
    expect(timeline).toMatch(/posted an update for .*: At risk/);
    expect(timeline).toContain("added the item as Planned");
    expect(await reader.getByRole("link", { name: "Post a progress update" }).count()).toBe(0);
    expect(await reader.getByRole("link", { name: "Edit this item" }).count()).toBe(0);
    await expectAccessible(reader);
    e2e.allowNavigationStatus(403);
    const edit = await reader.goto(`${e2e.baseUrl}${address}/edit`);
    expect(edit?.status()).toBe(403);
    const post = await reader.context().request.post(`${e2e.baseUrl}${address}/updates/new`, {
      form: {
        "updateDate-day": "1",
        "updateDate-month": "1",
        "updateDate-year": "2026",
        rating: "off-track",
        note: "x",
      },
      headers: { Origin: e2e.baseUrl },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(403);
    expect(await reader.goto(`${e2e.baseUrl}${address}`).then((response) => response?.status())).toBe(200);
    expect(await reader.locator("section.app-linked-records").getByRole("link", { name: lessonTitle }).count()).toBe(1);

    // The reader finds the lesson by filtering search on the item.
    await reader.goto(`${e2e.baseUrl}/search`);
    await waitForScripts(reader);
    // The section headed "Roadmap item" (the type filter lists "Roadmap item" too, as a value).
    const filters = reader.locator("details.app-filter", {
      has: reader.locator(":scope > summary", { hasText: /^\s*Roadmap item\s*$/ }),
    });
    await filters.locator(":scope > summary").click();
    const box = filters.getByRole("checkbox", { name: new RegExp(`^${title} \\(`) });
    if (!(await box.isVisible())) await filters.getByText(/^Show all \d+ roadmap items$/).click();
    await box.check();
    await reader.waitForURL(/[?&]item=/);
    const results = reader.locator(".app-results");
    await results.getByRole("link", { name: lessonTitle }).waitFor();
    expect(await results.getByRole("heading").count()).toBe(1);
  });
});
