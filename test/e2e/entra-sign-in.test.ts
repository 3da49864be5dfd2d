/**
 * Sign-in with Microsoft Entra ID through the built Hub: over HTTP for the
 * statuses, pages and log lines, and once in Chromium as a person would. The
 * Hub is this file's own, configured for a real OpenID provider shaped like
 * Entra that the file starts (test/support/oidc-provider.ts).
 */
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freeLocalPort } from "../../server/meilisearch-process";
import { DEMO_PASSWORD, expectAccessible } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { startHub } from "../support/hub-server";
import { type RunningOidcProvider, startOidcProvider } from "../support/oidc-provider";

const NEWPORT_TENANT = "11111111-1111-4111-8111-111111111111";
const UNTRUSTED_TENANT = "99999999-9999-4999-8999-999999999999";
const CLIENT = { clientId: "srs-hub-e2e", clientSecret: "an-e2e-client-secret" };

const providerPort = await freeLocalPort();
const ENTRA_ENV = {
  ENTRA_CLIENT_ID: CLIENT.clientId,
  ENTRA_CLIENT_SECRET: CLIENT.clientSecret,
  ENTRA_TENANTS: `${NEWPORT_TENANT}=newport`,
  ENTRA_AUTHORITY: `http://127.0.0.1:${providerPort}`,
  // Search plays no part here: no Meilisearch for this Hub.
  MEILI_BIN: "/nonexistent/meilisearch",
  MEILI_URL: "",
};
const e2e = e2eFixture({ env: ENTRA_ENV });

let provider: RunningOidcProvider;
let people = 0;

beforeAll(async () => {
  provider = await startOidcProvider({
    tenants: [NEWPORT_TENANT, UNTRUSTED_TENANT],
    client: { ...CLIENT, redirectUri: `${e2e.baseUrl}/auth/entra/callback` },
    port: providerPort,
  });
});

afterAll(async () => {
  await provider?.stop();
});

/** A Microsoft account at Newport's tenant (or the one given), with a login of its own. */
function givenMicrosoftAccount(details: { tid?: string; tenant?: string } = {}) {
  people++;
  const login = `person-${people}-${Date.now()}`;
  const account = { login, email: `${login}@newport.gov.uk`, name: `Person ${people}`, tid: details.tid };
  provider.addAccount(details.tenant ?? NEWPORT_TENANT, account);
  return account;
}

