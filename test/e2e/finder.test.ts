import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { waitForScripts } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { createPost, uniqueTitle } from "../support/e2e-posts";
import { eventually } from "../support/wait";

const e2e = e2eFixture();
const READER = "reader@demo.srs-hub.test";
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";

const results = (page: Page) => page.locator(".app-results > li");
const status = (page: Page) => page.getByRole("status");
const countIn = async (page: Page) => Number((await status(page).textContent())?.match(/^(\d+)/)?.[1]);
/** The count beside a filter value, as its checkbox's name says it: "Case study (12)". */
async function facetCount(page: Page, label: string): Promise<number> {
  const name = await page.getByRole("checkbox", { name: new RegExp(`^${label} \\(\\d+\\)$`) }).getAttribute("id");
  const text = await page.locator(`label[for="${name}"]`).textContent();
  return Number(text?.match(/\((\d+)\)$/)?.[1]);
}

describe("the finder", () => {
  it("ORs two kinds ticked together, and their counts stay useful once one is chosen", async () => {
    const page = await e2e.signedInPage(READER);
    // Demo posts of one past year: posts other tests publish meanwhile (dated today) cannot shift the counts.
    await page.goto(`${e2e.baseUrl}/search?year=2023`);
    // Before scripts start, a tick neither applies at once nor survives their first render.
    await waitForScripts(page);
    const lessons = await facetCount(page, "Lesson learned");
    const caseStudies = await facetCount(page, "Case study");
    expect(lessons).toBeGreaterThan(0);
    expect(caseStudies).toBeGreaterThan(0);

    // Ticking applies at once (no button): the list narrows to lessons.
    await page.getByRole("checkbox", { name: /^Lesson learned/ }).check();
    await page.waitForURL(/kind=lesson/);
    await eventually(async () => (await countIn(page)) === lessons, 5_000);
    // The other kind still says what a second tick would add.
    expect(await facetCount(page, "Case study")).toBe(caseStudies);

    await page.getByRole("checkbox", { name: /^Case study/ }).check();
    await page.waitForURL(/kind=lesson&kind=case-study|kind=case-study&kind=lesson/);
    await eventually(async () => (await countIn(page)) === lessons + caseStudies, 5_000);
    const kinds = new Set(await page.locator(".app-results .govuk-tag").allTextContents());
    expect(kinds).toEqual(new Set(["Lesson learned", "Case study"]));
    // Counts for the partners are of lessons and case studies only.
    const partnerTotal = (await page.locator("#finder-filters input[name=partner] + label").allTextContents())
      .map((text) => Number(text.match(/\((\d+)\)$/)?.[1]))
      .reduce((sum, n) => sum + n, 0);
    expect(partnerTotal).toBe(lessons + caseStudies);
  });

  it("shows chosen filters as tags that each remove themselves, and clears them all", async () => {
    const page = await e2e.signedInPage(READER);
    await page.goto(`${e2e.baseUrl}/search?kind=lesson&partner=torfaen&tag=microsoft-365`);
    await waitForScripts(page);
    const selected = page.getByRole("list", { name: "Selected filters" });
    // Topics by their names, never as #slugs.
    expect(await selected.getByRole("link").allTextContents()).toEqual([
      "Remove filter: Kind Lesson learned×",
      "Remove filter: Partner Torfaen×",
      "Remove filter: Topic Microsoft 365×",
    ]);
    expect(await page.locator("main").textContent()).not.toContain("#microsoft-365");
    await selected.getByRole("link", { name: /Partner Torfaen/ }).click();
    await page.waitForURL((url) => !url.search.includes("partner="));
    expect(new URL(page.url()).searchParams.getAll("kind")).toEqual(["lesson"]);
    // The boxes follow the results once they have rendered.
    await expect.poll(() => page.getByRole("checkbox", { name: /^Torfaen/ }).isChecked()).toBe(false);
    expect(await page.getByRole("checkbox", { name: /^Lesson learned/ }).isChecked()).toBe(true);
    await page.getByRole("link", { name: "Clear filters" }).click();
    await page.waitForURL(`${e2e.baseUrl}/search`);
    await selected.waitFor({ state: "detached" });
  });

  it("says when filters leave little, and offers the way back", async () => {
    const page = await e2e.signedInPage(READER);
    await page.goto(`${e2e.baseUrl}/search?kind=strategy&tag=teams`);
    expect(await status(page).textContent()).toBe("0 results");
    await page.getByText("No results match all of these filters.").waitFor();
    const withoutTopic = page.getByRole("link", { name: /^without Teams: \d+ results?$/ });
    await withoutTopic.click();
    await page.waitForURL((url) => !url.search.includes("tag="));
    await results(page).first().waitFor();
    expect(new URL(page.url()).searchParams.getAll("kind")).toEqual(["strategy"]);
  });

  it("says which part of a post matched, and its links carry the way back to the results", async () => {
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    const word = `quillwort${Date.now().toString(36)}`;
    const title = uniqueTitle("A lesson about suppliers");
    await createPost(editor.request, e2e.baseUrl, {
      title,
      status: "published",
      sections: { recommendation: `Ask each supplier about ${word} before signing.` },
    });
    await eventually(async () => {
      await editor.goto(`${e2e.baseUrl}/search?q=${word}`);
      return (await results(editor).count()) === 1;
    }, 20_000);
    const hit = results(editor).first();
    expect(await hit.locator("mark").allTextContents()).toEqual([word]);
    expect(await hit.getByText("Matched in: Recommendation").count()).toBe(1);
    expect(await hit.textContent()).toContain("Ask each supplier about");
    await hit.getByRole("link", { name: title }).click();
    await editor.getByRole("heading", { level: 1, name: title }).waitFor();
    const state = await editor.evaluate(() => (window.history.state as { usr?: { backTo?: string } })?.usr?.backTo);
    expect(state).toBe(`/search?q=${word}`);
  });

  it("puts the results above the fold on a phone, with the filters behind a button", async () => {
    const page = await e2e.signedInPage(READER, { viewport: { width: 375, height: 667 } });
    await page.goto(`${e2e.baseUrl}/search?kind=lesson&kind=case-study`);
    await waitForScripts(page);
    const toggle = page.getByRole("button", { name: "Filter results" });
    await toggle.waitFor();
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    const first = await results(page).first().locator("h3").boundingBox();
    expect(first?.y).toBeGreaterThan(0);
    expect((first?.y ?? Number.POSITIVE_INFINITY) + (first?.height ?? 0)).toBeLessThanOrEqual(667);
    expect(await page.getByRole("checkbox", { name: /^Lesson learned/ }).isVisible()).toBe(false);

    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const strategies = page.getByRole("checkbox", { name: /^Digital strategy/ });
    await strategies.waitFor({ state: "visible" });
    // The topic list shows the most used few; the rest wait behind "Show all".
    expect(await page.getByText(/^Show all \d+ topics$/).isVisible()).toBe(true);
    await strategies.check();
    await page.waitForURL(/kind=strategy/);
  });
});
