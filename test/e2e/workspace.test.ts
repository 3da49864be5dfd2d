/**
 * The editors' workspace (/my) and review-by dates, in Chromium against the
 * built Hub: the tabs and their counts, another partner's drafts kept out, a
 * post past its review date flagged on the workspace and on its page,
 * "Still accurate" clearing the flag with a banner, and the answers for
 * another partner's editor and for a reader.
 */
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { createPost, uniqueTitle } from "../support/e2e-posts";

const e2e = e2eFixture();
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";
const NEWPORT_EDITOR = "editor.newport@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";
const DAY = 24 * 60 * 60 * 1000;

/**
 * Moves a post's review-by date into the past, as a year going by would:
 * no form may set a date in the past.
 */
function makeOverdue(slug: string, daysAgo: number): Date {
  const reviewBy = new Date(Date.now() - daysAgo * DAY);
  const db = new Database(path.join(e2e.hub.dataDir, "hub.db"));
  try {
    db.pragma("busy_timeout = 5000");
    const changed = db.prepare("update posts set review_by = ? where slug = ?").run(reviewBy.getTime(), slug).changes;
    expect(changed).toBe(1);
  } finally {
    db.close();
  }
  return reviewBy;
}

/** The number in a tab's label, such as 3 in "Drafts (3)". */
async function tabCount(page: Page, tab: "drafts" | "published" | "due"): Promise<number> {
  const label = (await page.getByTestId(`tab-${tab}`).textContent()) ?? "";
  const match = /\((\d+)\)$/.exec(label.trim());
  if (!match) throw new Error(`No count in the tab label "${label}"`);
  return Number(match[1]);
}

const longDate = (value: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  }).format(value);

describe("the workspace", () => {
  it("lists an editor's partner's drafts under Drafts, counted, and not for another partner's editor", async () => {
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    await editor.goto(`${e2e.baseUrl}/my`);
    expect(await editor.getByRole("heading", { level: 1 }).textContent()).toBe("Workspace");
    const draftsBefore = await tabCount(editor, "drafts");
    const publishedBefore = await tabCount(editor, "published");

    const title = uniqueTitle("A Torfaen draft for the workspace");
    await createPost(editor.request, e2e.baseUrl, { title, status: "draft" });
    await editor.goto(`${e2e.baseUrl}/my`);
    expect(await editor.getByTestId("tab-drafts").getAttribute("aria-current")).toBe("page");
    // Other test files share this Hub and may add Torfaen posts meanwhile: the draft adds one at least, there.
    expect(await tabCount(editor, "drafts")).toBeGreaterThanOrEqual(draftsBefore + 1);
    expect(await tabCount(editor, "published")).toBeGreaterThanOrEqual(publishedBefore);
    const card = editor.getByTestId("workspace-post").filter({ hasText: title });
    expect(await card.count()).toBe(1);
    expect(await card.getByText("Demo Editor (Torfaen)").count()).toBe(1);

    // The tabs are links: Published lists published posts, without the draft.
    await editor.getByTestId("tab-published").click();
    await editor.waitForURL(/tab=published/);
    await editor.getByRole("heading", { level: 2, name: "Published" }).waitFor();
    expect(await editor.getByText(title).count()).toBe(0);

    const other = await e2e.signedInPage(NEWPORT_EDITOR);
    await other.goto(`${e2e.baseUrl}/my?tab=drafts`);
    expect(await other.locator(".govuk-caption-l").textContent()).toBe("Newport City Council");
    expect(await other.getByText(title).count()).toBe(0);
  });

  it("flags a post past its review date, and 'Still accurate' clears the flag with a banner", async () => {
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    const title = uniqueTitle("A Torfaen lesson due for review");
    const slug = await createPost(editor.request, e2e.baseUrl, { title, status: "published" });
    const reviewBy = makeOverdue(slug, 12);
    const flag = `Due for review since ${longDate(reviewBy)}`;

    await editor.goto(`${e2e.baseUrl}/my?tab=due`);
    const card = editor.getByTestId("workspace-post").filter({ hasText: title });
    expect(await card.getByText(flag).count()).toBe(1);
    await expectAccessible(editor);

    await card.getByRole("link", { name: title, exact: true }).click();
    await editor.waitForURL(`${e2e.baseUrl}/posts/${slug}`);
    // The address changes before the post's page has rendered.
    await editor.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
    expect(await editor.getByText(flag).count()).toBe(1);
    await editor.getByRole("button", { name: "Still accurate" }).click();

    const banner = editor.locator(".govuk-notification-banner--success");
    await banner.waitFor();
    const nextReview = longDate(new Date(Date.now() + 365 * DAY));
    expect(await banner.textContent()).toContain(`Confirmed as still accurate; next review by ${nextReview}`);
    expect(new URL(editor.url()).pathname).toBe(`/posts/${slug}`);
    expect(await editor.getByText(flag).count()).toBe(0);
    expect(await editor.getByRole("button", { name: "Still accurate" }).count()).toBe(0);

    await editor.goto(`${e2e.baseUrl}/my?tab=due`);
    expect(await editor.getByText(title).count()).toBe(0);
  });

  it("lets a reader see the flag but not confirm, and refuses another partner's editor's confirmation", async () => {
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    const slug = await createPost(editor.request, e2e.baseUrl, {
      title: uniqueTitle("A Torfaen lesson for others"),
      status: "published",
    });
    const reviewBy = makeOverdue(slug, 3);

    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}/posts/${slug}`);
    expect(await reader.getByText(`Due for review since ${longDate(reviewBy)}`).count()).toBe(1);
    expect(await reader.getByRole("button", { name: "Still accurate" }).count()).toBe(0);

    const other = await e2e.signedInPage(NEWPORT_EDITOR);
    const refused = await other.request.post(`${e2e.baseUrl}/posts/${slug}/review`, {
      form: {},
      headers: { Origin: e2e.baseUrl },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);
    // Still flagged: nothing changed.
    await reader.reload();
    expect(await reader.getByText(`Due for review since ${longDate(reviewBy)}`).count()).toBe(1);
  });

  it("tells a reader the workspace is for editors, with a 403", async () => {
    e2e.allowNavigationStatus(403);
    const reader = await e2e.signedInPage(READER);
    const response = await reader.goto(`${e2e.baseUrl}/my`);
    expect(response?.status()).toBe(403);
    expect(await reader.getByRole("heading", { level: 1 }).textContent()).toBe("The workspace is for editors");
    expect(await reader.getByRole("link", { name: "Find posts" }).count()).toBeGreaterThan(0);
  });
});
