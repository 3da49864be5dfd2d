import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible, launchBrowser, signIn, visit } from "../support/browser";

const baseUrl = inject("baseUrl");
const EXISTING_SLUG = "teams-rollout-covid";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let request: APIRequestContext;

function lessonForm(overrides: Record<string, string> = {}) {
  return {
    kind: "lesson",
    title: "A lesson about bad input",
    summary: "Summary",
    body: "Body",
    partner: "torfaen",
    status: "draft",
    tags: "",
    slug: "",
    "section.drivingEvent": "x",
    "section.lesson": "x",
    "section.recommendation": "x",
    "section.evidence": "x",
    ...overrides,
  };
}

async function postNew(form: Record<string, string>, headers: Record<string, string> = { Origin: baseUrl }) {
  const response = await request.post(`${baseUrl}/posts/new?kind=lesson`, { form, headers, maxRedirects: 0 });
  return { status: response.status(), text: await response.text(), location: response.headers().location };
}

/** How many posts Torfaen's editor can see, read from the list page. */
async function torfaenPostCount(): Promise<number> {
  await page.goto(`${baseUrl}/posts?partner=torfaen`);
  const text = (await page.getByRole("status").textContent()) ?? "";
  return Number.parseInt(text, 10);
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
  await signIn(page, baseUrl, "editor.torfaen@demo.srs-hub.test");
  request = context.request;
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("the post form", () => {
  it("shows an error summary and messages next to the fields", async () => {
    await visit(page, `${baseUrl}/posts/new?kind=case-study`);
    await page.getByLabel("Published").check();
    await page.getByRole("button", { name: "Save post" }).click();
    await page.getByText("There is a problem").waitFor();
    const summary = page.locator(".govuk-error-summary");
    expect(await summary.getByRole("link", { name: "Enter a title" }).count()).toBe(1);
    expect(await summary.getByRole("link", { name: "Enter a summary" }).count()).toBe(1);
    expect(await page.locator("#section-challenge-error").textContent()).toContain(
      "Complete this section before publishing",
    );
    await expectAccessible(page);
    await summary.getByRole("link", { name: "Enter a title" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("title");
  });

  it("asks again, with a message, when no kind was chosen", async () => {
    await visit(page, `${baseUrl}/posts/new`);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("There is a problem").waitFor();
    expect(await page.locator("#kind-error").textContent()).toContain("Choose what kind of post this is");
    await expectAccessible(page);
  });

  it.each([
    ["an empty title", { title: "" }, "Enter a title"],
    ["a title over 200 characters", { title: "t".repeat(201) }, "Title must be 200 characters or fewer"],
    ["an unknown kind", { kind: "memo" }, "Choose what kind of post this is"],
    ["an unknown partner", { partner: "atlantis" }, "Choose a partner from the list"],
    ["an unknown status", { status: "secret" }, "Choose draft, published or archived"],
    ["a slug that collides", { slug: EXISTING_SLUG }, "Another post already uses this web address"],
    ["a body over 200 KB", { body: "b".repeat(200 * 1024 + 1) }, "The full account must be 200 KB or smaller"],
  ])("answers %s with 400 and a message, saving nothing", async (_name, overrides, message) => {
    const before = await torfaenPostCount();
    const result = await postNew(lessonForm(overrides));
    expect(result.status).toBe(400);
    expect(result.text).toContain(message);
    expect(await torfaenPostCount()).toBe(before);
  });

  it("refuses a request body over 1 MB with 413", async () => {
    const result = await postNew(lessonForm({ body: "b".repeat(1024 * 1024 + 10) }));
    expect(result.status).toBe(413);
  });

  it("refuses a body that does not state its length with 411", async () => {
    const endless = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode("title=x&".repeat(1000)));
      },
    });
    const response = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(411);
  });

  it("saves valid input and redirects to the post", async () => {
    const result = await postNew(lessonForm({ title: "Accepted over plain HTTP" }));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/posts/accepted-over-plain-http");
  });
});

describe("cross-site requests", () => {
  it.each([
    ["another site's Origin", { Origin: "https://evil.example" }],
    ["no Origin or Referer", {}],
  ])("refuses a POST with %s", async (_name, headers) => {
    const before = await torfaenPostCount();
    const result = await postNew(lessonForm({ title: "Forged from elsewhere" }), headers);
    expect(result.status).toBe(403);
    expect(result.text).toContain("Cross-site request refused");
    expect(await torfaenPostCount()).toBe(before);
  });

  it("refuses a cross-site sign-out", async () => {
    const response = await request.post(`${baseUrl}/logout`, {
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await visit(page, `${baseUrl}/posts`)).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/posts");
  });
});

describe("unknown addresses", () => {
  it.each([
    "/posts/no-such-post",
    "/posts/no-such-post/edit",
    "/posts/no-such-post/history",
    "/partners/atlantis",
    "/no/such/page",
  ])("%s is a 404 page", async (path) => {
    expect(await visit(page, `${baseUrl}${path}`)).toBe(404);
    expect(await page.getByRole("heading", { name: "Page not found" }).count()).toBe(1);
    expect(await page.title()).toBe("Page not found – SRS Knowledge Hub");
  });

  it("answers an edit POST to an unknown slug with 404", async () => {
    const response = await request.post(`${baseUrl}/posts/no-such-post/edit`, {
      form: lessonForm(),
      headers: { Origin: baseUrl },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(404);
  });

  it("ignores filter values it does not know", async () => {
    expect(await visit(page, `${baseUrl}/posts?kind=memo&partner=%27%20OR%201%3D1&tag=<script>&page=-4`)).toBe(200);
    expect(await page.locator("article.app-post-card").count()).toBeGreaterThan(0);
  });
});

describe("health", () => {
  it("reports the database, search and the outbox", async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      database: "ok",
      search: "ok",
      outbox: { pending: expect.any(Number) },
    });
  });
});
