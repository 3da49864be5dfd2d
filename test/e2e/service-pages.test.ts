/**
 * The service's own pages (decision 032): linked from the footer of every
 * page, signed in or not, and readable without signing in.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture();
const READER = "reader@demo.srs-hub.test";

const FOOTER_LINKS = [
  { name: "Help", path: "/help", heading: "Help using the SRS Knowledge Hub" },
  { name: "Contact", path: "/contact", heading: "Contact the SRS service desk" },
  { name: "Feedback", path: "/feedback", heading: "Give feedback on the SRS Knowledge Hub" },
  {
    name: "Accessibility statement",
    path: "/accessibility",
    heading: "Accessibility statement for the SRS Knowledge Hub",
  },
  { name: "Privacy", path: "/privacy", heading: "Privacy notice" },
];

async function footerLinks(page: Page): Promise<{ name: string; path: string }[]> {
  const links = page.getByRole("contentinfo").getByRole("link");
  return links.evaluateAll((anchors) =>
    anchors.map((anchor) => ({
      name: anchor.textContent?.trim() ?? "",
      path: new URL((anchor as HTMLAnchorElement).href).pathname,
    })),
  );
}

const expectedLinks = FOOTER_LINKS.map(({ name, path }) => ({ name, path }));

describe("the service's own pages", () => {
  it("are each linked from the footer and open without signing in", async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    expect(await footerLinks(page)).toEqual(expectedLinks);
    for (const link of FOOTER_LINKS) {
      await page.getByRole("contentinfo").getByRole("link", { name: link.name, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: link.heading }).waitFor();
      expect(new URL(page.url()).pathname).toBe(link.path);
      expect(await page.title()).toBe(`${link.heading} – SRS Knowledge Hub`);
    }
    // The phase banner's feedback link, and the page saying what to do while no address is configured.
    await page.goto(`${e2e.baseUrl}/help`);
    await page.locator(".govuk-phase-banner").getByText("Beta").waitFor();
    await page.getByRole("link", { name: "giving your feedback" }).click();
    await page.getByRole("heading", { level: 1, name: "Give feedback on the SRS Knowledge Hub" }).waitFor();
    await page.getByText("This Hub has not been given an email address for this yet.").waitFor();
  });

  it("are in the footer of signed-in pages and error pages too", async () => {
    const page = await e2e.signedInPage(READER);
    await page.goto(`${e2e.baseUrl}/`);
    await page.locator(".govuk-phase-banner").getByText("Beta").waitFor();
    expect(await footerLinks(page)).toEqual(expectedLinks);
    e2e.allowNavigationStatus(404);
    const missing = await page.goto(`${e2e.baseUrl}/no-such-page`);
    expect(missing?.status()).toBe(404);
    expect(await footerLinks(page)).toEqual(expectedLinks);
    await page.locator(".govuk-phase-banner").waitFor();
  });

  it("the accessibility statement is itself accessible", async () => {
    const page = await e2e.newPage();
    const response = await page.goto(`${e2e.baseUrl}/accessibility`);
    expect(response?.status()).toBe(200);
    for (const heading of [
      "Feedback and contact information",
      "Enforcement procedure",
      "Preparation of this accessibility statement",
    ]) {
      await page.getByRole("heading", { name: heading }).waitFor();
    }
    await expectAccessible(page);
  });
});
