/**
 * The weaknesses an outside attack on the Hub found, each tried again over
 * HTTP the way the attacker did: odd cookies and addresses, other methods,
 * cross-site and rebinding requests, redirects after sign-in, Markdown built
 * to stall the server, and what the headers promise.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { postForm } from "../support/e2e-posts";

const e2e = e2eFixture();
const READER = "reader@demo.srs-hub.test";
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";

async function sessionCookie(email: string): Promise<string> {
  const response = await fetch(`${e2e.baseUrl}/login`, {
    method: "POST",
    headers: { Origin: e2e.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Signing in as ${email} answered ${response.status}`);
  return cookie;
}

/** A raw request, for headers fetch will not send as given (Host). */
function rawRequest(
  target: string,
  { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${e2e.baseUrl}${target}`, { method, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** What a stack trace or a path on the server would look like in a body. */
const LEAKS = /\bat [\w.<>]+ \(|node_modules|\/[\w-]+\.(ts|js):\d+|URIError/;

describe("a malformed cookie, address or query", () => {
  it.each(["/login", "/", "/search", "/search?q=teams", "/healthz"])(
    "a stray cookie such as analytics=100%% leaves %s working",
    async (target) => {
      const response = await fetch(`${e2e.baseUrl}${target}`, {
        headers: { Cookie: 'analytics=100%; broken; =x; tracking="%E0%A4%A' },
        redirect: "manual",
      });
      expect(response.status).toBeLessThan(500);
      if (target === "/login") expect(response.status).toBe(200);
    },
  );

  it("keeps a signed-in person signed in beside a malformed cookie", async () => {
    const cookie = await sessionCookie(READER);
    const response = await fetch(`${e2e.baseUrl}/search`, {
      headers: { Cookie: `analytics=100%; ${cookie}; lang=%` },
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Demo Reader");
  });

  it("answers an address with broken percent-encoding with 400, no stack trace and nothing logged", async () => {
    for (const target of ["/posts/%E0%A4%A", "/%", "/search/%zz"]) {
      const response = await rawRequest(target);
      expect([target, response.status]).toEqual([target, 400]);
      expect(response.body).not.toMatch(LEAKS);
    }
    const query = await fetch(`${e2e.baseUrl}/search?q=%E0%A4%A&kind=%`, { redirect: "manual" });
    expect(query.status).toBeLessThan(500);
    expect(e2e.takeServerErrors()).toEqual([]);
  });

  it("answers ?_data= requests from clients older than single fetch with 400, without logging an error", async () => {
    const cookie = await sessionCookie(READER);
    for (const target of ["/?_data=root", "/search?_data=routes%2Fsearch._index"]) {
      const response = await fetch(`${e2e.baseUrl}${target}`, { headers: { Cookie: cookie } });
      expect(response.status).toBe(400);
    }
    expect(e2e.takeServerErrors()).toEqual([]);
  });
});

describe("methods, hosts and cross-site requests", () => {
  it.each(["PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"])(
    "answers %s with 405 and the methods there are",
    async (method) => {
      const response = await rawRequest("/search", { method });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
    },
  );

  it("answers OPTIONS with the methods there are", async () => {
    const response = await rawRequest("/search", { method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
  });

  it("refuses a host it does not serve (a DNS-rebinding page), and a form that claims that host as its origin", async () => {
    const rebound = await rawRequest("/", { headers: { Host: `rebound.evil.example:${new URL(e2e.baseUrl).port}` } });
    expect(rebound.status).toBe(421);
    const cookie = await sessionCookie(READER);
    const forged = await rawRequest("/logout", {
      method: "POST",
      headers: { Host: "evil.example", Origin: "http://evil.example", Cookie: cookie },
    });
    expect(forged.status).toBe(421);
    // The session is still there.
    expect((await fetch(`${e2e.baseUrl}/search`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(
      200,
    );
    // The names it does serve.
    const port = new URL(e2e.baseUrl).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      expect((await rawRequest("/login", { headers: { Host: host } })).status).toBe(200);
    }
  });

  it("ignores a client's forwarding headers when no proxy is trusted, however malformed", async () => {
    const variants: Record<string, string>[] = [
      { "X-Forwarded-Host": "a:70000" },
      { "X-Forwarded-Host": "a:-1", "X-Forwarded-Proto": "a b" },
      { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1" },
    ];
    for (const headers of variants) {
      const response = await rawRequest("/login", { headers });
      expect([headers, response.status]).toEqual([headers, 200]);
      expect(response.headers["strict-transport-security"]).toBeUndefined();
    }
    expect(e2e.takeServerErrors()).toEqual([]);
  });

  it("refuses a state change from Origin: null, or that the browser calls cross-site, and keeps the session", async () => {
    const cookie = await sessionCookie(READER);
    const logout = (headers: Record<string, string>) =>
      fetch(`${e2e.baseUrl}/logout`, { method: "POST", headers: { Cookie: cookie, ...headers }, redirect: "manual" });
    expect((await logout({ Origin: "null", Referer: `${e2e.baseUrl}/` })).status).toBe(403);
    expect((await logout({ Origin: e2e.baseUrl, "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect((await fetch(`${e2e.baseUrl}/search`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(
      200,
    );
    expect((await logout({ Origin: e2e.baseUrl, "Sec-Fetch-Site": "same-origin" })).status).toBe(302);
  });
});

describe("redirects after sign-in", () => {
  const OFF_SITE = [
    "/.//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example/x",
    "/\\evil.example",
    "/./\\evil.example",
    "//evil.example",
    "/\t/evil.example",
    "https://evil.example",
  ];

  it.each(OFF_SITE)(
    "stay on the Hub for %j, in the loader and the action, over document and data requests",
    async (target) => {
      const cookie = await sessionCookie(READER);
      const query = new URLSearchParams({ redirectTo: target });
      // The loader sends a signed-in person on.
      const documentLoader = await fetch(`${e2e.baseUrl}/login?${query}`, {
        headers: { Cookie: cookie },
        redirect: "manual",
      });
      expect(documentLoader.headers.get("location")).toBe("/");
      const dataLoader = await fetch(`${e2e.baseUrl}/login.data?${query}`, { headers: { Cookie: cookie } });
      expect(await dataLoader.text()).not.toContain("evil.example");
      // The action sends a person who just signed in on.
      const signIn = (url: string) =>
        fetch(url, {
          method: "POST",
          headers: { Origin: e2e.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: READER, password: DEMO_PASSWORD, redirectTo: target }),
          redirect: "manual",
        });
      const documentAction = await signIn(`${e2e.baseUrl}/login`);
      expect([documentAction.status, documentAction.headers.get("location")]).toEqual([302, "/"]);
      const dataAction = await signIn(`${e2e.baseUrl}/login.data`);
      expect(dataAction.headers.get("location")).toBe("/");
      expect(await dataAction.text()).not.toContain("evil.example");
    },
  );

  it("still follows a path on the Hub", async () => {
    const response = await fetch(`${e2e.baseUrl}/login`, {
      method: "POST",
      headers: { Origin: e2e.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: READER, password: DEMO_PASSWORD, redirectTo: "/search?q=teams" }),
      redirect: "manual",
    });
    expect(response.headers.get("location")).toBe("/search?q=teams");
  });
});

describe("Markdown built to stall the server", () => {
  it("is refused with a message within its time budget, while the Hub goes on answering", async () => {
    const cookie = await sessionCookie(TORFAEN_EDITOR);
    const form = { ...postForm({ kind: "lesson", title: "Emphasis all the way down", partner: "torfaen" }) };
    form.body = "*a".repeat(95_000);
    const started = Date.now();
    const saving = fetch(`${e2e.baseUrl}/posts/new?kind=lesson`, {
      method: "POST",
      headers: { Origin: e2e.baseUrl, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
      redirect: "manual",
    });
    const health = await fetch(`${e2e.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const response = await saving;
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This text uses formatting that takes too long to show");
    // Rendering it whole takes many seconds; the budget is one.
    expect(Date.now() - started).toBeLessThan(5_000);
    const list = await fetch(`${e2e.baseUrl}/search?partner=torfaen`, { headers: { Cookie: cookie } });
    expect(await list.text()).not.toContain("Emphasis all the way down");
  });
});

