/**
 * A fuzz pass over every form and query parameter: hostile values (very long
 * strings, control characters, invalid UTF-8, markup, numbers out of range),
 * arrays where a string is expected, and duplicate fields, sent as an
 * administrator (who may change the most) and as a visitor. No answer may be
 * a 500, and nothing in the Hub may change: no event, post, revision or account.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { clearSignInThrottle, contentFingerprint, userId } from "../support/e2e-hub-database";

const e2e = e2eFixture();
const POST = "teams-rollout-covid";
const TOKEN = "no-such-token-0123456789abcdefghijklmnopqrstu";
/** The demo reader's account page, filled in before the tests run. */
let readerPage = "/admin/users/unknown";

/** Every query parameter each page reads. */
const QUERIES: [path: string, params: string[]][] = [
  ["/", ["q"]],
  ["/posts", ["kind", "partner", "tag", "page"]],
  ["/search", ["q", "type", "kind", "partner", "tag", "year", "page", "sort"]],
  ["/search/suggest", ["q"]],
  ["/partners", ["page"]],
  ["/partners/torfaen", ["kind"]],
  [`/posts/${POST}`, ["lang"]],
  [`/posts/${POST}/history`, ["page"]],
  [`/posts/${POST}/edit`, ["kind"]],
  ["/posts/new", ["kind"]],
  ["/login", ["redirectTo"]],
  ["/admin/search", ["retried", "week"]],
  ["/auth/entra", ["redirectTo"]],
  ["/auth/entra/callback", ["code", "state", "error", "error_description"]],
  ["/admin/users", ["q", "role", "partner", "page"]],
  ["/admin/users/new", ["role"]],
  ["READER_PAGE", ["done", "count"]],
  ["/account/sessions", ["ended"]],
  ["/account/password", ["changed"]],
  ["/account/reset", ["sent"]],
  [`/account/reset/${TOKEN}`, ["x"]],
  [`/account/accept/${TOKEN}`, ["x"]],
];

const POST_FIELDS = ["kind", "title", "summary", "body", "partner", "status", "tags", "slug", "changeNote"];
const SECTION_FIELDS = ["section.drivingEvent", "section.lesson", "section.recommendation", "section.evidence"];

/** Every form, with the fields it reads. */
const FORMS: [path: string, fields: string[]][] = [
  ["/login", ["email", "password", "redirectTo"]],
  ["/posts/new?kind=lesson", [...POST_FIELDS, ...SECTION_FIELDS]],
  [`/posts/${POST}/edit`, [...POST_FIELDS, ...SECTION_FIELDS]],
  ["/admin/search", ["intent", "recordType", "recordId"]],
  ["/search/opened", ["search"]],
  ["/auth/entra", ["tenant", "redirectTo"]],
  ["/admin/users/new", ["name", "email", "role", "partner"]],
  ["READER_PAGE", ["intent", "role", "partner"]],
  ["/account/sessions", ["intent", "sessionId"]],
  ["/account/password", ["currentPassword", "password", "confirmPassword"]],
  ["/account/reset", ["email"]],
  [`/account/reset/${TOKEN}`, ["password", "confirmPassword"]],
  [`/account/accept/${TOKEN}`, ["password", "confirmPassword"]],
];

const real = (path: string) => (path === "READER_PAGE" ? readerPage : path);

const HOSTILE: [name: string, value: string][] = [
  // Long, but every variant of a whole form stays under the 1 MB request limit (over it is a 413: see bad-input).
  ["a very long string", "x".repeat(30_000)],
  ["control characters", "\u0000\u0001\u0007\u001b[31m\u007f\u200b\u202e"],
  ["replacement characters, as invalid UTF-8 decodes", "\uFFFD\uFFFD(\uFFFE"],
  ["markup", '"><script>alert(1)</script><img src=x onerror=alert(2)>'],
  ["SQL", "' OR 1=1; DROP TABLE posts; --"],
  ["a path", "../../../../etc/passwd%00"],
  ["an out-of-range number", "-99999999999999999999999e999"],
  ["only spaces", "   \t\n  "],
];

/** Raw bytes that are not UTF-8, percent-encoded as a client may send them. */
const INVALID_UTF8 = "%FF%FE%C3%28%ED%A0%80";

