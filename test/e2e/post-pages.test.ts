/**
 * A post's page and its partner's: the contact under the title, breadcrumbs
 * and the way back to the results, "we applied this", revisions compared, and
 * the partner page as its community's home. Each new page type is scanned with axe once here.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, waitForScripts } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { createPost, editPost, uniqueTitle } from "../support/e2e-posts";

const e2e = e2eFixture();
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";
const NEWPORT_EDITOR = "editor.newport@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";

/** A published Torfaen lesson written by Torfaen's editor: their page and the post's slug and title. */
async function torfaenLesson(title = uniqueTitle("A lesson to apply")) {
  const editor = await e2e.signedInPage(TORFAEN_EDITOR);
  const slug = await createPost(editor.request, e2e.baseUrl, { title, partner: "torfaen", status: "published" });
  return { editor, slug, title };
}

async function recordApplied(page: Page, note: string, button: string, banner: string) {
  await page.getByLabel("How did you apply it? (optional)").fill(note);
  await page.getByRole("button", { name: button }).click();
  await page.locator(".govuk-notification-banner--success", { hasText: banner }).waitFor();
}

describe("a post's page", () => {
  it("names the contact under the title, with a link to email them, and shows breadcrumbs", async () => {
    const { slug } = await torfaenLesson();
    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}/posts/${slug}`);
    const facts = reader.locator(".app-post-facts");
    const contact = facts.locator(".govuk-summary-list__row", { hasText: "Contact" });
    expect(await contact.locator("dd").textContent()).toBe(
      "Demo Editor (Torfaen), Digital lead, Torfaen County Borough Council",
    );
    expect(await contact.getByRole("link").getAttribute("href")).toBe(`mailto:${TORFAEN_EDITOR}`);
    // The facts come straight after the heading, before the summary and the sections.
    const order = await reader.evaluate(() =>
      [...document.querySelectorAll("h1, .app-post-facts, .govuk-body-l")].map((element) => element.tagName),
    );
    expect(order.slice(0, 3)).toEqual(["H1", "DL", "P"]);
    const crumbs = reader.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link");
    expect(await crumbs.allTextContents()).toEqual(["Home", "Find", "Torfaen County Borough Council"]);
    expect(await reader.getByRole("link", { name: "Back to results" }).count()).toBe(0);
  });

  it("offers the way back to the results only when the finder sent the reader, to the finder only", async () => {
    const { slug } = await torfaenLesson();
    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}/partners/torfaen`);
    await waitForScripts(reader);
    const go = (backTo: string) =>
      reader.evaluate(
        ([path, state]) =>
          (
            window as unknown as { __remixRouter: { navigate(to: string, o: object): Promise<void> } }
          ).__remixRouter.navigate(path, { state: { backTo: state } }),
        [`/posts/${slug}`, backTo] as const,
      );
    await go("/search?q=teams&kind=lesson");
    const back = reader.getByRole("link", { name: "Back to results" });
    await back.waitFor();
    expect(await back.getAttribute("href")).toBe("/search?q=teams&kind=lesson");
    for (const hostile of ["https://example.org/search", "//example.org/search", "/searching-elsewhere", "/admin"]) {
      await reader.goto(`${e2e.baseUrl}/partners/torfaen`);
      await waitForScripts(reader);
      await go(hostile);
      await reader.getByRole("navigation", { name: "Breadcrumb" }).waitFor();
      expect(await reader.getByRole("link", { name: "Back to results" }).count()).toBe(0);
    }
  });
});

