/**
 * Search analytics end to end: a reader's search and the result they open
 * show on /admin/search for an administrator; a reader may not see it.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { expectAccessible, waitForScripts } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture();
const READER = "reader@demo.srs-hub.test";
const ADMIN = "admin@demo.srs-hub.test";

/** The newest row the search log holds for a query, read from the Hub's database. */
function newestLogRow(query: string): { id: number; result_count: number; opened_at: number | null } | undefined {
  const db = new Database(path.join(e2e.hub.dataDir, "hub.db"), { readonly: true });
  try {
    return db
      .prepare("select id, result_count, opened_at from search_log where query = ? order by id desc limit 1")
      .get(query) as { id: number; result_count: number; opened_at: number | null } | undefined;
  } finally {
    db.close();
  }
}

describe("search analytics", () => {
  it("shows an administrator a reader's search, the result they opened, and a query that found nothing", async () => {
    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}/search?q=${encodeURIComponent("  Teams ")}`);
    await waitForScripts(reader);
    const first = reader.locator(".app-results > li h3 a").first();
    const title = (await first.textContent()) ?? "";
    // The result is a plain link to the record itself.
    expect(await first.getAttribute("href")).toMatch(/^\/(posts|roadmap|meetings|papers|decisions)\//);
    const beacon = reader.waitForResponse((response) => new URL(response.url()).pathname === "/search/opened");
    await first.click();
    expect((await beacon).status()).toBe(204);
    await reader.getByRole("heading", { level: 1, name: title.trim() }).waitFor();
    expect(newestLogRow("teams")?.opened_at).toEqual(expect.any(Number));

    const nothing = `zq${randomBytes(4).toString("hex").replace(/\d/g, "x")}`;
    await reader.goto(`${e2e.baseUrl}/search?q=${nothing.toUpperCase()}`);
    expect(newestLogRow(nothing)).toMatchObject({ result_count: 0, opened_at: null });

    const admin = await e2e.signedInPage(ADMIN);
    await admin.goto(`${e2e.baseUrl}/admin/search`);
    const top = admin.getByRole("table", { name: "Top queries" });
    const teams = top
      .getByRole("row")
      .filter({ has: admin.getByRole("link", { name: "Search for teams", exact: true }) });
    expect(await teams.count()).toBe(1);
    expect(await teams.locator("td").last().textContent()).not.toBe("0%");
    const zero = admin.getByRole("table", { name: "Queries that found nothing" });
    const row = zero.getByRole("row").filter({ hasText: nothing });
    expect(await row.getByRole("link", { name: `Add to the glossary (${nothing})` }).getAttribute("href")).toBe(
      `/admin/glossary/new?term=${nothing}`,
    );
    expect(await row.getByRole("link", { name: `Search for ${nothing}` }).getAttribute("href")).toBe(
      `/search?q=${nothing}`,
    );
    // The index's health is still there, below.
    await admin.getByRole("heading", { name: "Index health" }).waitFor();
    await expectAccessible(admin);

    // Running a query from the analytics page is not a search of anyone's.
    const before = newestLogRow(nothing);
    await row.getByRole("link", { name: `Search for ${nothing}` }).click();
    await admin.waitForURL(/\/search\?q=/);
    expect(newestLogRow(nothing)).toEqual(before);
  });

  it("is for administrators only", async () => {
    const cookieOf = async (email: string) => {
      const page = await e2e.signedInPage(email);
      return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
    };
    const reader = await fetch(`${e2e.baseUrl}/admin/search`, {
      headers: { Cookie: await cookieOf(READER) },
      redirect: "manual",
    });
    expect(reader.status).toBe(403);
    expect(await reader.text()).not.toContain("Top queries");
  });
});
