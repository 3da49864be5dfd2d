import http from "node:http";
import type { APIRequestContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInContext } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { postForm } from "../support/e2e-posts";

const e2e = e2eFixture();
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";
const EXISTING_SLUG = "teams-rollout-covid";

function lessonForm(overrides: Record<string, string> = {}) {
  // Published: a draft's address is in its partner's namespace, where the published slug below cannot collide.
  return {
    ...postForm({ kind: "lesson", title: "A lesson about bad input", partner: "torfaen", status: "published" }),
    ...overrides,
  };
}

/** The request of a context signed in as Torfaen's editor. */
async function editorRequest(): Promise<APIRequestContext> {
  const context = await e2e.newContext();
  await signInContext(context, e2e.baseUrl, TORFAEN_EDITOR);
  return context.request;
}

async function postNew(
  request: APIRequestContext,
  form: Record<string, string>,
  headers: Record<string, string> = { Origin: e2e.baseUrl },
) {
  const response = await request.post(`${e2e.baseUrl}/posts/new?kind=lesson`, { form, headers, maxRedirects: 0 });
  return { status: response.status(), text: await response.text(), location: response.headers().location };
}

/** How many posts Torfaen's editor can see, read from the list page's status line. */
async function torfaenPostCount(request: APIRequestContext): Promise<number> {
  const html = await (await request.get(`${e2e.baseUrl}/search?partner=torfaen`)).text();
  const count = /role="status">(\d+) results?</.exec(html)?.[1];
  if (count === undefined) throw new Error("The post list did not say how many posts it has");
  return Number(count);
}

