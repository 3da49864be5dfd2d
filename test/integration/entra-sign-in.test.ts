/**
 * Sign-in with Microsoft Entra ID against a real OpenID provider shaped like
 * Entra (test/support/oidc-provider.ts): one issuer per tenant, `tid` and
 * `oid` claims, PKCE. The Hub's side runs in this process on a real SQLite
 * database; the person's browser is played over HTTP.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { issuePasswordReset } from "~/auth/account-links.server";
import { inviteUser, reinviteUser } from "~/auth/accounts.server";
import { ENTRA_PROVIDER } from "~/auth/entra/entra-accounts.server";
import type { RefusalReason } from "~/auth/entra/entra-refusal.server";
import {
  beginEntraSignIn,
  completeEntraSignIn,
  type EntraCallbackResult,
  isTrustedTenant,
  listEntraOrganisations,
} from "~/auth/entra/entra-sign-in.server";
import { createUser } from "~/auth/users.server";
import { getDb } from "~/platform/db.server";
import { ValidationError } from "~/platform/errors";
import { accountTokens, events, signInRequests, userIdentities, users } from "../../db/schema";
import { freeLocalPort } from "../../server/meilisearch-process";
import { givenPartner, givenUser, unique } from "../support/factories";
import { type RunningOidcProvider, startOidcProvider } from "../support/oidc-provider";

const NEWPORT_TENANT = "11111111-1111-4111-8111-111111111111";
const TORFAEN_TENANT = "22222222-2222-4222-8222-222222222222";
const UNTRUSTED_TENANT = "99999999-9999-4999-8999-999999999999";
const HUB = "http://hub.example.test";
const REQUEST_ID = "entra-test-request";

const providerPort = await freeLocalPort();
// Read by getEnv() on first use, which comes after this file is loaded.
Object.assign(process.env, {
  ENTRA_CLIENT_ID: "srs-hub",
  ENTRA_CLIENT_SECRET: "a-client-secret-for-tests",
  ENTRA_TENANTS: `${NEWPORT_TENANT}=newport,${TORFAEN_TENANT}=torfaen`,
  ENTRA_AUTHORITY: `http://127.0.0.1:${providerPort}`,
});

let provider: RunningOidcProvider;
let logged: MockInstance<typeof process.stdout.write>;

beforeAll(async () => {
  givenPartner("newport", "Newport City Council");
  givenPartner("torfaen", "Torfaen County Borough Council");
  provider = await startOidcProvider({
    tenants: [NEWPORT_TENANT, TORFAEN_TENANT, UNTRUSTED_TENANT],
    client: {
      clientId: "srs-hub",
      clientSecret: "a-client-secret-for-tests",
      redirectUri: `${HUB}/auth/entra/callback`,
    },
    port: providerPort,
  });
});

afterAll(async () => {
  await provider?.stop();
});

beforeEach(() => {
  logged = vi.spyOn(process.stdout, "write");
});

afterEach(() => {
  logged.mockRestore();
  provider.tamperIdTokens(null);
  provider.setIdTokenLifetime(300);
});

/** A Microsoft account at `tenantId`, with a login of its own. */
function givenMicrosoftAccount(tenantId: string, details: { email?: string; name?: string; tid?: string } = {}) {
  const login = unique("person");
  const account = { login, email: `${login}@example.gov.uk`, name: `Person ${login}`, ...details };
  provider.addAccount(tenantId, account);
  return { ...account, oid: `oid-${login}` };
}

/** The person picks the organisation at the Hub: Microsoft's address and the browser's state cookie. */
async function start(tenantId: string, redirectTo: unknown = "/") {
  const { url, cookie } = await beginEntraSignIn({
    request: new Request(`${HUB}/auth/entra`, { method: "POST" }),
    tenantId,
    redirectTo,
    requestId: REQUEST_ID,
  });
  return { url, browserCookie: cookie.split(";")[0] ?? "" };
}

