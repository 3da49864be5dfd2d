/**
 * Every page type of the Hub, in each of its states, scanned once with axe for
 * WCAG 2.2 A and AA. The other end-to-end tests do not scan: a scan costs
 * about a second, and the same page type scanned twice finds nothing new.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, pauseBeforeSendingAgain } from "../support/browser";
import { invitePerson } from "../support/e2e-accounts";
import { e2eFixture } from "../support/e2e-fixtures";
import { failSearchRecords, makePostUnreadable, postId } from "../support/e2e-hub-database";
import { createPost, editPost, uniqueTitle } from "../support/e2e-posts";

const e2e = e2eFixture();
const ADMIN = "admin@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";
const NEWPORT_EDITOR = "editor.newport@demo.srs-hub.test";
const PUBLISHED_SLUG = "teams-rollout-covid";
const PARKED_SLUG = "gwent-police-anpr-data-retention";

/** Opens a page of the Hub, checks its status and scans it. */
async function scan(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(`${e2e.baseUrl}${path}`);
  expect(response?.status()).toBe(status);
  await expectAccessible(page);
}

/** A post of Torfaen's editor's own: the page is signed in as that editor. */
async function editorWithPost(status: "draft" | "published" = "draft") {
  const editor = await e2e.signedInPage(TORFAEN_EDITOR);
  const title = uniqueTitle("An accessible lesson");
  const slug = await createPost(editor.request, e2e.baseUrl, { title, status, tags: "telephony, cloud" });
  return { editor, slug, title };
}

describe("signing in", () => {
  it("the sign-in page", async () => {
    await scan(await e2e.newPage(), "/login");
  });

  it("the sign-in page showing an error", async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    await page.getByLabel("Email address").fill(READER);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Enter a correct email address and password" }).waitFor();
    await expectAccessible(page);
  });
});

describe("reading", () => {
  it("the home page", async () => {
    await scan(await e2e.signedInPage(READER), "/");
  });

  it("the finder, newest first, on a phone with its filters open", async () => {
    const page = await e2e.signedInPage(READER, { viewport: { width: 375, height: 667 } });
    await page.goto(`${e2e.baseUrl}/search`);
    await page.getByRole("button", { name: "Filter results" }).click();
    await page.getByRole("checkbox", { name: /^Lesson learned/ }).waitFor({ state: "visible" });
    await expectAccessible(page);
    expect(await page.locator(".app-results > li").count()).toBeGreaterThan(0);
  });

  it("the finder, filtered to nothing", async () => {
    const page = await e2e.signedInPage(READER);
    await scan(page, "/search?kind=strategy&tag=teams");
    expect(await page.getByText("No results match all of these filters.").count()).toBe(1);
  });

  it("a published post", async () => {
    const page = await e2e.signedInPage(READER);
    await scan(page, `/posts/${PUBLISHED_SLUG}`);
    expect(await page.getByText("This post is a draft.").count()).toBe(0);
  });

  it("a draft post, with its banner", async () => {
    const { editor, slug } = await editorWithPost("draft");
    await scan(editor, `/posts/${slug}`);
    expect(await editor.getByText("This post is a draft.").count()).toBe(1);
  });

  it("the revision history, with several revisions and a change note", async () => {
    const { editor, slug: draft, title } = await editorWithPost("draft");
    const slug = await editPost(editor.request, e2e.baseUrl, draft, {
      title,
      status: "published",
      changeNote: "Ready to publish",
    });
    await scan(editor, `/posts/${slug}/history`);
    expect(await editor.locator("tbody tr").count()).toBe(2);
    expect(await editor.getByRole("cell", { name: "Ready to publish" }).count()).toBe(1);
  });

  it("the partners list", async () => {
    await scan(await e2e.signedInPage(READER), "/partners");
  });

  it("a partner's page", async () => {
    const page = await e2e.signedInPage(READER);
    await scan(page, "/partners/gwent-police");
    expect(await page.locator("article.app-post-card").count()).toBeGreaterThan(0);
  });
});

