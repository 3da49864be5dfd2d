import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible, launchBrowser, signIn, visit } from "../support/browser";

const baseUrl = inject("baseUrl");
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";
const NEWPORT_EDITOR = "editor.newport@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";

const TITLE = "Cutting over the Torfaen contact centre to cloud telephony";
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

let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on("dialog", (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`);
  });
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe("publishing a lesson learned", () => {
  let slug = "";
  let editor: Page;
  let reader: Page;

  it("lets the Torfaen editor write a lesson as a draft", async () => {
    editor = await newPage();
    await signIn(editor, baseUrl, TORFAEN_EDITOR);
    await visit(editor, `${baseUrl}/posts/new`);
    await editor.getByLabel("Lesson learned").check();
    await editor.getByRole("button", { name: "Continue" }).click();
    await editor.waitForURL(/kind=lesson/);
    await editor.getByLabel("Title").waitFor();
    await expectAccessible(editor);

    await editor.getByLabel("Title").fill(TITLE);
    await editor.getByLabel("Summary").fill("Moving the contact centre off ISDN before the switch-off.");
    await editor.getByLabel("Driving event", { exact: true }).fill("BT's ISDN switch-off date was confirmed.");
    await editor.getByLabel("Lesson", { exact: true }).fill("Port numbers early: it took six weeks.");
    await editor.getByLabel("Recommendation", { exact: true }).fill("Book porting before hardware.");
    await editor.getByLabel("Evidence", { exact: true }).fill("Call logs from the cut-over weekend.");
    await editor.getByLabel("Full account").fill(XSS_BODY);
    await editor.getByLabel("Tags").fill("telephony, cloud");
    await editor.getByLabel("Draft").check();
    await editor.getByRole("button", { name: "Save post" }).click();
    await editor.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    slug = new URL(editor.url()).pathname.split("/")[2] ?? "";
    expect(slug).toBe("cutting-over-the-torfaen-contact-centre-to-cloud-telephony");
    expect(await editor.getByRole("heading", { level: 1 }).textContent()).toBe(TITLE);
    expect(await editor.getByText("This post is a draft.").count()).toBe(1);
    await expectAccessible(editor);
  });

  it("renders the XSS payload in the body inert", async () => {
    expect(await editor.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const prose = editor.locator(".app-prose");
    expect(await prose.locator("script").count()).toBe(0);
    expect(await prose.locator("[onerror], [onclick]").count()).toBe(0);
    expect(await prose.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await prose.getByRole("heading", { name: "What we did" }).count()).toBe(1);
    // Click every link the body kept: none may run script.
    const links = await prose.locator("a").all();
    for (const link of links) {
      const href = (await link.getAttribute("href")) ?? "";
      expect(href === "" || href.startsWith("https://")).toBe(true);
    }
    await editor.waitForTimeout(200);
    expect(await editor.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it("hides the draft from a reader", async () => {
    reader = await newPage();
    await signIn(reader, baseUrl, READER);
    expect(await visit(reader, `${baseUrl}/posts/${slug}`)).toBe(404);
    expect(await reader.getByRole("heading", { name: "Page not found" }).count()).toBe(1);
    expect(await visit(reader, `${baseUrl}/partners/torfaen`)).toBe(200);
    expect(await reader.getByText(TITLE).count()).toBe(0);
    expect(await visit(reader, `${baseUrl}/posts?partner=torfaen&kind=lesson`)).toBe(200);
    expect(await reader.getByText(TITLE).count()).toBe(0);
  });

  it("publishes it, after which the reader finds it on Torfaen's page", async () => {
    await visit(editor, `${baseUrl}/posts/${slug}/edit`);
    await editor.getByLabel("Published").check();
    await editor.getByRole("button", { name: "Save post" }).click();
    await editor.waitForURL(`${baseUrl}/posts/${slug}`);
    await editor.getByText("This post is a draft.").waitFor({ state: "detached" });
    expect(await editor.getByRole("heading", { level: 1 }).textContent()).toBe(TITLE);

    expect(await visit(reader, `${baseUrl}/partners/torfaen`)).toBe(200);
    await reader.getByRole("link", { name: TITLE }).click();
    await reader.getByRole("heading", { name: "Driving event" }).waitFor();
    expect(await reader.getByText("Port numbers early: it took six weeks.").count()).toBe(1);
    expect(await reader.getByRole("link", { name: "Edit this post" }).count()).toBe(0);
    await expectAccessible(reader);
  });

  it("makes it findable in search once published", async () => {
    const query = `${baseUrl}/search?q=${encodeURIComponent("contact centre cloud telephony Torfaen")}`;
    const deadline = Date.now() + 15_000;
    for (;;) {
      await reader.goto(query);
      if ((await reader.getByRole("link", { name: TITLE }).count()) > 0) break;
      if (Date.now() > deadline) throw new Error("the published post never appeared in search");
      await reader.waitForTimeout(250);
    }
    await expectAccessible(reader);
  });

  it("lists both saves in the history for its editors, and only the published one for readers", async () => {
    expect(await visit(editor, `${baseUrl}/posts/${slug}/history`)).toBe(200);
    const rows = editor.locator("tbody tr");
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain("Published");
    expect(await rows.nth(1).textContent()).toContain("Draft");
    expect(await rows.nth(1).textContent()).toContain("Demo Editor (Torfaen)");

    expect(await visit(reader, `${baseUrl}/posts/${slug}/history`)).toBe(200);
    expect(await reader.locator("tbody tr").count()).toBe(1);
    expect(await reader.locator("tbody").textContent()).not.toContain("Draft");
  });

  it("does not let a Newport editor edit it, in the page or by a forged POST", async () => {
    const newport = await newPage();
    await signIn(newport, baseUrl, NEWPORT_EDITOR);
    expect(await visit(newport, `${baseUrl}/posts/${slug}/edit`)).toBe(403);
    expect(await newport.getByRole("heading", { name: "You cannot do that" }).count()).toBe(1);
    expect(await newport.title()).toBe("You cannot do that – SRS Knowledge Hub");
    await visit(newport, `${baseUrl}/posts/${slug}`);
    expect(await newport.getByRole("link", { name: "Edit this post" }).count()).toBe(0);

    const response = await newport.request.post(`${baseUrl}/posts/${slug}/edit`, {
      headers: { Origin: baseUrl },
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
    expect(response.status()).toBe(403);
    await visit(reader, `${baseUrl}/posts/${slug}`);
    expect(await reader.getByRole("heading", { level: 1 }).textContent()).toBe(TITLE);
    expect(await visit(editor, `${baseUrl}/posts/${slug}/history`)).toBe(200);
    expect(await editor.locator("tbody tr").count()).toBe(2);
  });
});

describe("browsing", () => {
  it("shows the home page, lists, filters and partner pages to a reader", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, READER);
    expect(page.url()).toBe(`${baseUrl}/`);
    await expectAccessible(page);
    expect(await page.getByRole("heading", { name: "Latest lessons learned" }).count()).toBe(1);
    expect(await visit(page, `${baseUrl}/posts?kind=case-study`)).toBe(200);
    const cards = page.locator("article.app-post-card");
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) expect(await card.textContent()).toContain("Case study");
    expect(await visit(page, `${baseUrl}/partners`)).toBe(200);
    await page.getByRole("link", { name: "Gwent Police" }).click();
    await page.getByRole("heading", { level: 1, name: "Gwent Police" }).waitFor();
    await expectAccessible(page);
  });

  it("sends visitors to sign in and back to where they were going", async () => {
    const page = await newPage();
    expect(await visit(page, `${baseUrl}/posts?kind=lesson`)).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.getByText("Every demo account uses the password").count()).toBe(1);
    await page.getByLabel("Email address").fill(READER);
    await page.getByLabel("Password").fill("demo-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/posts?kind=lesson`);
  });

  it("rejects a wrong password with a message and no session", async () => {
    const page = await newPage();
    await visit(page, `${baseUrl}/login`);
    await page.getByLabel("Email address").fill(READER);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("There is a problem").waitFor();
    expect(await page.getByRole("link", { name: "Enter a correct email address and password" }).count()).toBe(1);
    await expectAccessible(page);
    expect((await page.context().cookies()).filter((cookie) => cookie.name === "srs_hub_session")).toEqual([]);
  });

  it("signs out with a POST, ending the session", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, READER);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${baseUrl}/login`);
    expect(await visit(page, `${baseUrl}/posts`)).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});
