import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

export { chromiumPath, launchBrowser } from "./e2e-chromium";

export const DEMO_PASSWORD = "demo-password-1";

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * Fails the test on any WCAG 2.2 A or AA violation axe-core finds on the page.
 * About a second a page: test/e2e/accessibility.test.ts calls it once for each
 * page type and state, and other tests do not.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_22_AA)
    // axe.run in the page itself. The default runs axe in every frame, then
    // again in a new blank page to combine the results, which is there for
    // cross-origin iframes (the Hub has none) and triples the time a scan takes.
    .setLegacyMode(true)
    // Only violations are wanted: axe need not collect every passing element.
    .options({ resultTypes: ["violations"] })
    .analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${page.url()}\n  ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join("\n  ")}`,
  );
  expect(violations).toEqual([]);
}

/** Goes to a page and returns the HTTP status. It does not check accessibility: see expectAccessible. */
export async function visit(page: Page, url: string): Promise<number> {
  const response = await page.goto(url);
  return response?.status() ?? 0;
}

/**
 * Signs a browser context in by posting the sign-in form over HTTP, as the
 * page would: the session cookie lands in the context's cookie jar. Much
 * faster than filling in the form; the sign-in page has tests of its own.
 */
export async function signInContext(
  context: BrowserContext | { request: APIRequestContext },
  baseUrl: string,
  email: string,
): Promise<void> {
  const response = await context.request.post(`${baseUrl}/login`, {
    form: { email, password: DEMO_PASSWORD, redirectTo: "/" },
    headers: { Origin: baseUrl },
    maxRedirects: 0,
  });
  if (response.status() !== 302) {
    throw new Error(`Signing in as ${email} answered ${response.status()}, not 302: ${await response.text()}`);
  }
}

/** Signs the page's context in (see signInContext) and opens the home page, signed in. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.context().clearCookies();
  await signInContext(page.context(), baseUrl, email);
  await page.goto(`${baseUrl}/`);
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/**
 * GOV.UK's buttons ignore a second click within a second of the first (a
 * guard against double submission). A person reads an error before sending a
 * form again; a test clicking the same button again waits this long first.
 */
export function pauseBeforeSendingAgain(page: Page): Promise<void> {
  return page.waitForTimeout(1_000);
}

/** Waits until the page's scripts have started (React hydrated): before that, a click may load a whole page. */
export async function waitForScripts(page: Page): Promise<void> {
  await page.locator("html[data-hydrated='true']").waitFor({ state: "attached" });
}
