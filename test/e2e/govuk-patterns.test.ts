/**
 * GOV.UK Frontend's behaviour in the Hub, in Chromium: the error summary
 * (its links move focus without losing the errors; the title says "Error:"),
 * the navigation behind a Menu button on a phone, the guard against a double
 * submission, the header search's combobox and a success notice shown once.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pauseBeforeSendingAgain } from "../support/browser";
import { invitePerson } from "../support/e2e-accounts";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture();
const ADMIN = "admin@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";
const PHONE = { viewport: { width: 375, height: 740 } };

/** Waits until the page's scripts have started (React hydrated, GOV.UK Frontend running). */
async function scriptsStarted(page: Page) {
  await page.locator("html[data-hydrated='true'] body.govuk-frontend-supported").waitFor({ state: "attached" });
}

describe("the error summary", () => {
  it("lists errors in field order; a link moves focus to its field and the errors stay; the title starts 'Error:'", async () => {
    e2e.allowNavigationStatus(400);
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    await scriptsStarted(page);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    await expect.poll(() => page.title()).toBe("Error: Sign in – SRS Knowledge Hub");
    // Focus moves to the summary, so that it is read out.
    expect(await page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Enter an email address in the correct format, like name@example.gov.uk",
      "Enter your password",
    ]);

    await summary.getByRole("link", { name: "Enter your password" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("password");
    // No navigation happened: the address is unchanged and every error is still shown.
    expect(new URL(page.url()).hash).toBe("");
    await summary.waitFor();
    expect(await page.locator(".govuk-error-message").count()).toBe(2);
    expect(await page.title()).toBe("Error: Sign in – SRS Knowledge Hub");
    // The field's label is in view, not only the field.
    const label = await page.getByText("Password", { exact: true }).boundingBox();
    expect(label && label.y >= 0 && label.y < 740).toBe(true);

    // Corrected, the title loses its prefix.
    await pauseBeforeSendingAgain(page);
    await page.getByLabel("Email address").fill(ADMIN);
    await page.getByLabel("Password", { exact: true }).fill("demo-password-1");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname !== "/login");
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await expect.poll(() => page.title()).not.toMatch(/^Error/);
  });

  it("without JavaScript, the page sent back also has the 'Error:' title", async () => {
    e2e.allowNavigationStatus(400);
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await page.goto(`${e2e.baseUrl}/login`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.locator(".govuk-error-summary").waitFor();
    expect(await page.title()).toBe("Error: Sign in – SRS Knowledge Hub");
  });
});

describe("the navigation on a phone", () => {
  it("collapses behind a Menu button that opens and closes it", async () => {
    const page = await e2e.signedInPage(READER, PHONE);
    await page.goto(`${e2e.baseUrl}/`);
    await scriptsStarted(page);
    const menu = page.getByRole("button", { name: "Menu" });
    const partners = page.locator(".govuk-service-navigation").getByRole("link", { name: "Partners" });
    await menu.waitFor();
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await partners.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await partners.waitFor();
    await menu.click();
    await partners.waitFor({ state: "hidden" });

    // A page reached by a link has the same menu, working.
    await menu.click();
    await partners.click();
    await page.getByRole("heading", { level: 1, name: "Partners" }).waitFor();
    await partners.waitFor({ state: "hidden", timeout: 2000 });
    await menu.click();
    await partners.waitFor();
  });

  it("shows the links, and no Menu button, on a wide screen", async () => {
    const page = await e2e.signedInPage(READER);
    await page.goto(`${e2e.baseUrl}/`);
    await scriptsStarted(page);
    await page.locator(".govuk-service-navigation").getByRole("link", { name: "Partners" }).waitFor();
    expect(await page.getByRole("button", { name: "Menu" }).isVisible()).toBe(false);
  });
});

describe("double submission", () => {
  it("a second click on a form's button within a second is ignored: the form is sent once", async () => {
    e2e.allowNavigationStatus(401);
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    await scriptsStarted(page);
    const button = page.getByRole("button", { name: "Sign in", exact: true });
    await button.and(page.locator("[data-govuk-button-init]")).waitFor();
    await page.getByLabel("Email address").fill(`nobody-${Date.now()}@example.test`);
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    let posts = 0;
    page.on("request", (request) => {
      if (request.method() === "POST") posts += 1;
    });
    // Once the first request has gone (Remix would otherwise cancel it before it left), and inside the
    // second during which GOV.UK's button ignores clicks again.
    const firstSent = page.waitForRequest((request) => request.method() === "POST");
    const firstClick = Date.now();
    await button.click();
    await firstSent;
    await button.click();
    const apart = Date.now() - firstClick;
    await page.locator(".govuk-error-summary").getByText("Enter a correct email address and password").waitFor();
    await page.waitForTimeout(300);
    expect(apart, "the second click came a second or more after the first").toBeLessThan(1_000);
    expect(posts).toBe(1);
  });
});

describe("the header search", () => {
  it("is on every page, the search page included, with a placeholder, as a plain GET form", async () => {
    const page = await e2e.signedInPage(READER);
    for (const path of ["/", "/search?q=teams", "/partners"]) {
      await page.goto(`${e2e.baseUrl}${path}`);
      const box = page.locator("header #header-search");
      expect(await box.getAttribute("placeholder")).toBe("Search the Hub");
      expect(await page.locator("header form[role='search']").getAttribute("action")).toBe("/search");
      expect(await page.locator("header form[role='search']").getAttribute("method")).toBe("get");
    }
  });

  it("suggests titles as a combobox: count announced, arrow keys, Escape, Enter", async () => {
    const page = await e2e.signedInPage(READER);
    await page.goto(`${e2e.baseUrl}/partners`);
    await scriptsStarted(page);
    const box = page.getByRole("combobox", { name: "Search the Hub" });
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    await box.pressSequentially("teams");
    await page.locator("#header-search-suggestions [role='option']").first().waitFor();
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    const options = page.locator("#header-search-suggestions [role='option']");
    const count = await options.count();
    expect(count).toBeGreaterThanOrEqual(2);
    const status = page.locator("#header-search-status");
    await expect
      .poll(() => status.textContent())
      .toBe(`${count} suggestions. Use the up and down arrows to choose one, then press Enter.`);
    expect(await box.getAttribute("aria-activedescendant")).toBeNull();

    await box.press("ArrowDown");
    await expect.poll(() => box.getAttribute("aria-activedescendant")).toBe("header-search-option-0");
    expect(await options.nth(0).getAttribute("aria-selected")).toBe("true");
    await box.press("ArrowDown");
    await expect.poll(() => box.getAttribute("aria-activedescendant")).toBe("header-search-option-1");
    expect(await options.nth(0).getAttribute("aria-selected")).toBe("false");
    await box.press("ArrowUp");
    await expect.poll(() => box.getAttribute("aria-activedescendant")).toBe("header-search-option-0");
    // Focus never leaves the field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("header-search");

    await box.press("Escape");
    await expect.poll(() => box.getAttribute("aria-expanded")).toBe("false");
    expect(await box.getAttribute("aria-activedescendant")).toBeNull();
    expect(await box.inputValue()).toBe("teams");

    await box.press("ArrowDown");
    await expect.poll(() => box.getAttribute("aria-expanded")).toBe("true");
    const title = (await options.nth(0).locator(".app-search__option-title").textContent()) ?? "";
    await box.press("Enter");
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/posts\//);
  });

  it("Enter with no suggestion chosen searches", async () => {
    const page = await e2e.signedInPage(READER);
    await page.goto(`${e2e.baseUrl}/partners`);
    await scriptsStarted(page);
    const box = page.getByRole("combobox", { name: "Search the Hub" });
    await box.pressSequentially("teams");
    await page.locator("#header-search-suggestions [role='option']").first().waitFor();
    await box.press("Enter");
    await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === "teams");
  });
});

describe("success notices", () => {
  it("shows the notice of a change once: reloading the page does not show it again", async () => {
    const admin = await e2e.signedInPage(ADMIN);
    const person = await invitePerson(admin.request, e2e.baseUrl, { role: "reader" });
    await admin.goto(`${e2e.baseUrl}/admin/users/${person.id}`);
    await scriptsStarted(admin);
    await admin.getByLabel("Role").selectOption("editor");
    await admin.getByRole("button", { name: "Save changes" }).click();
    const banner = admin.locator(".govuk-notification-banner--success");
    await banner.getByText("Role and partner saved").waitFor();
    expect(await banner.getAttribute("role")).toBe("alert");
    await admin.reload();
    await admin.getByRole("heading", { level: 1, name: person.name }).waitFor();
    expect(await banner.count()).toBe(0);
  });
});