describe("writing", () => {
  it("the kind chooser", async () => {
    await scan(await e2e.signedInPage(TORFAEN_EDITOR), "/posts/new");
  });

  it("the kind chooser showing its error", async () => {
    const page = await e2e.signedInPage(TORFAEN_EDITOR);
    await scan(page, "/posts/new?step=kind");
    expect(await page.locator("#kind-error").count()).toBe(1);
  });

  it("the post form for a kind, empty", async () => {
    await scan(await e2e.signedInPage(TORFAEN_EDITOR), "/posts/new?kind=case-study");
  });

  it("the post form after a rejected save, with its error summary", async () => {
    const page = await e2e.signedInPage(TORFAEN_EDITOR);
    await page.goto(`${e2e.baseUrl}/posts/new?kind=lesson`);
    await page.getByRole("button", { name: "Preview and publish" }).click();
    await page.locator(".govuk-error-summary").getByRole("link", { name: "Enter a title" }).waitFor();
    await expectAccessible(page);
  });

  it("the edit form, with its change note field", async () => {
    const { editor, slug } = await editorWithPost("published");
    await scan(editor, `/posts/${slug}/edit`);
    expect(await editor.getByLabel("Change note (optional)").count()).toBe(1);
  });

  it("the delete confirmation", async () => {
    const { editor, slug } = await editorWithPost("draft");
    await scan(editor, `/posts/${slug}/delete`);
    expect(await editor.getByRole("button", { name: "Delete this post" }).count()).toBe(1);
  });
});

describe("searching", () => {
  it("search results, with facets and a filter chosen", async () => {
    const page = await e2e.signedInPage(READER);
    await scan(page, "/search?q=teams&kind=lesson");
    expect(await page.locator(".app-results > li").count()).toBeGreaterThan(0);
    expect(await page.getByRole("link", { name: /^Remove/ }).count()).toBe(1);
  });

  it("search with no results", async () => {
    const page = await e2e.signedInPage(READER);
    await scan(page, "/search?q=xylophonequartz");
    expect(await page.getByRole("heading", { name: "Nothing matches your search" }).count()).toBe(1);
  });

  it("suggestions open under the header's search box", async () => {
    const page = await e2e.signedInPage(READER);
    await page.goto(`${e2e.baseUrl}/`);
    await page.getByRole("combobox", { name: "Search the Hub" }).pressSequentially("teams", { delay: 20 });
    await page.getByRole("listbox", { name: "Matching posts" }).getByRole("option").first().waitFor();
    await expectAccessible(page);
  });
});

describe("the search index page for administrators", () => {
  it("with every record in the index", async () => {
    const page = await e2e.signedInPage(ADMIN);
    await scan(page, "/admin/search");
    expect(await page.getByText("None: every record that can be searched is in the index.").count()).toBe(1);
    expect(await page.getByRole("table", { name: "Records that could not be indexed" }).count()).toBe(0);
  });

  it("with records parked and being tried again, and after trying the parked ones again", async () => {
    const page = await e2e.signedInPage(ADMIN);
    // A demo post no test changes: a post changed meanwhile would be indexed, and its failure cleared.
    const unpark = failSearchRecords(e2e.hub.dataDir, [
      { recordId: String(postId(e2e.hub.dataDir, PARKED_SLUG)), error: "Meilisearch refused the document: too large" },
      { recordId: "999999", error: "Could not build the search document: no such post" },
      { recordId: "999998", error: "Could not build the search document: no such post", parked: false },
    ]);
    try {
      await scan(page, "/admin/search");
      const failing = page.getByRole("table", { name: "Records that could not be indexed" });
      expect(await failing.locator("tbody tr").count()).toBe(3);
      await page.getByRole("button", { name: "Try all parked records again" }).click();
      await page.getByText("2 records will be tried again in a moment.").waitFor();
      await expectAccessible(page);
    } finally {
      unpark();
    }
  });
});