/** Microsoft sends the browser back to the Hub's callback. */
function callback(url: URL | string, browserCookie?: string, now?: Date): Promise<EntraCallbackResult> {
  const headers: Record<string, string> = browserCookie ? { Cookie: browserCookie } : {};
  return completeEntraSignIn({ request: new Request(url, { headers }), requestId: REQUEST_ID, now });
}

async function signIn(tenantId: string, login: string, redirectTo: unknown = "/") {
  const started = await start(tenantId, redirectTo);
  const back = await provider.signIn(started.url, { login });
  return { result: await callback(back, started.browserCookie), back, ...started };
}

function signedIn(result: EntraCallbackResult) {
  if (!result.ok) throw new Error(`Refused: ${result.refusal.reason} (${result.refusal.detail})`);
  return result;
}

function logLines(): Record<string, unknown>[] {
  return logged.mock.calls
    .map(([chunk]) => String(chunk))
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Refused with this reason and status, and logged as one JSON line with the request id. */
function expectRefused(result: EntraCallbackResult, reason: RefusalReason, status: number) {
  expect(result.ok ? "signed in" : [result.refusal.reason, result.refusal.status]).toEqual([reason, status]);
  expect(logLines()).toContainEqual(
    expect.objectContaining({
      level: "warn",
      message: "Sign-in with Microsoft refused",
      requestId: REQUEST_ID,
      reason,
    }),
  );
}

const partnerId = (slug: string) => givenPartner(slug).id;
const identitiesOf = (userId: string) =>
  getDb().select().from(userIdentities).where(eq(userIdentities.userId, userId)).all();
const eventsOf = (userId: string) =>
  getDb()
    .select()
    .from(events)
    .where(and(eq(events.recordType, "user"), eq(events.recordId, userId)))
    .all();
const userByEmail = (email: string) => getDb().select().from(users).where(eq(users.email, email)).all();

describe("a person from a trusted tenant", () => {
  it("is offered each trusted tenant under its partner's name", () => {
    expect(listEntraOrganisations()).toEqual([
      { tenantId: NEWPORT_TENANT, name: "Newport City Council" },
      { tenantId: TORFAEN_TENANT, name: "Torfaen County Borough Council" },
    ]);
  });

  it("becomes a reader of that tenant's partner on first sign-in, and the same account every time after", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT, { email: `${unique("Alice")}@Newport.GOV.uk` });
    const first = signedIn((await signIn(NEWPORT_TENANT, person.login, "/posts?kind=lesson")).result);
    const email = person.email.toLowerCase();
    expect(first.user).toMatchObject({ email, name: person.name, role: "reader", partnerId: partnerId("newport") });
    expect(first.redirectTo).toBe("/posts?kind=lesson");
    const [row] = userByEmail(email);
    expect(row?.passwordHash).toBeNull();
    const [identity] = identitiesOf(first.user.id);
    expect(identity).toMatchObject({ provider: ENTRA_PROVIDER, tenantId: NEWPORT_TENANT, subject: person.oid });
    expect(eventsOf(first.user.id)).toEqual([
      expect.objectContaining({ type: "user.created", source: "web", actorId: first.user.id }),
    ]);
    expect(logLines()).toContainEqual(expect.objectContaining({ requestId: REQUEST_ID, outcome: "created" }));

    const firstUsed = identity?.lastUsedAt?.getTime() ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = signedIn((await signIn(NEWPORT_TENANT, person.login, "//evil.example/")).result);
    expect(second.user.id).toBe(first.user.id);
    expect(second.redirectTo).toBe("/");
    expect(userByEmail(email)).toHaveLength(1);
    expect(identitiesOf(first.user.id)).toHaveLength(1);
    expect(identitiesOf(first.user.id)[0]?.lastUsedAt?.getTime()).toBeGreaterThan(firstUsed);
    expect(eventsOf(first.user.id)).toHaveLength(1);
    // No password by email for a Microsoft account: it would step round their organisation's MFA.
    expect(issuePasswordReset(email, { source: "web", actorId: null })).toBeNull();
    // Nor by an invitation, though the account has no password.
    const admin = await givenUser("admin");
    expect(() => reinviteUser(admin, first.user.id)).toThrow(ValidationError);
  });

  it("signs in to the account the partner invited with the same email (from preferred_username), linking it", async () => {
    const login = unique("bob");
    const admin = await givenUser("admin");
    const { person: invited } = inviteUser(admin, {
      email: `${login}@torfaen.gov.uk`,
      name: "Bob Invited",
      role: "editor",
      partner: "torfaen",
    });
    provider.addAccount(TORFAEN_TENANT, { login, preferredUsername: `${login.toUpperCase()}@torfaen.gov.uk` });
    const result = signedIn((await signIn(TORFAEN_TENANT, login)).result);
    expect(result.user).toMatchObject({ id: invited.id, email: invited.email, role: "editor" });
    expect(identitiesOf(invited.id)).toEqual([
      expect.objectContaining({ tenantId: TORFAEN_TENANT, subject: `oid-${login}` }),
    ]);
    expect(eventsOf(invited.id).map((event) => [event.type, event.source])).toEqual([
      ["user.invited", "web"],
      ["user.entra-linked", "web"],
    ]);
    // The invitation's link is spent: Microsoft is now the way in.
    expect(getDb().select().from(accountTokens).where(eq(accountTokens.userId, invited.id)).all()).toEqual([]);
  });

  it("never links an account in use by its email alone: the email claim is not proof of identity", async () => {
    const email = `${unique("dave")}@torfaen.gov.uk`;
    const inUse = await createUser({
      email,
      name: "Dave",
      role: "editor",
      partnerSlug: "torfaen",
      password: "dave has his own password",
    });
    const person = givenMicrosoftAccount(TORFAEN_TENANT, { email });
    expectRefused((await signIn(TORFAEN_TENANT, person.login)).result, "already-linked", 403);
    expect(identitiesOf(inUse.id)).toEqual([]);
  });

  it("is refused when their email belongs to an account of another partner", async () => {
    const email = `${unique("carol")}@newport.gov.uk`;
    const other = await createUser({
      email,
      name: "Carol",
      role: "reader",
      partnerSlug: "newport",
      password: "another long password",
    });
    const person = givenMicrosoftAccount(TORFAEN_TENANT, { email });
    expectRefused((await signIn(TORFAEN_TENANT, person.login)).result, "other-partner", 403);
    expect(identitiesOf(other.id)).toEqual([]);
  });

  it("is refused when the account is deactivated", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT);
    const { user } = signedIn((await signIn(NEWPORT_TENANT, person.login)).result);
    getDb().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id)).run();
    expectRefused((await signIn(NEWPORT_TENANT, person.login)).result, "account-may-not-sign-in", 403);
  });

  it("is refused when the token gives no email address", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT, { email: "" });
    expectRefused((await signIn(NEWPORT_TENANT, person.login)).result, "claims-missing", 400);
  });

  it("is told politely when they cancel at Microsoft (error=access_denied)", async () => {
    const started = await start(NEWPORT_TENANT);
    const back = await provider.signIn(started.url, { cancel: true });
    expect(back.searchParams.get("error")).toBe("access_denied");
    expectRefused(await callback(back, started.browserCookie), "access-denied", 403);
  });
});

