import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible, launchBrowser, signIn, visit } from "../support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
const contexts: BrowserContext[] = [];

async function readerPage({ javaScriptEnabled = true } = {}) {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, baseUrl, "reader@demo.srs-hub.test");
  if (javaScriptEnabled) return page;
  // Signed in, the same session continues in a browser with scripts off.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
  contexts.push(noScript);
  const plainPage = await noScript.newPage();
  await plainPage.goto(baseUrl);
  return plainPage;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe("searching", () => {
  it("suggests posts while typing a misspelt query, then narrows the results by a facet", async () => {
    const page = await readerPage();
    const box = page.getByRole("searchbox", { name: "Search the Hub" });
    await box.pressSequentially("Micosoft Teems", { delay: 20 });
    const suggestions = page.getByRole("list", { name: "Matching posts" });
    await suggestions.waitFor();
    expect(await suggestions.getByRole("link").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await box.press("Enter");
    await page.waitForURL(/\/search\?q=Micosoft\+Teems/);
    await page.getByRole("status").filter({ hasText: "results for" }).waitFor();
    const titles = page.locator(".app-results h2");
    const firstTitles = (await titles.allTextContents()).slice(0, 5).join(" | ");
    expect(firstTitles).toContain("Rolling out Microsoft Teams in three weeks during Covid-19");
    expect(await page.locator(".app-results mark").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    const before = await page.locator(".app-results > li").count();
    await page.getByRole("link", { name: /^Case study \(\d+\)$/ }).click();
    await page.waitForURL(/kind=case-study/);
    await page.getByRole("link", { name: /^Remove/ }).waitFor();
    const kinds = await page.locator(".app-results .govuk-tag").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.length).toBeLessThanOrEqual(before);
    expect(new Set(kinds)).toEqual(new Set(["Case study"]));
    await expectAccessible(page);
  });

  it("works without JavaScript", async () => {
    const page = await readerPage({ javaScriptEnabled: false });
    await page.getByRole("searchbox", { name: "Search the Hub" }).fill("cyber");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?q=cyber/);
    expect(await page.locator(".app-results > li").count()).toBeGreaterThan(0);
    await page.getByLabel("Order results by").selectOption("newest");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/sort=newest/);
    expect(await page.locator(".app-results > li").count()).toBeGreaterThan(0);
  });

  it("shows a clear empty state and an empty page past the end", async () => {
    const page = await readerPage();
    expect(await visit(page, `${baseUrl}/search?q=xylophonequartz`)).toBe(200);
    expect(await page.getByRole("heading", { name: "No posts match your search" }).count()).toBe(1);
    expect(await visit(page, `${baseUrl}/search?q=teams&page=500`)).toBe(200);
    expect(await page.locator(".app-results > li").count()).toBe(0);
  });

  it("answers hostile queries with results or a message, never an error", async () => {
    const page = await readerPage();
    for (const q of ["status = draft OR 1=1", '" OR "1"="1', "x".repeat(10_000), "<script>alert(1)</script>"]) {
      const response = await page.goto(`${baseUrl}/search?${new URLSearchParams({ q, kind: "memo", page: "-1" })}`);
      expect(response?.status()).toBe(200);
      expect(await page.locator(".app-results .govuk-tag--yellow").count()).toBe(0);
    }
  });
});