describe("accounts", () => {
  it("the users list, with people, and filtered to no one", async () => {
    const page = await e2e.signedInPage(ADMIN);
    await scan(page, "/admin/users?role=editor");
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
    await scan(page, "/admin/users?q=no-one-is-called-this");
    expect(await page.getByText("No one matches.").count()).toBe(1);
  });

  it("the invitation form, empty, with its errors, and with the link to pass on", async () => {
    e2e.allowNavigationStatus(400);
    const page = await e2e.signedInPage(ADMIN);
    await scan(page, "/admin/users/new");
    await page.getByRole("button", { name: "Invite" }).click();
    await page.locator(".govuk-error-summary").getByRole("link", { name: "Enter the person’s full name" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Full name").fill("Accessible Invitee");
    await page.getByLabel("Email address").fill(`accessible-${Date.now()}@example.test`);
    await page.getByLabel("Partner").selectOption("torfaen");
    await page.getByRole("button", { name: "Invite" }).click();
    await page.getByTestId("invitation-link").waitFor();
    await expectAccessible(page);
  });

  it("a person's page with their history, and refusing to demote oneself", async () => {
    e2e.allowNavigationStatus(400);
    const page = await e2e.signedInPage(ADMIN);
    const person = await invitePerson(page.request, e2e.baseUrl);
    await scan(page, `/admin/users/${person.id}`);
    expect(await page.locator("tbody tr").count()).toBe(1);
    await page.goto(`${e2e.baseUrl}/admin/users?q=${encodeURIComponent(ADMIN)}`);
    await page.getByRole("link", { name: "Demo Administrator" }).click();
    // Once the page runs its scripts: hydration would put the role back as it was.
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByLabel("Role").selectOption("reader");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page
      .locator(".govuk-error-summary")
      .getByText(/cannot take away your own administrator role/)
      .waitFor();
    await expectAccessible(page);
  });

  it("one's sessions, and the password form with its errors", async () => {
    e2e.allowNavigationStatus(400);
    const page = await e2e.signedInPage(READER);
    await scan(page, "/account/sessions");
    await scan(page, "/account/password");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.locator(".govuk-error-summary").getByText("Enter your current password").waitFor();
    await expectAccessible(page);
  });

  it("asking for a password reset: the form, its error, and the answer", async () => {
    e2e.allowNavigationStatus(400);
    const page = await e2e.newPage();
    await scan(page, "/account/reset");
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    await expectAccessible(page);
    await page.getByLabel("Email address").fill("nobody@example.test");
    await pauseBeforeSendingAgain(page);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await expectAccessible(page);
  });

  it("choosing a password through a link, with its errors, and a link that cannot be used", async () => {
    e2e.allowNavigationStatus(400, 410);
    const admin = await e2e.signedInPage(ADMIN);
    const person = await invitePerson(admin.request, e2e.baseUrl);
    const page = await e2e.newPage();
    await scan(page, new URL(person.link).pathname);
    await page.getByRole("button", { name: "Save password and sign in" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    await expectAccessible(page);
    await scan(page, `/account/accept/${"B".repeat(43)}`, 410);
  });
});

describe("error pages", () => {
  it("page not found", async () => {
    await scan(await e2e.signedInPage(READER), "/no/such/page", 404);
  });

  it("forbidden: a Newport editor opening a Torfaen post's edit form", async () => {
    const page = await e2e.signedInPage(NEWPORT_EDITOR);
    await scan(page, `/posts/${PUBLISHED_SLUG}/edit`, 403);
    expect(await page.getByRole("heading", { name: "You cannot do that" }).count()).toBe(1);
  });

  it("an unexpected server error, with its reference", async () => {
    e2e.allowNavigationStatus(500);
    const { editor, slug } = await editorWithPost("draft");
    const restore = makePostUnreadable(e2e.hub.dataDir, slug);
    try {
      await scan(editor, `/posts/${slug}`, 500);
      expect(await editor.getByTestId("error-reference").count()).toBe(1);
    } finally {
      restore();
    }
    expect(e2e.takeServerErrors()).toHaveLength(1);
  });
});