describe("the state", () => {
  it("must be one the Hub issued: a wrong state is refused, and the sign-in it replaced is gone", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT);
    const started = await start(NEWPORT_TENANT);
    const back = await provider.signIn(started.url, { login: person.login });
    const forged = new URL(back);
    forged.searchParams.set("state", "not-a-state-the-hub-issued");
    expectRefused(await callback(forged, started.browserCookie), "state-unknown", 400);
    expectRefused(await callback(back, started.browserCookie), "state-unknown", 400);
  });

  it("is stored only as a hash", async () => {
    const started = await start(NEWPORT_TENANT);
    const state = new URL(started.url).searchParams.get("state") ?? "";
    const stored = JSON.stringify(getDb().select().from(signInRequests).all());
    expect(state).toHaveLength(43);
    expect(stored).not.toContain(state);
  });

  it("must come back to the browser that started the sign-in", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT);
    const started = await start(NEWPORT_TENANT);
    const back = await provider.signIn(started.url, { login: person.login });
    expectRefused(await callback(back), "state-not-this-browser", 400);
    // Used once, whatever the outcome: the rightful browser cannot use it after that either.
    expectRefused(await callback(back, started.browserCookie), "state-unknown", 400);
  });

  it("expires after ten minutes", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT);
    const started = await start(NEWPORT_TENANT);
    const back = await provider.signIn(started.url, { login: person.login });
    const later = new Date(Date.now() + 10 * 60_000 + 1_000);
    expectRefused(await callback(back, started.browserCookie, later), "state-expired", 400);
  });

  it("is used once: the same callback a second time is refused", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT);
    const { result, back, browserCookie } = await signIn(NEWPORT_TENANT, person.login);
    signedIn(result);
    expectRefused(await callback(back, browserCookie), "state-unknown", 400);
  });
});

