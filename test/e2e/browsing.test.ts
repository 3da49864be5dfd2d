import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture();
const READER = "reader@demo.srs-hub.test";
const ADMIN = "admin@demo.srs-hub.test";

describe("browsing", () => {
  it("shows the home page, lists, filters and partner pages to a reader", async () => {
    const page = await e2e.signedInPage(READER);
    expect((await page.goto(`${e2e.baseUrl}/`))?.status()).toBe(200);
    expect(await page.getByRole("heading", { name: "Latest lessons learned" }).count()).toBe(1);
    // Browsing is the finder now: the old address keeps its filters.
    expect((await page.goto(`${e2e.baseUrl}/posts?kind=case-study&tag=cloud`))?.status()).toBe(200);
    expect(page.url()).toBe(`${e2e.baseUrl}/search?kind=case-study&tag=cloud`);
    const cards = page.locator(".app-results > li");
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) expect(await card.textContent()).toContain("Case study");
    expect((await page.goto(`${e2e.baseUrl}/partners`))?.status()).toBe(200);
    await page.getByRole("link", { name: "Gwent Police" }).click();
    await page.getByRole("heading", { level: 1, name: "Gwent Police" }).waitFor();
    expect(await page.locator("article.app-post-card").count()).toBeGreaterThan(0);
  });

  it("shows the Search link (what people search for, and the index) in the navigation to administrators only", async () => {
    const navigation = (page: Page) =>
      page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Search", exact: true });
    const admin = await e2e.signedInPage(ADMIN);
    await admin.goto(`${e2e.baseUrl}/`);
    await navigation(admin).click();
    await admin.getByRole("heading", { level: 1, name: "Search" }).waitFor();
    expect(new URL(admin.url()).pathname).toBe("/admin/search");

    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}/`);
    expect(await navigation(reader).count()).toBe(0);
    expect((await reader.goto(`${e2e.baseUrl}/admin/search`))?.status()).toBe(403);
  });
});

describe("signing in and out", () => {
  it("sends visitors to sign in and back to where they were going", async () => {
    const page = await e2e.newPage();
    expect((await page.goto(`${e2e.baseUrl}/posts?kind=lesson`))?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.getByText("Every demo account uses the password").count()).toBe(1);
    await page.getByLabel("Email address").fill(READER);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${e2e.baseUrl}/search?kind=lesson`);
    await page.getByRole("button", { name: "Sign out" }).waitFor();
  });

  it("rejects a wrong password with a message and no session", async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    await page.getByLabel("Email address").fill(READER);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("There is a problem").waitFor();
    expect(await page.getByRole("link", { name: "Enter a correct email address and password" }).count()).toBe(1);
    expect((await page.context().cookies()).filter((cookie) => cookie.name === "srs_hub_session")).toEqual([]);
  });

  it("signs out with a POST, ending the session", async () => {
    const page = await e2e.signedInPage(READER);
    await page.goto(`${e2e.baseUrl}/`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${e2e.baseUrl}/login`);
    expect((await page.goto(`${e2e.baseUrl}/posts`))?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});