describe("headers", () => {
  it("keep signed-in pages out of every cache, and vary on the cookie", async () => {
    const cookie = await sessionCookie(READER);
    for (const target of ["/", "/search", "/search.data", "/search?q=teams"]) {
      const response = await fetch(`${e2e.baseUrl}${target}`, { headers: { Cookie: cookie } });
      expect([target, response.headers.get("cache-control")]).toEqual([target, "private, no-store"]);
      expect(response.headers.get("vary")).toMatch(/\bCookie\b/);
    }
  });

  it("carry a Content-Security-Policy whose fresh nonce is on every inline script, with no unsafe-inline", async () => {
    const first = await fetch(`${e2e.baseUrl}/login`);
    const policy = first.headers.get("content-security-policy") ?? "";
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("img-src 'self'");
    const html = await first.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
    const second = await fetch(`${e2e.baseUrl}/login`);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // Served over plain HTTP, no HSTS.
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });

  it("let the pages run in a browser with no policy violation", async () => {
    // The fixture fails the test on any console error, which a refused script or style would log.
    const page = await e2e.signedInPage(READER);
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const target of ["/", "/posts", "/search?q=teams", "/partners/torfaen"]) {
      expect((await page.goto(`${e2e.baseUrl}${target}`))?.status()).toBe(200);
    }
    await page.locator("#header-search").fill("tea");
    await page.waitForTimeout(300);
    expect(violations).toEqual([]);
  });
});

describe("the data folder", () => {
  it("is readable by the Hub's own user only, and so are the files in it", () => {
    const dir = e2e.hub.dataDir;
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of ["hub.db", "hub.db-wal", "meili-master-key"]) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) expect([name, fs.statSync(file).mode & 0o777]).toEqual([name, 0o600]);
    }
    expect(fs.statSync(path.join(dir, "meili")).mode & 0o777).toBe(0o700);
  });
});
