/**
 * Typed links in Chromium against the built Hub: an item's owner links a
 * post through the picker with scripts off and sees it on the post; a post's
 * editor links their own post from the post's side; another partner's editor
 * is refused (403) on POST. axe once on the picker (with scripts: axe runs in the page).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectAccessible, signInContext } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { addRoadmapItem } from "../support/e2e-hub-database";
import { createPost, uniqueTitle } from "../support/e2e-posts";
import { eventually } from "../support/wait";

const e2e = e2eFixture();
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";
const NEWPORT_EDITOR = "editor.newport@demo.srs-hub.test";
const OWNER = "reader@demo.srs-hub.test";

function givenItem(title: string): { id: number; slug: string; title: string } {
  const slug = `links-${randomUUID().slice(0, 8)}`;
  const id = addRoadmapItem(e2e.hub.dataDir, { slug, title, ownerEmail: OWNER, partnerSlugs: ["newport"] });
  return { id, slug, title };
}

describe("linking posts and roadmap items", () => {
  it("lets an item's owner link a published lesson through the picker without JavaScript", async () => {
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    const title = uniqueTitle("Picker lesson on licences");
    const postSlug = await createPost(editor.request, e2e.baseUrl, { title, status: "published" });
    const item = givenItem(uniqueTitle("Licence consolidation"));

    const context = await e2e.newContext({ javaScriptEnabled: false });
    await signInContext(context, e2e.baseUrl, OWNER);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.baseUrl}/roadmap/${item.slug}/links/new`);
    await page.getByLabel("Search published posts").fill(title);
    await page.locator("#main-content").getByRole("button", { name: "Search" }).click();
    await page.getByRole("radio", { name: title }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    // A lesson informs an item or is learned from it: "drives" and "delivers" are not offered.
    expect(await page.getByRole("radio").count()).toBe(2);
    // Sent without a relation: the form again, with the error (400), the choice kept.
    e2e.allowNavigationStatus(400);
    await page.getByRole("button", { name: "Link", exact: true }).click();
    expect(await page.locator(".govuk-error-summary").textContent()).toContain("Choose how they are related");
    await page.getByRole("radio", { name: /It informed the item/ }).check();
    await page.getByLabel("Note (optional)").fill("Read before the licence review.");
    await page.getByRole("button", { name: "Link", exact: true }).click();
    await page.waitForURL(`**/roadmap/${item.slug}`);
    expect(await page.locator(".govuk-notification-banner--success").textContent()).toContain(`Linked to ${title}`);
    const itemSide = page.locator("section.app-linked-records");
    expect(await itemSide.getByRole("heading", { name: "Lessons and case studies that informed it" }).count()).toBe(1);
    expect(await itemSide.getByRole("link", { name: title }).count()).toBe(1);
    expect(await itemSide.getByRole("button", { name: `Unlink ${title}` }).count()).toBe(1);

    await page.goto(`${e2e.baseUrl}/posts/${postSlug}`);
    const section = page.locator("section.app-linked-records");
    expect(await section.getByRole("heading", { name: "Informed by this lesson" }).count()).toBe(1);
    expect(await section.getByRole("link", { name: item.title }).count()).toBe(1);
    expect(await section.textContent()).toContain("Read before the licence review.");
    // The owner manages the item's links, so may unlink from the post's side too.
    expect(await section.getByRole("button", { name: `Unlink ${item.title}` }).count()).toBe(1);
  });

  it("lets a post's editor link their own post to an item from the post's page, and refuses another partner's editor", async () => {
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    const title = uniqueTitle("Aspiration for shared telephony");
    const postSlug = await createPost(editor.request, e2e.baseUrl, {
      kind: "aspiration",
      title,
      status: "published",
    });
    const item = givenItem(uniqueTitle("Shared telephony platform"));
    const page = editor;
    await page.goto(`${e2e.baseUrl}/posts/${postSlug}`);
    await page.getByRole("link", { name: "Link to a roadmap item" }).click();
    // axe needs scripts in the page: the picker is scanned here, as a signed-in editor sees it.
    await expectAccessible(page);
    await page.getByLabel("Search roadmap items").fill(item.title);
    await page.locator("#main-content").getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/[?&]q=/);
    // The item reaches search through the event log a moment after it is made: load the results again
    // (a whole page load, so that what is counted is the new page) until it is there.
    const results = page.url();
    await eventually(
      async () => {
        await page.goto(results);
        return (await page.getByRole("radio", { name: item.title }).count()) > 0;
      },
      30_000,
      250,
    );
    await page.getByRole("radio", { name: item.title }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    // An aspiration only drives: the one relation is chosen already.
    expect(await page.getByRole("radio", { name: /It drives the item/ }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Link", exact: true }).click();
    await page.waitForURL(`**/posts/${postSlug}`);
    expect(await page.locator(".govuk-notification-banner--success").textContent()).toContain(
      `Linked to ${item.title}`,
    );
    const section = page.locator("section.app-linked-records");
    expect(await section.getByRole("heading", { name: "Driven by this aspiration" }).count()).toBe(1);
    expect(await section.getByRole("link", { name: item.title }).count()).toBe(1);

    // Another partner's editor manages neither end: their POSTs are refused and change nothing.
    const other = await e2e.newContext();
    await signInContext(other, e2e.baseUrl, NEWPORT_EDITOR);
    const linkId = await section.locator("form[action^='/links/']").getAttribute("action");
    const refusedUnlink = await other.request.post(`${e2e.baseUrl}${linkId}`, {
      form: { from: "object" },
      headers: { Origin: e2e.baseUrl },
      maxRedirects: 0,
    });
    expect(refusedUnlink.status()).toBe(403);
    const refusedLink = await other.request.post(`${e2e.baseUrl}/roadmap/${item.slug}/links/new`, {
      form: { record: "1", relation: "informs" },
      headers: { Origin: e2e.baseUrl },
      maxRedirects: 0,
    });
    expect(refusedLink.status()).toBe(403);
    await page.reload();
    const links = page.locator("section.app-linked-records");
    expect(await links.getByRole("link", { name: item.title }).count()).toBe(1);

    // The editor unlinks: back on the post, with a banner, and the link gone.
    await links.getByRole("button", { name: `Unlink ${item.title}` }).click();
    await page.waitForURL(`**/posts/${postSlug}`);
    expect(await page.locator(".govuk-notification-banner--success").textContent()).toContain(
      `Unlinked from ${item.title}`,
    );
    expect(await links.getByRole("link", { name: item.title }).count()).toBe(0);
  });
});
