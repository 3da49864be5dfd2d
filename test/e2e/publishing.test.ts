import { describe, expect, it } from "vitest";
import { e2eFixture } from "../support/e2e-fixtures";
import { createPost, editPost, type PostFields, uniqueTitle } from "../support/e2e-posts";
import { eventually } from "../support/wait";

const e2e = e2eFixture();
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";
const NEWPORT_EDITOR = "editor.newport@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";

const XSS_BODY = [
  "## What we did",
  "",
  "We moved 120 agents in one weekend.",
  "",
  '<img src="x" onerror="window.__xss = 1">',
  "<script>window.__xss = 2</script>",
  "[a harmless-looking link](javascript:window.__xss=3)",
  '<a href="https://example.org" onclick="window.__xss = 4">docs</a>',
].join("\n");

/** A Torfaen lesson made over HTTP by Torfaen's editor; returns the editor's page and the post's slug. */
async function torfaenPost(fields: Omit<PostFields, "title"> & { title?: string } = {}) {
  const editor = await e2e.signedInPage(TORFAEN_EDITOR);
  const title = fields.title ?? uniqueTitle("A Torfaen lesson");
  const slug = await createPost(editor.request, e2e.baseUrl, { partner: "torfaen", ...fields, title });
  return { editor, slug, title };
}

