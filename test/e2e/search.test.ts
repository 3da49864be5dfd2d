import { describe, expect, it } from "vitest";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture();
const READER = "reader@demo.srs-hub.test";
const TEAMS_TITLE = "Rolling out Microsoft Teams in three weeks during Covid-19";

describe("searching", () => {
  it("suggests posts while typing a misspelt query, then narrows the results by a facet", async () => {
    const page = await e2e.signedInPage(READER);
    await page.goto(`${e2e.baseUrl}/`);
    const box = page.getByRole("combobox", { name: "Search the Hub" });
    await box.pressSequentially("Micosoft Teems", { delay: 20 });
    const suggestions = page.getByRole("listbox", { name: "Matching posts" });
    await suggestions.waitFor();
    expect(await suggestions.getByRole("option").count()).toBeGreaterThan(0);

    await box.press("Enter");
    await page.waitForURL(/\/search\?q=Micosoft\+Teems/);
    const status = page.getByRole("status").filter({ hasText: "results for" });
    await status.waitFor();
    expect(await status.textContent()).toMatch(/^\d+ results for ‘Micosoft Teems’$/);
    const titles = page.locator(".app-results h3");
    const firstTitles = (await titles.allTextContents()).slice(0, 5).join(" | ");
    expect(firstTitles).toContain(TEAMS_TITLE);
    expect(await page.locator(".app-results mark").count()).toBeGreaterThan(0);
    // Each hit links to its own address, given by the index.
    const teams = page.locator(".app-results h3 a").filter({ hasText: TEAMS_TITLE });
    expect(await teams.getAttribute("href")).toBe("/posts/teams-rollout-covid");

    const before = await page.locator(".app-results > li").count();
    await page.getByRole("checkbox", { name: /^Case study \(\d+\)$/ }).check();
    await page.waitForURL(/kind=case-study/);
    await page.getByRole("link", { name: /^Remove filter: Kind Case study/ }).waitFor();
    const kinds = await page.locator(".app-results .govuk-tag").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.length).toBeLessThanOrEqual(before);
    expect(new Set(kinds)).toEqual(new Set(["Case study"]));

    const first = page.locator(".app-results h3 a").first();
    const [href, title] = [await first.getAttribute("href"), await first.textContent()];
    await first.click();
    await page.waitForURL(`${e2e.baseUrl}${href}`);
    await page.getByRole("heading", { level: 1, name: title ?? "" }).waitFor();
  });

  it("works without JavaScript", async () => {
    const signedIn = await e2e.signedInPage(READER);
    // The same session, in a browser with scripts off.
    const context = await e2e.newContext({
      javaScriptEnabled: false,
      storageState: await signedIn.context().storageState(),
    });
    const page = await context.newPage();
    await page.goto(e2e.baseUrl);
    await page.getByRole("searchbox", { name: "Search the Hub" }).fill("cyber");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?q=cyber/);
    await page.locator(".app-results > li").first().waitFor();
    await page.getByLabel("Sort by").selectOption("newest");
    await page.getByRole("checkbox", { name: /^Lesson learned/ }).check();
    await page.getByRole("checkbox", { name: /^Case study/ }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/sort=newest/);
    const url = new URL(page.url());
    expect(url.searchParams.getAll("kind").sort()).toEqual(["case-study", "lesson"]);
    expect(url.searchParams.get("q")).toBe("cyber");
    expect(await page.locator(".app-results > li").count()).toBeGreaterThan(0);
    const dates = await page.locator(".app-results .app-post-meta").allTextContents();
    expect(dates.length).toBeGreaterThan(0);
    // Without scripts the filters follow the results, reached by a link (shown on small screens).
    expect(await page.locator(".app-finder__toggle a").getAttribute("href")).toBe("#finder-filters");
  });

  it("shows a clear empty state and an empty page past the end", async () => {
    const page = await e2e.signedInPage(READER);
    expect((await page.goto(`${e2e.baseUrl}/search?q=xylophonequartz`))?.status()).toBe(200);
    expect(await page.getByRole("heading", { name: "Nothing matches your search" }).count()).toBe(1);
    expect(await page.getByRole("status").textContent()).toBe("0 results for ‘xylophonequartz’");
    expect((await page.goto(`${e2e.baseUrl}/search?q=teams&page=500`))?.status()).toBe(200);
    expect(await page.locator(".app-results > li").count()).toBe(0);
  });

  it("counts every result when there is no query", async () => {
    const page = await e2e.signedInPage(READER);
    expect((await page.goto(`${e2e.baseUrl}/search`))?.status()).toBe(200);
    expect(await page.getByRole("status").textContent()).toMatch(/^\d+ results$/);
    // Numbered pages, the current one marked.
    const pages = page.getByRole("navigation", { name: "Pages" });
    expect(await pages.getByRole("link", { name: "Page 1", exact: true }).getAttribute("aria-current")).toBe("page");
    await pages.getByRole("link", { name: "Page 2", exact: true }).click();
    await page.waitForURL(/page=2/);
    await pages.locator('[aria-current="page"]', { hasText: /^2$/ }).waitFor();
  });

  it("answers hostile queries with results or a message, never an error", async () => {
    const page = await e2e.signedInPage(READER);
    for (const q of ["status = draft OR 1=1", '" OR "1"="1', "x".repeat(10_000), "<script>alert(1)</script>"]) {
      const response = await page.goto(`${e2e.baseUrl}/search?${new URLSearchParams({ q, kind: "memo", page: "-1" })}`);
      expect(response?.status()).toBe(200);
      expect(await page.locator(".app-results .govuk-tag--yellow").count()).toBe(0);
      expect(await page.locator(".govuk-pagination__item--current").count()).toBeLessThanOrEqual(1);
    }
  });
});