describe("the post form", () => {
  it("shows an error summary and messages next to the fields", async () => {
    const page = await e2e.signedInPage(TORFAEN_EDITOR);
    await page.goto(`${e2e.baseUrl}/posts/new?kind=case-study`);
    await page.getByRole("button", { name: "Preview and publish" }).click();
    await page.getByText("There is a problem").waitFor();
    const summary = page.locator(".govuk-error-summary");
    expect(await summary.getByRole("link", { name: "Enter a title" }).count()).toBe(1);
    expect(await summary.getByRole("link", { name: "Enter a summary" }).count()).toBe(1);
    expect(await page.locator("#section-challenge-error").textContent()).toContain("Enter the challenge");
    await summary.getByRole("link", { name: "Enter a title" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("title");
  });

  it("asks again, with a message, when no kind was chosen", async () => {
    const page = await e2e.signedInPage(TORFAEN_EDITOR);
    await page.goto(`${e2e.baseUrl}/posts/new`);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("There is a problem").waitFor();
    expect(await page.locator("#kind-error").textContent()).toContain("Choose what kind of post this is");
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
    const request = await editorRequest();
    const before = await torfaenPostCount(request);
    const result = await postNew(request, lessonForm(overrides));
    expect(result.status).toBe(400);
    expect(result.text).toContain(message);
    expect(await torfaenPostCount(request)).toBe(before);
  });

  it("refuses a request body over 1 MB with 413, every time", async () => {
    const request = await editorRequest();
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await postNew(request, lessonForm({ body: "b".repeat(1024 * 1024 + 10) }));
      expect(result.status).toBe(413);
    }
  });

  it("answers a body over 1 MB that arrives slowly once it has all arrived, on a connection kept open", async () => {
    // An answer sent while the body is still arriving would close the connection under the client's
    // upload, which then fails (EPIPE or a reset) instead of reading the 413.
    const chunk = "b".repeat(256 * 1024);
    const chunks = 5;
    const agent = new http.Agent({ keepAlive: true });
    const answer = await new Promise<{ status: number; connection: string | undefined; sentFirst: boolean }>(
      (resolve, reject) => {
        let sent = 0;
        const request = http.request(`${e2e.baseUrl}/posts/new?kind=lesson`, {
          agent,
          method: "POST",
          headers: {
            Origin: e2e.baseUrl,
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": String(chunk.length * chunks),
          },
        });
        request.on("response", (response) => {
          response.resume();
          resolve({
            status: response.statusCode ?? 0,
            connection: response.headers.connection,
            sentFirst: sent < chunks,
          });
        });
        request.on("error", reject);
        const sendNext = () => {
          request.write(chunk);
          sent++;
          if (sent < chunks) setTimeout(sendNext, 100);
          else request.end();
        };
        sendNext();
      },
    );
    agent.destroy();
    expect(answer).toEqual({ status: 413, connection: "keep-alive", sentFirst: false });
  });

  describe("a client that asks before sending its body (Expect: 100-continue)", () => {
    /** Posts `bytes` of form, sending them only once told to go on; resolves with the answer. */
    function askFirst(path: string, bytes: number, origin = e2e.baseUrl) {
      return new Promise<{ status: number; connection: string | undefined; toldToGoOn: boolean }>((resolve, reject) => {
        let toldToGoOn = false;
        const request = http.request(`${e2e.baseUrl}${path}`, {
          method: "POST",
          headers: {
            Origin: origin,
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": String(bytes),
            Expect: "100-continue",
          },
        });
        // A client waits only so long: then it sends the body anyway, as curl does after a second.
        const impatient = setTimeout(() => request.end("b".repeat(bytes)), 10_000);
        request.on("continue", () => {
          toldToGoOn = true;
          clearTimeout(impatient);
          request.end("b".repeat(bytes));
        });
        request.on("response", (response) => {
          clearTimeout(impatient);
          response.resume();
          resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, toldToGoOn });
        });
        request.on("error", reject);
      });
    }

    it("is refused a body over 1 MB before it sends any, and the connection closed", async () => {
      expect(await askFirst("/posts/new?kind=lesson", 1024 * 1024 + 10)).toEqual({
        status: 413,
        connection: "close",
        toldToGoOn: false,
      });
    });

    it("is refused a cross-site form before it sends any, and the connection closed", async () => {
      expect(await askFirst("/login", 40, "https://elsewhere.example.test")).toEqual({
        status: 403,
        connection: "close",
        toldToGoOn: false,
      });
    });

    it("is told to go on with a body within the limit, and answered once it is sent", async () => {
      const answer = await askFirst("/login", 40);
      expect(answer.toldToGoOn).toBe(true);
      expect(answer.status).toBe(400);
    });
  });

  it("refuses a body that does not state its length with 411", async () => {
    // A chunked body that never ends: the Hub must answer without waiting for it.
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${e2e.baseUrl}/login`, {
        method: "POST",
        headers: {
          Origin: e2e.baseUrl,
          "Content-Type": "application/x-www-form-urlencoded",
          "Transfer-Encoding": "chunked",
        },
      });
      request.on("response", (response) => {
        resolve(response.statusCode ?? 0);
        response.resume();
        request.destroy();
      });
      request.on("error", reject);
      request.write("title=x&".repeat(1000));
    });
    expect(status).toBe(411);
  });

  it.each([
    ["JSON", "application/json", JSON.stringify({ title: "x" }), 415],
    ["plain text", "text/plain", "title=x", 415],
    ["a broken multipart form", "multipart/form-data; boundary=nothing-here", "not multipart at all", 400],
  ])("answers %s instead of a form with %i, saving nothing", async (_name, contentType, body, expected) => {
    const page = await e2e.signedInPage(TORFAEN_EDITOR);
    const before = await torfaenPostCount(page.request);
    const response = await page.request.post(`${e2e.baseUrl}/posts/new?kind=lesson`, {
      headers: { Origin: e2e.baseUrl, "Content-Type": contentType },
      data: body,
      maxRedirects: 0,
    });
    expect(response.status()).toBe(expected);
    expect(await torfaenPostCount(page.request)).toBe(before);
  });

  it("saves valid input and redirects to the post", async () => {
    const result = await postNew(await editorRequest(), lessonForm({ title: "Accepted over plain HTTP" }));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/posts/accepted-over-plain-http");
  });
});

describe("cross-site requests", () => {
  it.each([
    ["another site's Origin", { Origin: "https://evil.example" }],
    ["no Origin or Referer", {}],
  ])("refuses a POST with %s", async (_name, headers) => {
    const request = await editorRequest();
    const before = await torfaenPostCount(request);
    const result = await postNew(request, lessonForm({ title: "Forged from elsewhere" }), headers);
    expect(result.status).toBe(403);
    expect(result.text).toContain("Cross-site request refused");
    expect(await torfaenPostCount(request)).toBe(before);
  });

  it("refuses a cross-site sign-out", async () => {
    const page = await e2e.signedInPage(TORFAEN_EDITOR);
    const response = await page.request.post(`${e2e.baseUrl}/logout`, {
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect((await page.goto(`${e2e.baseUrl}/search`))?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/search");
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
    const page = await e2e.signedInPage(TORFAEN_EDITOR);
    expect((await page.goto(`${e2e.baseUrl}${path}`))?.status()).toBe(404);
    expect(await page.getByRole("heading", { name: "Page not found" }).count()).toBe(1);
    expect(await page.title()).toBe("Page not found – SRS Knowledge Hub");
  });

  it("answers an edit POST to an unknown slug with 404", async () => {
    const response = await (await editorRequest()).post(`${e2e.baseUrl}/posts/no-such-post/edit`, {
      form: lessonForm(),
      headers: { Origin: e2e.baseUrl },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(404);
  });

  it("ignores filter values it does not know", async () => {
    const page = await e2e.signedInPage(TORFAEN_EDITOR);
    const url = `${e2e.baseUrl}/search?kind=memo&partner=%27%20OR%201%3D1&tag=<script>&page=-4`;
    expect((await page.goto(url))?.status()).toBe(200);
    expect(await page.locator(".app-results > li").count()).toBeGreaterThan(0);
  });
});

describe("health and request ids", () => {
  it("reports the database, search and the index's backlog", async () => {
    const response = await fetch(`${e2e.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const health = await response.json();
    expect(health).toMatchObject({
      status: "ok",
      database: "ok",
      search: "ok",
      index: {
        backlog: expect.any(Number),
        retrying: expect.any(Number),
        parked: 0,
        relay: expect.any(String),
      },
    });
    expect(health.index.oldestPendingSeconds === null || typeof health.index.oldestPendingSeconds === "number").toBe(
      true,
    );
    expect(health).not.toHaveProperty("outbox");
  });

  it.each([
    ["a page", "/login", 200],
    ["a page that needs signing in", "/search", 302],
    ["the health check", "/healthz", 200],
    ["the favicon", "/favicon.ico", 204],
  ])("gives %s an X-Request-Id", async (_name, path, status) => {
    const response = await fetch(`${e2e.baseUrl}${path}`, { redirect: "manual" });
    expect(response.status).toBe(status);
    expect(response.headers.get("X-Request-Id")).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
  });

  it("gives an error page an X-Request-Id", async () => {
    const response = await (await editorRequest()).get(`${e2e.baseUrl}/no/such/page`);
    expect(response.status()).toBe(404);
    expect(response.headers()["x-request-id"]).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
  });

  it("gives a refused request an X-Request-Id too, and a fresh one to each request", async () => {
    const refused = await fetch(`${e2e.baseUrl}/logout`, {
      method: "POST",
      headers: { Origin: "https://evil.example" },
    });
    expect(refused.status).toBe(403);
    const again = await fetch(`${e2e.baseUrl}/healthz`);
    expect(refused.headers.get("X-Request-Id")).toBeTruthy();
    expect(again.headers.get("X-Request-Id")).not.toBe(refused.headers.get("X-Request-Id"));
  });

  it("keeps a well-formed X-Request-Id sent by a proxy, and replaces one that is not", async () => {
    const kept = await fetch(`${e2e.baseUrl}/healthz`, { headers: { "X-Request-Id": "proxy-abc-12345" } });
    expect(kept.headers.get("X-Request-Id")).toBe("proxy-abc-12345");
    const replaced = await fetch(`${e2e.baseUrl}/healthz`, {
      headers: { "X-Request-Id": "<script>alert(1)</script>" },
    });
    expect(replaced.headers.get("X-Request-Id")).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
  });
});

describe("the search index page", () => {
  it.each([
    ["an unknown intent", { intent: "drop-index" }],
    ["a record type that is not searchable", { intent: "retry-one", recordType: "partner", recordId: "1" }],
    ["no record id", { intent: "retry-one", recordType: "post" }],
    ["a record id of 65 characters", { intent: "retry-one", recordType: "post", recordId: "1".repeat(65) }],
  ])("answers %s with 400", async (_name, form) => {
    const page = await e2e.signedInPage("admin@demo.srs-hub.test");
    const response = await page.request.post(`${e2e.baseUrl}/admin/search`, {
      form,
      headers: { Origin: e2e.baseUrl },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(400);
  });

  it("ignores a banner count that is not a number", async () => {
    const page = await e2e.signedInPage("admin@demo.srs-hub.test");
    const response = await page.goto(`${e2e.baseUrl}/admin/search?retried=%3Cscript%3E`);
    expect(response?.status()).toBe(200);
    expect(await page.locator(".govuk-notification-banner").count()).toBe(0);
  });
});