describe("writing and publishing a lesson learned", () => {
  it("lets the Torfaen editor write a lesson as a draft through the form", async () => {
    const title = "Cutting over the Torfaen contact centre to cloud telephony";
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    await editor.goto(`${e2e.baseUrl}/posts/new`);
    await editor.getByLabel("Lesson learned").check();
    await editor.getByRole("button", { name: "Continue" }).click();
    await editor.waitForURL(/kind=lesson/);
    await editor.getByLabel("Title").fill(title);
    await editor.getByLabel("Summary").fill("Moving the contact centre off ISDN before the switch-off.");
    await editor.getByLabel("Driving event", { exact: true }).fill("BT's ISDN switch-off date was confirmed.");
    await editor.getByLabel("Lesson", { exact: true }).fill("Port numbers early: it took six weeks.");
    await editor.getByLabel("Recommendation", { exact: true }).fill("Book porting before hardware.");
    await editor.getByLabel("Evidence", { exact: true }).fill("Call logs from the cut-over weekend.");
    await editor.getByLabel("Full account").fill("We moved 120 agents in one weekend.");
    await editor.getByLabel("Tags").fill("telephony, cloud");
    await editor.getByRole("button", { name: "Save as draft" }).click();
    await editor.getByRole("heading", { level: 1, name: title }).waitFor();
    // Until it is published, its address is in Torfaen's namespace.
    expect(new URL(editor.url()).pathname).toBe(
      "/posts/torfaen--cutting-over-the-torfaen-contact-centre-to-cloud-telephony",
    );
    expect(await editor.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    expect(await editor.getByText("This post is a draft.").count()).toBe(1);
    expect(await editor.getByText("Port numbers early: it took six weeks.").count()).toBe(1);
  });

  it("renders an XSS payload in the body inert", async () => {
    const { editor, slug } = await torfaenPost({ body: XSS_BODY });
    await editor.goto(`${e2e.baseUrl}/posts/${slug}`);
    const prose = editor.locator(".app-prose");
    expect(await prose.getByRole("heading", { name: "What we did" }).count()).toBe(1);
    expect(await prose.locator("script").count()).toBe(0);
    expect(await prose.locator("[onerror], [onclick]").count()).toBe(0);
    expect(await prose.locator('a[href^="javascript"]').count()).toBe(0);
    // Every link the body kept (images become links) goes to a web address; no image loads from elsewhere.
    for (const link of await prose.locator("a").all()) {
      const href = (await link.getAttribute("href")) ?? "";
      expect(href === "" || /^https?:\/\//.test(href)).toBe(true);
    }
    expect(await prose.locator("img").count()).toBe(0);
    await editor.waitForTimeout(200);
    expect(await editor.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it("hides a draft from a reader, on its page, its partner's page and in lists", async () => {
    const { slug, title } = await torfaenPost({ status: "draft" });
    const reader = await e2e.signedInPage(READER);
    expect((await reader.goto(`${e2e.baseUrl}/posts/${slug}`))?.status()).toBe(404);
    expect(await reader.getByRole("heading", { name: "Page not found" }).count()).toBe(1);
    expect((await reader.goto(`${e2e.baseUrl}/partners/torfaen`))?.status()).toBe(200);
    expect(await reader.getByText(title).count()).toBe(0);
    expect((await reader.goto(`${e2e.baseUrl}/search?partner=torfaen&kind=lesson`))?.status()).toBe(200);
    expect(await reader.getByText(title).count()).toBe(0);
  });

  it("publishes a draft through the edit form, with a change note; the reader then finds it on Torfaen's page", async () => {
    const { editor, slug, title } = await torfaenPost({
      status: "draft",
      sections: { lesson: "Port numbers early: it took six weeks." },
    });
    await editor.goto(`${e2e.baseUrl}/posts/${slug}/edit`);
    await editor.getByLabel("Change note (optional)").fill("Checked by the service manager");
    await editor.getByRole("button", { name: "Preview and publish" }).click();
    // The check page, then the choice to publish: the change note travels with it.
    await editor.getByRole("heading", { level: 1, name: "Check your lesson learned before publishing" }).waitFor();
    await editor.getByRole("button", { name: "Publish", exact: true }).click();
    // Published, it takes its plain address.
    const published = slug.replace(/^torfaen--/, "");
    await editor.waitForURL(`${e2e.baseUrl}/posts/${published}`);
    // The address changes a moment before the post's page replaces the form: wait for the page itself.
    await editor.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
    expect(await editor.getByText("This post is a draft.").count()).toBe(0);
    await editor.goto(`${e2e.baseUrl}/posts/${published}/history`);
    expect(await editor.locator("tbody tr").nth(0).textContent()).toContain("Checked by the service manager");

    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}/partners/torfaen`);
    // Its card in the lessons (the recent activity links to it too).
    await reader.locator("article.app-post-card").getByRole("link", { name: title }).click();
    await reader.getByRole("heading", { name: "Driving event" }).waitFor();
    expect(await reader.getByText("Port numbers early: it took six weeks.").count()).toBe(1);
    expect(await reader.getByRole("link", { name: "Edit this post" }).count()).toBe(0);
  });

  it("makes a published post findable in search, linking to the post", async () => {
    const { slug, title } = await torfaenPost({
      status: "published",
      title: uniqueTitle("Moving the Torfaen switchboard to cloud telephony"),
    });
    const reader = await e2e.signedInPage(READER);
    const query = `${e2e.baseUrl}/search?q=${encodeURIComponent("Torfaen switchboard cloud telephony")}`;
    const result = reader.getByRole("link", { name: title });
    await eventually(
      async () => {
        await reader.goto(query);
        return (await result.count()) > 0;
      },
      15_000,
      250,
    );
    expect(await result.getAttribute("href")).toBe(`/posts/${slug}`);
  });

  it("lists every save with its note in the history for editors, and only published ones for readers", async () => {
    const { editor, slug: draft, title } = await torfaenPost({ status: "draft" });
    const slug = await editPost(editor.request, e2e.baseUrl, draft, {
      title,
      status: "published",
      changeNote: "Ready for readers",
    });
    expect((await editor.goto(`${e2e.baseUrl}/posts/${slug}/history`))?.status()).toBe(200);
    const rows = editor.locator("tbody tr");
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain("Published");
    expect(await rows.nth(0).textContent()).toContain("Ready for readers");
    expect(await rows.nth(1).textContent()).toContain("Draft");
    expect(await rows.nth(1).textContent()).toContain("Demo Editor (Torfaen)");
    expect(await editor.getByRole("columnheader").allTextContents()).toContain("Note");

    const reader = await e2e.signedInPage(READER);
    expect((await reader.goto(`${e2e.baseUrl}/posts/${slug}/history`))?.status()).toBe(200);
    expect(await reader.locator("tbody tr").count()).toBe(1);
    expect(await reader.locator("tbody").textContent()).not.toContain("Draft");
  });

  it("does not let a Newport editor edit a Torfaen post, in the page or by a forged POST", async () => {
    const { editor, slug, title } = await torfaenPost({ status: "published" });
    const newport = await e2e.signedInPage(NEWPORT_EDITOR);
    expect((await newport.goto(`${e2e.baseUrl}/posts/${slug}/edit`))?.status()).toBe(403);
    expect(await newport.getByRole("heading", { name: "You cannot do that" }).count()).toBe(1);
    expect(await newport.title()).toBe("You cannot do that – SRS Knowledge Hub");
    await newport.goto(`${e2e.baseUrl}/posts/${slug}`);
    expect(await newport.getByRole("link", { name: "Edit this post" }).count()).toBe(0);

    const forged = await newport.request.post(`${e2e.baseUrl}/posts/${slug}/edit`, {
      headers: { Origin: e2e.baseUrl },
      form: {
        kind: "lesson",
        title: "Taken over by Newport",
        summary: "x",
        body: "x",
        partner: "newport",
        status: "published",
        "section.drivingEvent": "x",
        "section.lesson": "x",
        "section.recommendation": "x",
        "section.evidence": "x",
      },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    await newport.goto(`${e2e.baseUrl}/posts/${slug}`);
    expect(await newport.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    await editor.goto(`${e2e.baseUrl}/posts/${slug}/history`);
    expect(await editor.locator("tbody tr").count()).toBe(1);
  });

  it("stops showing a published date once a published post goes back to draft", async () => {
    const { editor, slug, title } = await torfaenPost({ status: "published" });
    await editor.goto(`${e2e.baseUrl}/partners/torfaen`);
    const card = editor.locator("article.app-post-card").filter({ hasText: title });
    expect(await card.locator(".app-post-meta").textContent()).toContain("Published ");

    await editPost(editor.request, e2e.baseUrl, slug, { title, status: "draft" });
    await editor.goto(`${e2e.baseUrl}/posts/${slug}`);
    const keys = await editor.locator(".app-post-facts dt").allTextContents();
    expect(keys).toContain("Last updated");
    expect(keys).not.toContain("Published");
    // The partner's page shows what it has published: the draft is no longer among its lessons.
    await editor.goto(`${e2e.baseUrl}/partners/torfaen`);
    expect(await card.count()).toBe(0);
  });
});
