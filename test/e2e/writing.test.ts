/**
 * Writing a post as a digital lead does: the form's words, its errors in
 * field order, the check page before publishing (inert for hostile Markdown,
 * nothing written until the choice), tags suggested as you type, GOV.UK date
 * inputs, and a post's address fixed once published, its draft address
 * leading on.
 */
import { describe, expect, it } from "vitest";
import { expectAccessible, pauseBeforeSendingAgain } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { createPost, editPost, uniqueTitle } from "../support/e2e-posts";
import { searchSettled } from "../support/hub-data";
import { eventually } from "../support/wait";

const e2e = e2eFixture();
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";

const HOSTILE = [
  "We moved 120 agents in one weekend.",
  "",
  '<img src="x" onerror="window.__xss = 1">',
  "<script>window.__xss = 2</script>",
  "[a harmless-looking link](javascript:window.__xss=3)",
].join("\n");

describe("writing a lesson learned", () => {
  it("names the fields in its errors, in the order of the page, then previews, inert, and publishes only when asked", async () => {
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    await editor.goto(`${e2e.baseUrl}/posts/new?kind=lesson`);
    expect(await editor.getByRole("heading", { level: 1 }).textContent()).toBe("Write a lesson learned");
    expect(await editor.getByText("What happened, when, and who was affected?").count()).toBe(1);
    // Markdown is explained once, behind one details element, not beside every box.
    expect(await editor.locator("details.govuk-details").filter({ hasText: "Help with formatting" }).count()).toBe(1);
    expect(await editor.getByText(/\[text\]\(https/).count()).toBe(0);
    expect(await editor.locator("input[name=status]").count()).toBe(0);
    // The contact is the author unless someone else is chosen.
    expect(await editor.locator("#contact option:checked").textContent()).toBe("Demo Editor (Torfaen) (Digital lead)");

    await editor.getByLabel("Summary").fill("s".repeat(601));
    await editor.getByLabel("Day").first().fill("31");
    await editor.getByLabel("Month").first().fill("2");
    await editor.getByLabel("Year").first().fill("2024");
    await editor.getByRole("button", { name: "Preview and publish" }).click();
    const summary = editor.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Enter a title",
      "Summary must be 600 characters or fewer",
      "Event date must be a real date",
      "Enter the driving event",
      "Enter the lesson",
      "Enter the recommendation",
      "Enter the evidence",
      "Enter the full account",
    ]);
    expect(await editor.locator("#eventDate-error").textContent()).toContain("Event date must be a real date");
    // What was typed is kept.
    expect(await editor.getByLabel("Day").first().inputValue()).toBe("31");

    const title = uniqueTitle("Porting numbers before the ISDN switch-off");
    await editor.getByLabel("Title").fill(title);
    await editor.getByLabel("Summary").fill("Port numbers early.");
    await editor.getByLabel("Day").first().fill("23");
    await editor.getByLabel("Month").first().fill("3");
    await editor.getByLabel("Year").first().fill("2020");
    for (const [label, text] of <[string, string][]>[
      ["Driving event", "The ISDN switch-off date was confirmed."],
      ["Lesson", "Porting took six weeks."],
      ["Recommendation", "Book porting before hardware."],
      ["Evidence", "Call logs."],
    ]) {
      await editor.getByLabel(label, { exact: true }).fill(text);
    }
    await editor.getByLabel("Full account").fill(HOSTILE);
    await pauseBeforeSendingAgain(editor);
    await editor.getByRole("button", { name: "Preview and publish" }).click();
    await editor.getByRole("heading", { level: 1, name: "Check your lesson learned before publishing" }).waitFor();
    const preview = editor.locator(".app-preview");
    expect(await preview.getByRole("heading", { name: title }).count()).toBe(1);
    expect(await preview.getByText("We moved 120 agents in one weekend.").count()).toBe(1);
    expect(await preview.getByText("23 March 2020").count()).toBe(1);
    expect(await preview.locator("script").count()).toBe(0);
    expect(await preview.locator("[onerror], [onclick]").count()).toBe(0);
    expect(await preview.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await preview.locator("img").count()).toBe(0);
    await editor.waitForTimeout(200);
    expect(await editor.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expectAccessible(editor);
    // Nothing is written before the choice.
    const plain = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    expect((await editor.request.get(`${e2e.baseUrl}/posts/${plain}`)).status()).toBe(404);
    expect((await editor.request.get(`${e2e.baseUrl}/posts/torfaen--${plain}`)).status()).toBe(404);

    // Back to the form, and the values are all there; then the check page again and publish.
    await editor.getByRole("button", { name: "Go back and change" }).click();
    await editor.getByRole("heading", { level: 1, name: "Write a lesson learned" }).waitFor();
    expect(await editor.getByLabel("Title").inputValue()).toBe(title);
    expect(await editor.getByLabel("Year").first().inputValue()).toBe("2020");
    await editor.getByRole("button", { name: "Preview and publish" }).click();
    // A Hub just started may still be building its index: how fast a change reaches search is measured after.
    await eventually(() => searchSettled(e2e.baseUrl), 60_000);
    await editor.getByRole("button", { name: "Publish", exact: true }).click();
    await editor.waitForURL(`${e2e.baseUrl}/posts/${plain}`);
    await editor.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
    expect(await editor.getByText("This post is a draft.").count()).toBe(0);
    // Confirmed, once search holds it: the post is found straight away, with no "shortly".
    const banner = editor.locator(".govuk-notification-banner--success");
    expect(await banner.getByText("Lesson learned published").count()).toBe(1);
    expect(await banner.getByText("Search results will show this change shortly").count()).toBe(0);
    await editor.goto(`${e2e.baseUrl}/search?q=${encodeURIComponent(title)}`);
    expect(await editor.locator(".app-results").getByRole("link", { name: title }).count()).toBe(1);
    // Shown once: the banner belongs to the page the change led to.
    await editor.goto(`${e2e.baseUrl}/posts/${plain}`);
    expect(await editor.locator(".govuk-notification-banner--success").count()).toBe(0);
  });

  it("refuses a future event date and a past review date, naming each", async () => {
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    await editor.goto(`${e2e.baseUrl}/posts/new?kind=case-study`);
    expect(await editor.getByRole("heading", { level: 1 }).textContent()).toBe("Write a case study");
    const nextYear = String(new Date().getFullYear() + 1);
    const event = editor.getByRole("group", { name: "Event date" });
    await event.getByLabel("Day").fill("1");
    await event.getByLabel("Month").fill("1");
    await event.getByLabel("Year").fill(nextYear);
    const review = editor.getByRole("group", { name: "Review by" });
    await review.getByLabel("Day").fill("1");
    await review.getByLabel("Month").fill("1");
    await review.getByLabel("Year").fill("2001");
    await editor.getByLabel("Title").fill(uniqueTitle("Dates"));
    await editor.getByLabel("Summary").fill("A summary.");
    await editor.getByLabel("Full account").fill("A full account.");
    await editor.getByRole("button", { name: "Save as draft" }).click();
    const summary = editor.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Event date must be today or in the past",
      "Review date must be today or in the future",
    ]);
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#eventDate-day");
  });

  it("suggests existing topics by name as a tag is typed, takes new ones, and refuses markup naming the tag", async () => {
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    const topic = `Quantum ${uniqueTitle("Telephony").split(" ").pop()}`;
    await createPost(editor.request, e2e.baseUrl, { title: uniqueTitle("Tagged"), status: "published", tags: topic });
    await editor.goto(`${e2e.baseUrl}/posts/new?kind=lesson`);
    const tags = editor.getByRole("combobox", { name: "Tags" });
    await tags.pressSequentially("quantum");
    const option = editor.getByRole("option", { name: topic });
    await option.waitFor();
    expect(await tags.getAttribute("aria-expanded")).toBe("true");
    await tags.press("ArrowDown");
    await tags.press("Enter");
    expect(await tags.inputValue()).toBe(`${topic}, `);
    expect(await tags.getAttribute("aria-expanded")).toBe("false");
    await tags.pressSequentially("Brand new topic, <b>bold</b>");
    await editor.getByLabel("Title").fill(uniqueTitle("Tags"));
    await editor.getByLabel("Summary").fill("A summary.");
    await editor.getByLabel("Full account").fill("A full account.");
    await editor.getByRole("button", { name: "Save as draft" }).click();
    await editor.locator(".govuk-error-summary").waitFor();
    expect(await editor.locator("#tags-error").textContent()).toContain(
      "The tag “<b>bold</b>” must not contain < or >",
    );
    await tags.fill(`${topic}, Brand new topic`);
    await pauseBeforeSendingAgain(editor);
    await editor.getByRole("button", { name: "Save as draft" }).click();
    await editor.getByText("This post is a draft.").waitFor();
    // Both kept, each by the name it was written with.
    await editor.goto(`${editor.url()}/edit`);
    expect(await editor.getByRole("combobox", { name: "Tags" }).inputValue()).toBe(`Brand new topic, ${topic}`);
  });

  it("keeps the slug under Advanced until published, then fixes it; the draft's address leads to the published one", async () => {
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    const title = uniqueTitle("An address that moves");
    const draft = await createPost(editor.request, e2e.baseUrl, { title, status: "draft" });
    await editor.goto(`${e2e.baseUrl}/posts/${draft}/edit`);
    expect(await editor.getByRole("heading", { level: 1 }).textContent()).toBe(`Edit lesson learned: ${title}`);
    await editor.getByText("Advanced: web address").click();
    expect(await editor.getByLabel("Web address (slug)").inputValue()).toBe(draft.replace(/^torfaen--/, ""));
    expect(await editor.getByRole("button", { name: "Archive this post" }).count()).toBe(0);

    const published = await editPost(editor.request, e2e.baseUrl, draft, { title, intent: "publish" });
    expect(published).toBe(draft.replace(/^torfaen--/, ""));
    const old = await editor.request.get(`${e2e.baseUrl}/posts/${draft}`, { maxRedirects: 0 });
    expect(old.status()).toBe(301);
    expect(old.headers().location).toBe(`/posts/${published}`);
    await editor.goto(`${e2e.baseUrl}/posts/${draft}/history`);
    expect(new URL(editor.url()).pathname).toBe(`/posts/${published}/history`);

    await editor.goto(`${e2e.baseUrl}/posts/${published}/edit`);
    expect(await editor.getByLabel("Web address (slug)").count()).toBe(0);
    expect(await editor.getByText(`/posts/${published}`).count()).toBe(1);
    expect(await editor.getByRole("button", { name: "Save changes" }).count()).toBe(1);
    expect(await editor.getByRole("button", { name: "Archive this post" }).count()).toBe(1);
    expect(await editor.getByRole("button", { name: "Save as draft" }).count()).toBe(0);
    await expectAccessible(editor);
  });
});