describe("the code and the ID token", () => {
  it("refuses a replayed code", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT);
    const first = await signIn(NEWPORT_TENANT, person.login);
    signedIn(first.result);
    const again = await start(NEWPORT_TENANT);
    const replay = new URL(first.back);
    replay.searchParams.set("state", new URL(again.url).searchParams.get("state") ?? "");
    expectRefused(await callback(replay, again.browserCookie), "code-rejected", 400);
  });

  it("refuses a token issued to another application (wrong audience)", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT);
    provider.tamperIdTokens((claims) => ({ ...claims, aud: "another-application" }));
    expectRefused((await signIn(NEWPORT_TENANT, person.login)).result, "token-invalid", 400);
  });

  it("refuses a token from another issuer, even one signed with the same keys", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT);
    provider.tamperIdTokens((claims) => ({ ...claims, iss: provider.issuerOf(UNTRUSTED_TENANT) }));
    expectRefused((await signIn(NEWPORT_TENANT, person.login)).result, "token-invalid", 400);
  });

  it("refuses a token with another nonce", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT);
    const started = await start(NEWPORT_TENANT);
    const altered = new URL(started.url);
    altered.searchParams.set("nonce", "a-nonce-the-hub-did-not-choose");
    const back = await provider.signIn(altered.href, { login: person.login });
    expectRefused(await callback(back, started.browserCookie), "token-invalid", 400);
  });

  it("refuses an expired token", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT);
    provider.setIdTokenLifetime(-120);
    expectRefused((await signIn(NEWPORT_TENANT, person.login)).result, "token-invalid", 400);
  });

  it("accepts a token that is still valid (the checks above fail for their own reason)", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT);
    provider.tamperIdTokens((claims) => ({ ...claims }));
    signedIn((await signIn(NEWPORT_TENANT, person.login)).result);
  });
});

describe("an untrusted tenant", () => {
  it("cannot be chosen", async () => {
    expect(isTrustedTenant(UNTRUSTED_TENANT)).toBe(false);
    await expect(start(UNTRUSTED_TENANT)).rejects.toThrow(/trusted tenant/);
  });

  it("cannot answer for a trusted one: its code comes back with its own issuer", async () => {
    const person = givenMicrosoftAccount(UNTRUSTED_TENANT);
    const started = await start(NEWPORT_TENANT);
    const elsewhere = new URL(started.url.replace(`/${NEWPORT_TENANT}/`, `/${UNTRUSTED_TENANT}/`));
    const back = await provider.signIn(elsewhere.href, { login: person.login });
    expect(back.searchParams.get("code")).toBeTruthy();
    expectRefused(await callback(back, started.browserCookie), "token-invalid", 400);
  });

  it("cannot slip through in the tid claim of a trusted tenant's token", async () => {
    const person = givenMicrosoftAccount(NEWPORT_TENANT, { tid: UNTRUSTED_TENANT });
    expectRefused((await signIn(NEWPORT_TENANT, person.login)).result, "tenant-not-trusted", 403);
    expect(userByEmail(person.email)).toEqual([]);
  });
});
