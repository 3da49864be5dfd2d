import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium", "/usr/bin/chromium"];

export function chromiumPath(): string {
  const found = CANDIDATES.find((candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate)));
  if (!found) throw new Error("Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH");
  return found;
}

/** Debian's Chromium, headless, with nothing that reaches for the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export const DEMO_PASSWORD = "demo-password-1";

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** Fails the test on any WCAG 2.2 A or AA violation axe-core finds on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${page.url()}\n  ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join("\n  ")}`,
  );
  expect(violations).toEqual([]);
}

/** Goes to a page, checks it with axe, and returns the HTTP status. */
export async function visit(page: Page, url: string): Promise<number> {
  const response = await page.goto(url);
  await expectAccessible(page);
  return response?.status() ?? 0;
}

export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.context().clearCookies();
  await visit(page, `${baseUrl}/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}