let adminCookie = "";

beforeAll(async () => {
  const response = await fetch(`${e2e.baseUrl}/login`, {
    method: "POST",
    headers: { Origin: e2e.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "admin@demo.srs-hub.test", password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  adminCookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
  expect(adminCookie).not.toBe("");
  readerPage = `/admin/users/${userId(e2e.hub.dataDir, "reader@demo.srs-hub.test")}`;
});

// Wrong current passwords count against the administrator's sign-in throttling: leave none behind.
afterAll(() => clearSignInThrottle(e2e.hub.dataDir));

async function answerTo(path: string, init: RequestInit = {}, signedIn = true) {
  const headers = new Headers(init.headers);
  if (signedIn) headers.set("Cookie", adminCookie);
  const response = await fetch(`${e2e.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
  await response.body?.cancel();
  return { status: response.status, location: response.headers.get("location") ?? "" };
}

async function statusOf(path: string, init: RequestInit = {}, signedIn = true): Promise<number> {
  return (await answerTo(path, init, signedIn)).status;
}

function post(path: string, body: string, signedIn = true) {
  return answerTo(
    path,
    { method: "POST", body, headers: { Origin: e2e.baseUrl, "Content-Type": "application/x-www-form-urlencoded" } },
    signedIn,
  );
}

/**
 * Bad input is refused: a 4xx, or a visitor sent to sign in, or a signed-in
 * person sent on from the sign-in page (which is for visitors) before anything is done.
 */
function refused(path: string, signedIn: boolean, { status, location }: { status: number; location: string }) {
  if (status >= 400 && status < 500) return true;
  if (status !== 302) return false;
  return signedIn ? path === "/login" && location === "/" : location.startsWith("/login");
}

/** Each variant of a form body: every field hostile, duplicated, sent as an array, or invalid bytes. */
function bodies(fields: string[], value: string): [string, string][] {
  const all = (make: (field: string) => string) => fields.map(make).join("&");
  const encoded = encodeURIComponent(value);
  return [
    ["every field", all((field) => `${field}=${encoded}`)],
    ["every field twice", all((field) => `${field}=ok&${field}=${encoded}`)],
    ["every field as an array", all((field) => `${field}[]=${encoded}&${field}[]=2`)],
    ["every field as invalid bytes", all((field) => `${field}=${INVALID_UTF8}`)],
  ];
}

describe("a fuzz pass", () => {
  it("never gets a 500 from a query parameter", async () => {
    const failures: string[] = [];
    for (const [path, params] of QUERIES) {
      for (const [name, value] of HOSTILE) {
        for (const signedIn of [true, false]) {
          const single = params.map((param) => `${param}=${encodeURIComponent(value.slice(0, 6_000))}`).join("&");
          const twice = params
            .map((param) => `${param}=1&${param}=${encodeURIComponent(value.slice(0, 100))}`)
            .join("&");
          const arrays = params.map((param) => `${param}[]=a&${param}[]=b`).join("&");
          const bytes = params.map((param) => `${param}=${INVALID_UTF8}`).join("&");
          for (const query of [single, twice, arrays, bytes]) {
            const status = await statusOf(`${real(path)}?${query}`, {}, signedIn);
            if (status >= 500) failures.push(`GET ${path} with ${name} (signed in: ${signedIn}): ${status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("gets a 4xx from every form (or a visitor is sent to sign in), never a 500, and changes nothing", async () => {
    const before = contentFingerprint(e2e.hub.dataDir);
    const failures: string[] = [];
    for (const [path, fields] of FORMS) {
      for (const [name, value] of HOSTILE) {
        for (const [variant, body] of bodies(fields, value)) {
          for (const signedIn of [true, false]) {
            const answer = await post(real(path), body, signedIn).catch((error: Error) => `${error.cause ?? error}`);
            if (typeof answer === "string" || !refused(path, signedIn, answer)) {
              const said = typeof answer === "string" ? answer : `${answer.status} ${answer.location}`;
              failures.push(`POST ${path}, ${variant} ${name} (signed in: ${signedIn}): ${said}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(contentFingerprint(e2e.hub.dataDir)).toEqual(before);
    expect(e2e.takeServerErrors()).toEqual([]);
  });
});