describe("we applied this", () => {
  it("records another partner's use, shows it, and a second record updates the note", async () => {
    const { slug } = await torfaenLesson();
    const newport = await e2e.signedInPage(NEWPORT_EDITOR);
    await newport.goto(`${e2e.baseUrl}/posts/${slug}`);
    expect(await newport.getByText("No other partner has said it applied this yet.").count()).toBe(1);
    await recordApplied(
      newport,
      "We used the <b>naming</b> policy.",
      "Record that we applied this",
      "Recorded that Newport City Council applied this",
    );
    const applications = newport.locator(".app-application");
    expect(await applications.count()).toBe(1);
    expect(await applications.getByRole("link").textContent()).toBe("Newport City Council");
    // The note is text: its markup is shown, not obeyed.
    expect(await applications.locator("p").first().textContent()).toBe("We used the <b>naming</b> policy.");
    expect(await applications.locator("b").count()).toBe(0);

    await recordApplied(
      newport,
      "Two owners per team, too.",
      "Update our note",
      "Updated the note on how Newport City Council applied this",
    );
    expect(await applications.count()).toBe(1);
    expect(await applications.locator("p").first().textContent()).toBe("Two owners per team, too.");
    await expectAccessible(newport);

    // A reader of another partner sees the list, and Newport's use is counted on both partners' pages.
    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}/posts/${slug}`);
    expect(await reader.locator(".app-application").textContent()).toContain("Two owners per team, too.");
    await reader.goto(`${e2e.baseUrl}/partners/newport`);
    expect(await reader.getByText(/^Lessons from others applied: [1-9]\d*$/).count()).toBe(1);
  });

  it("refuses the post's own partner with a 403, a too-long note with a 400, and shows its own editor no form", async () => {
    const { editor, slug } = await torfaenLesson();
    await editor.goto(`${e2e.baseUrl}/posts/${slug}`);
    expect(await editor.getByRole("button", { name: "Record that we applied this" }).count()).toBe(0);
    const own = await editor.request.post(`${e2e.baseUrl}/posts/${slug}`, {
      form: { note: "Ours" },
      headers: { Origin: e2e.baseUrl },
      maxRedirects: 0,
    });
    expect(own.status()).toBe(403);
    const newport = await e2e.signedInPage(NEWPORT_EDITOR);
    const tooLong = await newport.request.post(`${e2e.baseUrl}/posts/${slug}`, {
      form: { note: "x".repeat(501) },
      headers: { Origin: e2e.baseUrl },
      maxRedirects: 0,
    });
    expect(tooLong.status()).toBe(400);
    await newport.goto(`${e2e.baseUrl}/posts/${slug}`);
    expect(await newport.getByText("No other partner has said it applied this yet.").count()).toBe(1);
  });
});

describe("revisions compared", () => {
  it("marks what was added and removed, word by word, as text, and says so to screen readers", async () => {
    const title = uniqueTitle("Moving the service desk");
    const { editor, slug } = await torfaenLesson(title);
    await editPost(editor.request, e2e.baseUrl, slug, {
      title: `${title} to the cloud`,
      partner: "torfaen",
      status: "published",
      slug,
      sections: { lesson: "Port numbers <script>window.__x = 1</script> early, in **six** weeks." },
      changeNote: "Added what we learned",
    });
    await editor.goto(`${e2e.baseUrl}/posts/${slug}/history`);
    expect(await editor.getByRole("cell", { name: /Added what we learned/ }).count()).toBe(1);
    await editor.getByRole("link", { name: "Compare with revision 1" }).click();
    await editor.getByRole("heading", { level: 1, name: /^Compare revisions/ }).waitFor();
    const titleDiff = editor
      .locator("section", { has: editor.getByRole("heading", { name: "Title" }) })
      .locator(".app-diff");
    expect(await titleDiff.locator("ins").textContent()).toBe("added: to the cloud (end of addition)");
    const lesson = editor.locator("section", { has: editor.getByRole("heading", { name: "Lesson", exact: true }) });
    expect(await lesson.locator("del").count()).toBeGreaterThan(0);
    // What was written, markup and all, with the hidden words for screen readers taken out.
    const shown = await lesson.locator(".app-diff").evaluate((diff) => {
      const copy = diff.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll(".govuk-visually-hidden")) hidden.remove();
      return copy.textContent;
    });
    expect(shown).toContain("Port numbers <script>window.__x = 1</script> early, in **six** weeks.");
    // Markdown and markup stay text: nothing in the diff is an element of its own.
    expect(await editor.locator(".app-diff script, .app-diff strong").count()).toBe(0);
    expect(await editor.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined();
    await expectAccessible(editor);

    // A revision that is not in the list is a clear 400, not an error page.
    e2e.allowNavigationStatus(400);
    const bad = await editor.goto(`${e2e.baseUrl}/posts/${slug}/compare?from=1&to=99`);
    expect(bad?.status()).toBe(400);
    expect(await editor.locator(".govuk-error-summary").textContent()).toContain("Choose two of the revisions listed");
  });
});

describe("a partner's page", () => {
  it("pins its strategy, shows each kind with a way to all of it, its digital lead and its recent activity", async () => {
    const { slug, title } = await torfaenLesson(uniqueTitle("Newest Torfaen lesson"));
    const draftTitle = uniqueTitle("A Torfaen draft nobody else sees");
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    await createPost(editor.request, e2e.baseUrl, { title: draftTitle, partner: "torfaen", status: "draft" });
    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}/partners/torfaen`);
    const pinned = reader.locator("section", {
      has: reader.getByRole("heading", { name: "Current digital strategy" }),
    });
    expect(await pinned.getByRole("link").first().textContent()).toBe("Torfaen Digital Strategy 2024 to 2029");
    const lessons = reader.locator("section", { has: reader.getByRole("heading", { name: /^Lessons learned/ }) });
    expect(await lessons.getByRole("link", { name: title }).count()).toBe(1);
    expect(await lessons.getByRole("link", { name: /^See all lessons learned/ }).getAttribute("href")).toBe(
      "/search?partner=torfaen&kind=lesson",
    );
    expect(await reader.getByTestId("digital-lead").textContent()).toBe("Demo Editor (Torfaen), Digital lead");
    expect(await reader.getByText(/^Lessons applied by others: \d+$/).count()).toBe(1);
    const activity = reader.locator("section", { has: reader.getByRole("heading", { name: "Recent activity" }) });
    expect(await activity.getByRole("link", { name: title }).count()).toBe(1);
    expect(await activity.locator(`a[href="/posts/${slug}"]`).count()).toBeGreaterThan(0);
    expect(await reader.content()).not.toContain(draftTitle);
    await expectAccessible(reader);
  });

  it("lets an administrator name the digital lead, and nobody else", async () => {
    const admin = await e2e.signedInPage("admin@demo.srs-hub.test");
    await admin.goto(`${e2e.baseUrl}/partners/monmouthshire`);
    const choice = admin.getByLabel("Digital lead (administrators only)");
    await choice.selectOption({ label: "Demo Editor (Monmouthshire), Digital lead" });
    await admin.getByRole("button", { name: "Save digital lead" }).click();
    await admin.locator(".govuk-notification-banner--success").waitFor();
    expect(await admin.getByTestId("digital-lead").textContent()).toBe("Demo Editor (Monmouthshire), Digital lead");
    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}/partners/monmouthshire`);
    expect(await reader.getByLabel("Digital lead (administrators only)").count()).toBe(0);
    const refused = await reader.request.post(`${e2e.baseUrl}/partners/monmouthshire`, {
      form: { digitalLead: "" },
      headers: { Origin: e2e.baseUrl },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);
  });
});