/** A browser's cookies, over fetch. */
class Browser {
  private readonly cookies = new Map<string, string>();
  async fetch(target: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    if (init.method === "POST") headers.set("Origin", e2e.baseUrl);
    const response = await fetch(new URL(target, e2e.baseUrl), { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (/Max-Age=0/i.test(cookie) || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
  /** Chooses the organisation at the Hub: Microsoft's address. */
  async chooseOrganisation(tenant: string, redirectTo = "/"): Promise<string> {
    const response = await this.fetch("/auth/entra", {
      method: "POST",
      body: new URLSearchParams({ tenant, redirectTo }),
    });
    expect(response.status).toBe(302);
    return response.headers.get("location") ?? "";
  }
}

function hubDatabase<T>(work: (db: Database.Database) => T): T {
  const db = new Database(path.join(e2e.hub.dataDir, "hub.db"), { readonly: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** The JSON lines the Hub logged for one request. */
function logLinesOf(requestId: string | null): Record<string, unknown>[] {
  return e2e.hub
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{") && line.includes(String(requestId)))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function expectRefusalPage(response: Response, status: number, reason: string, text: RegExp) {
  expect(response.status).toBe(status);
  const page = await response.text();
  expect(page).toContain("You could not be signed in");
  expect(page).toMatch(text);
  expect(logLinesOf(response.headers.get("x-request-id"))).toContainEqual(
    expect.objectContaining({ level: "warn", message: "Sign-in with Microsoft refused", reason, status }),
  );
}

describe("the sign-in page", () => {
  it("offers Microsoft only on a Hub where Entra ID is configured", async () => {
    const page = await (await fetch(`${e2e.baseUrl}/login?redirectTo=/partners`)).text();
    expect(page).toMatch(/<a[^>]*href="\/auth\/entra\?redirectTo=%2Fpartners"[^>]*>Sign in with Microsoft<\/a>/);
    const shared = await (await fetch(`${inject("baseUrl")}/login`)).text();
    expect(shared).toContain("Email address");
    expect(shared).not.toContain("Sign in with Microsoft");
  });

  it("lists the trusted tenants' partners, and asks again when none is chosen or the tenant is not trusted", async () => {
    const browser = new Browser();
    const page = await (await browser.fetch("/auth/entra")).text();
    expect(page).toMatch(new RegExp(`<input[^>]*value="${NEWPORT_TENANT}"`));
    expect(page).toContain("Newport City Council");
    for (const form of [{}, { tenant: UNTRUSTED_TENANT }] as Record<string, string>[]) {
      const response = await browser.fetch("/auth/entra", { method: "POST", body: new URLSearchParams(form) });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Select the organisation you work for");
    }
  });
});

describe("signing in with Microsoft", () => {
  it("creates a Newport reader on first sign-in, signs in to the same account after, with a session of its own", async () => {
    const person = givenMicrosoftAccount();
    const ids: string[] = [];
    for (const visit of [1, 2]) {
      const browser = new Browser();
      const back = await provider.signIn(await browser.chooseOrganisation(NEWPORT_TENANT, "/partners"), person);
      expect(`${back.origin}${back.pathname}`).toBe(`${e2e.baseUrl}/auth/entra/callback`);
      const signedIn = await browser.fetch(back.href);
      expect([visit, signedIn.status, signedIn.headers.get("location")]).toEqual([visit, 302, "/partners"]);
      const page = await (await browser.fetch("/partners")).text();
      expect(page).toContain(`Signed in as ${person.name}`);
      const user = hubDatabase(
        (db) =>
          db
            .prepare(
              "select u.id, u.role, p.slug as partner from users u join partners p on p.id = u.partner_id where email = ?",
            )
            .all(person.email) as { id: string; role: string; partner: string }[],
      );
      expect(user).toEqual([expect.objectContaining({ role: "reader", partner: "newport" })]);
      ids.push(user[0]?.id ?? "");
    }
    expect(ids[1]).toBe(ids[0]);
    const methods = hubDatabase(
      (db) => db.prepare("select method from sessions where user_id = ?").all(ids[0]) as { method: string }[],
    );
    expect(methods).toEqual([{ method: "entra" }, { method: "entra" }]);
  });

  it("ends the session the browser already had", async () => {
    const browser = new Browser();
    const login = await browser.fetch("/login", {
      method: "POST",
      body: new URLSearchParams({ email: "reader@demo.srs-hub.test", password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(302);
    const before = hubDatabase((db) => (db.prepare("select count(*) as n from sessions").get() as { n: number }).n);
    const person = givenMicrosoftAccount();
    const back = await provider.signIn(await browser.chooseOrganisation(NEWPORT_TENANT), person);
    expect((await browser.fetch(back.href)).status).toBe(302);
    const after = hubDatabase((db) => (db.prepare("select count(*) as n from sessions").get() as { n: number }).n);
    expect(after).toBe(before);
    expect(await (await browser.fetch("/partners")).text()).toContain(`Signed in as ${person.name}`);
  });
});

describe("a refused sign-in", () => {
  it("with a wrong state is a 400 page, logged with the request id", async () => {
    const browser = new Browser();
    const back = await provider.signIn(await browser.chooseOrganisation(NEWPORT_TENANT), givenMicrosoftAccount());
    back.searchParams.set("state", "a-state-the-hub-never-issued");
    await expectRefusalPage(
      await browser.fetch(back.href),
      400,
      "state-unknown",
      /has expired or has already been used/,
    );
  });

  it("with a replayed code is a 400 page", async () => {
    const browser = new Browser();
    const person = givenMicrosoftAccount();
    const back = await provider.signIn(await browser.chooseOrganisation(NEWPORT_TENANT), person);
    expect((await browser.fetch(back.href)).status).toBe(302);
    const again = new URL(await browser.chooseOrganisation(NEWPORT_TENANT));
    back.searchParams.set("state", again.searchParams.get("state") ?? "");
    await expectRefusalPage(await browser.fetch(back.href), 400, "code-rejected", /could not confirm your sign-in/);
  });

  it("with a token for another audience is a 400 page", async () => {
    const browser = new Browser();
    provider.tamperIdTokens((claims) => ({ ...claims, aud: "another-application" }));
    try {
      const back = await provider.signIn(await browser.chooseOrganisation(NEWPORT_TENANT), givenMicrosoftAccount());
      await expectRefusalPage(await browser.fetch(back.href), 400, "token-invalid", /could not confirm your sign-in/);
    } finally {
      provider.tamperIdTokens(null);
    }
  });

  it("with an expired token is a 400 page", async () => {
    const browser = new Browser();
    provider.setIdTokenLifetime(-120);
    try {
      const back = await provider.signIn(await browser.chooseOrganisation(NEWPORT_TENANT), givenMicrosoftAccount());
      await expectRefusalPage(await browser.fetch(back.href), 400, "token-invalid", /could not confirm your sign-in/);
    } finally {
      provider.setIdTokenLifetime(300);
    }
  });

  it("with a wrong nonce is a 400 page", async () => {
    const browser = new Browser();
    const authorization = new URL(await browser.chooseOrganisation(NEWPORT_TENANT));
    authorization.searchParams.set("nonce", "a-nonce-the-hub-did-not-choose");
    const back = await provider.signIn(authorization.href, givenMicrosoftAccount());
    await expectRefusalPage(await browser.fetch(back.href), 400, "token-invalid", /could not confirm your sign-in/);
  });

  it("from an untrusted tenant is a 403 page, and no account is made", async () => {
    const browser = new Browser();
    const person = givenMicrosoftAccount({ tid: UNTRUSTED_TENANT });
    const back = await provider.signIn(await browser.chooseOrganisation(NEWPORT_TENANT), person);
    await expectRefusalPage(await browser.fetch(back.href), 403, "tenant-not-trusted", /not from an organisation/);
    const accounts = hubDatabase((db) => db.prepare("select id from users where email = ?").all(person.email));
    expect(accounts).toEqual([]);
  });

  it("cancelled at Microsoft (error=access_denied) is a polite 403 page", async () => {
    const browser = new Browser();
    const back = await provider.signIn(await browser.chooseOrganisation(NEWPORT_TENANT), { cancel: true });
    await expectRefusalPage(await browser.fetch(back.href), 403, "access-denied", /Microsoft did not sign you in/);
  });
});

describe("in a browser", () => {
  it("a person picks their organisation, signs in at Microsoft and comes back signed in; the pages are accessible", async () => {
    const person = givenMicrosoftAccount();
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
    await page.getByRole("heading", { level: 1, name: "Which organisation do you work for?" }).waitFor();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("link", { name: "Select the organisation you work for" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("radio", { name: "Newport City Council" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Login").fill(person.login);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByText(`Signed in as ${person.name}`).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");

    e2e.allowNavigationStatus(400);
    await page.goto(`${e2e.baseUrl}/auth/entra/callback?code=x&state=y`);
    await page.getByRole("heading", { level: 1, name: "You could not be signed in" }).waitFor();
    await expectAccessible(page);
  });
});

describe("with Entra ID configured, each kind of person", () => {
  const ROLES = ["anonymous", "reader", "otherEditor", "ownEditor", "admin"] as const;
  const ACCOUNTS = {
    reader: "reader@demo.srs-hub.test",
    otherEditor: "editor.newport@demo.srs-hub.test",
    ownEditor: "editor.torfaen@demo.srs-hub.test",
    admin: "admin@demo.srs-hub.test",
  };
  const browsers = new Map<(typeof ROLES)[number], Browser>();

  beforeAll(async () => {
    for (const role of ROLES) {
      const browser = new Browser();
      if (role !== "anonymous") {
        const response = await browser.fetch("/login", {
          method: "POST",
          body: new URLSearchParams({ email: ACCOUNTS[role], password: DEMO_PASSWORD }),
        });
        expect(response.status).toBe(302);
      }
      browsers.set(role, browser);
    }
  });

  const statuses = async (send: (browser: Browser) => Promise<Response>) => {
    const answered: number[] = [];
    for (const role of ROLES) {
      const response = await send(browsers.get(role) ?? new Browser());
      answered.push(response.status);
      await response.body?.cancel();
    }
    return answered;
  };

  it("gets these answers from the Microsoft routes", async () => {
    // Signed in, the organisation page sends people home; choosing one starts a sign-in for anyone.
    expect(await statuses((browser) => browser.fetch("/auth/entra"))).toEqual([200, 302, 302, 302, 302]);
    const choose = (browser: Browser) =>
      browser.fetch("/auth/entra", { method: "POST", body: new URLSearchParams({ tenant: NEWPORT_TENANT }) });
    expect(await statuses(choose)).toEqual([302, 302, 302, 302, 302]);
    expect(await statuses((browser) => browser.fetch("/auth/entra/callback"))).toEqual([400, 400, 400, 400, 400]);
    const post = (browser: Browser) => browser.fetch("/auth/entra/callback", { method: "POST" });
    expect(await statuses(post)).toEqual([405, 405, 405, 405, 405]);
  });
});

describe("start-up", () => {
  it("stops with a readable message when ENTRA_TENANTS names a partner that does not exist", async () => {
    const started = startHub({ env: { ...ENTRA_ENV, ENTRA_TENANTS: `${NEWPORT_TENANT}=atlantis` }, timeoutMs: 60_000 });
    await expect(started).rejects.toThrow(
      /ENTRA_TENANTS: no partner with the slug "atlantis" \(the partners are: .*newport/,
    );
  });
});
