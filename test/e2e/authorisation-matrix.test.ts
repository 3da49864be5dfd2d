/**
 * Every route, every method, every kind of person: the status the Hub
 * answers, as an attacker would probe it from outside, over HTTP. The routes
 * come from app/routes.ts (the route config the build uses) and from the
 * addresses Express answers before Remix (the health endpoints): a route that
 * is not in the matrix fails the suite, so each new route is covered from its
 * first day.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { HEALTH_PATHS } from "../../server/health-endpoints";
import { DEMO_PASSWORD } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { addRoadmapItem, newestLinkId, partnerResponsesTo, postId, postsTitled } from "../support/e2e-hub-database";
import { actionMatrixRows } from "../support/matrix-actions";
import { boardMatrixRows } from "../support/matrix-boards";
import { decisionMatrixRows } from "../support/matrix-decisions";
import { glossaryMatrixRows } from "../support/matrix-glossary";
import { paperMatrixRows } from "../support/matrix-papers";
import { roadmapItemMatrixRows } from "../support/matrix-roadmap-items";
import { searchAnalyticsMatrixRows } from "../support/matrix-search-analytics";
import { summaryMatrixRows } from "../support/matrix-summaries";
import { type EveryRole, MATRIX_ROLES, type MatrixMethod, type MatrixRole } from "../support/matrix-types";

// The shared Hub; after each test, any server error it logged fails the test.
const e2e = e2eFixture();
const baseUrl = e2e.baseUrl;

const ROLES = MATRIX_ROLES;
type Role = MatrixRole;
type Method = MatrixMethod;

/** The demo accounts (see MATRIX_ROLES); the posts under test belong to Torfaen. */
const ACCOUNTS: Record<Exclude<Role, "anonymous">, string> = {
  reader: "reader@demo.srs-hub.test",
  otherEditor: "editor.newport@demo.srs-hub.test",
  ownEditor: "editor.torfaen@demo.srs-hub.test",
  coordinator: "coordinator@demo.srs-hub.test",
  secretary: "secretary@demo.srs-hub.test",
  admin: "admin@demo.srs-hub.test",
};

/** Statuses for each role, in ROLES order. 302 to sign-in for visitors is written LOGIN. */
const LOGIN = 1302;
type Expected = [anonymous: number, reader: number, otherEditor: number, ownEditor: number, admin: number];
/** Where a roadmap coordinator differs from a reader (the roadmap's routes): all six roles, in ROLES order. */
type WithCoordinator = [
  anonymous: number,
  reader: number,
  otherEditor: number,
  ownEditor: number,
  coordinator: number,
  admin: number,
];

/**
 * Every role's status. Where a row names five, the coordinator (SRS staff
 * who edit no partner's posts) answers as the reader does; where it names
 * five or six, so does the board secretary (SRS staff, a reader outside the
 * boards): probed all the same.
 */
function expectedOf(row: Row): EveryRole {
  if (row.expected.length === ROLES.length) return row.expected as EveryRole;
  if (row.expected.length === 6) {
    const [anonymous, reader, otherEditor, ownEditor, coordinator, admin] = row.expected as WithCoordinator;
    return [anonymous, reader, otherEditor, ownEditor, coordinator, reader, admin];
  }
  const [anonymous, reader, otherEditor, ownEditor, admin] = row.expected as Expected;
  return [anonymous, reader, otherEditor, ownEditor, reader, reader, admin];
}

interface Row {
  method: Method;
  /** The route's pattern, as in the route config. */
  route: string;
  /** What differs between rows of the same route, such as "a draft". */
  variant?: string;
  expected: Expected | WithCoordinator | EveryRole;
  /**
   * Builds the request for one role, creating whatever data it needs first.
   * The runner uses a request again for the next role until one may have
   * changed something (see the runner), unless `perRole` says otherwise.
   */
  request: (role: Role) => Promise<{ path: string; form?: Record<string, string> }>;
  /** The request depends on the role asking: it is built afresh for each. */
  perRole?: boolean;
  /** After a refused request, proves nothing changed. */
  unchanged?: (role: Role, path: string) => Promise<void>;
}

const cookies = new Map<Role, string>();

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Signing in as ${email} answered ${response.status}`);
  return cookie;
}

async function send(role: Role, method: Method, target: string, form?: Record<string, string>) {
  const headers: Record<string, string> = { Origin: baseUrl };
  const cookie = cookies.get(role);
  if (cookie) headers.Cookie = cookie;
  if (form) headers["Content-Type"] = "application/x-www-form-urlencoded";
  return fetch(`${baseUrl}${target}`, {
    method,
    headers,
    body: method === "POST" ? new URLSearchParams(form ?? {}) : undefined,
    redirect: "manual",
  });
}

let fixtures = 0;
/** A fresh Torfaen lesson, written by Torfaen's editor through the form; returns its slug. */
async function torfaenPost(status: "draft" | "published" = "published"): Promise<string> {
  fixtures++;
  const form = lessonForm({ title: `Matrix fixture ${status} ${fixtures} ${Date.now()}`, status });
  const response = await send("ownEditor", "POST", "/posts/new?kind=lesson", form);
  const location = response.headers.get("location") ?? "";
  if (response.status !== 302 || !location.startsWith("/posts/")) {
    throw new Error(`Creating a fixture answered ${response.status}: ${await response.text()}`);
  }
  return location.slice("/posts/".length);
}

/** A fresh published Torfaen aspiration, written by Torfaen's editor through the form; returns its slug. */
async function torfaenAspiration(): Promise<string> {
  fixtures++;
  const form: Record<string, string> = {
    kind: "aspiration",
    title: `Matrix aspiration ${fixtures} ${Date.now()}`,
    summary: "An aspiration written by the authorisation matrix.",
    body: "Body",
    partner: "torfaen",
    status: "published",
    tags: "",
    slug: "",
    "section.desiredOutcome": "x",
    "section.targetTimeframe": "By 2027",
  };
  const response = await send("ownEditor", "POST", "/posts/new?kind=aspiration", form);
  const location = response.headers.get("location") ?? "";
  if (response.status !== 302 || !location.startsWith("/posts/")) {
    throw new Error(`Creating a fixture answered ${response.status}: ${await response.text()}`);
  }
  return location.slice("/posts/".length);
}

function lessonForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: "lesson",
    title: "Matrix lesson",
    summary: "A lesson written by the authorisation matrix.",
    body: "Body",
    partner: "torfaen",
    status: "published",
    tags: "",
    slug: "",
    "section.drivingEvent": "x",
    "section.lesson": "x",
    "section.recommendation": "x",
    "section.evidence": "x",
    "eventDate-day": "23",
    "eventDate-month": "3",
    "eventDate-year": "2020",
    ...overrides,
  };
}

/** The slug in a post's address, such as /posts/<slug>/edit. */
const slugOf = (target: string) => target.split("/")[2] ?? "";

/** The post still stands, with the title it was created with, as its own editor sees it. */
async function postStillThere(_role: Role, target: string) {
  const response = await send("ownEditor", "GET", `/posts/${slugOf(target)}`);
  expect(response.status).toBe(200);
  const page = await response.text();
  expect(page).toMatch(/<h1[^>]*>Matrix fixture (published|draft) \d+ \d+<\/h1>/);
}

const fixed = (target: string) => async () => ({ path: target });
/** The title of the post the "POST /posts/new" row last asked to create. */
let lastNewPostTitle = "";

/** A roadmap item owned by none of the matrix's people (its owner would manage its links); its slug and id. */
function matrixItem(): { slug: string; id: number } {
  fixtures++;
  const slug = `matrix-item-${fixtures}-${Date.now()}`;
  const id = addRoadmapItem(e2e.hub.dataDir, {
    slug,
    title: `Matrix item ${fixtures}`,
    ownerEmail: "nobody@example.test",
    partnerSlugs: ["newport"],
  });
  return { slug, id };
}

/** A link from a fresh item to a fresh Torfaen lesson, made by the administrator through the picker. */
async function matrixLink(): Promise<{ id: number; postSlug: string; itemId: number }> {
  const item = matrixItem();
  const postSlug = await torfaenPost();
  const post = postId(e2e.hub.dataDir, postSlug);
  const response = await send("admin", "POST", `/roadmap/${item.slug}/links/new`, {
    record: String(post),
    relation: "informs",
  });
  const id = newestLinkId(e2e.hub.dataDir, item.id, post);
  if (response.status !== 302 || id === null) throw new Error(`Linking a fixture answered ${response.status}`);
  return { id, postSlug, itemId: item.id };
}

/** A link the matrix refused to remove is still there. */
async function linkStillThere(_role: Role, target: string) {
  const id = Number(target.split("/")[2]);
  const fixture = linkFixtures.get(id);
  expect(fixture).toBeDefined();
  if (fixture)
    expect(newestLinkId(e2e.hub.dataDir, fixture.itemId, postId(e2e.hub.dataDir, fixture.postSlug))).toBe(id);
}
const linkFixtures = new Map<number, { postSlug: string; itemId: number }>();
const ADMIN_ONLY: Expected = [LOGIN, 403, 403, 403, 200];
const EVERYONE_200: Expected = [200, 200, 200, 200, 200];
/** A link that cannot be used answers 410 Gone, whoever opens it. */
const GONE: Expected = [410, 410, 410, 410, 410];
const MADE_UP_TOKEN = "A".repeat(43);
const NEW_PASSWORD_FORM = { password: "matrix meadow lantern", confirmPassword: "matrix meadow lantern" };
let lastInvitedEmail = "";

/** The session id stored for a session cookie ("name=token"): the SHA-256 of its token. */
function sessionIdOf(cookie: string): string {
  return createHash("sha256")
    .update(cookie.slice(cookie.indexOf("=") + 1))
    .digest("base64url");
}

/** A person invited by the demo administrator (never a demo account): their id. */
async function invitedPersonId(): Promise<string> {
  const email = `matrix-person-${Date.now()}-${fixtures++}@example.test`;
  const response = await send("admin", "POST", "/admin/users/new", {
    name: "Matrix Person",
    email,
    role: "reader",
    partner: "torfaen",
  });
  const id = /href="\/admin\/users\/(?!new")([A-Za-z0-9_-]+)"/.exec(await response.text())?.[1];
  if (response.status !== 200 || !id) throw new Error(`Inviting a fixture answered ${response.status}`);
  return id;
}
const ALL_SIGNED_IN: Expected = [LOGIN, 200, 200, 200, 200];
const NO_ACTION: Expected = [405, 405, 405, 405, 405];
const PUBLIC_PAGE: Expected = [200, 200, 200, 200, 200];

const MATRIX: Row[] = [
  { method: "GET", route: "/", expected: ALL_SIGNED_IN, request: fixed("/") },
  { method: "POST", route: "/", expected: NO_ACTION, request: fixed("/") },
  { method: "GET", route: "/*", expected: [LOGIN, 404, 404, 404, 404], request: fixed("/no/such/page") },
  { method: "POST", route: "/*", expected: NO_ACTION, request: fixed("/no/such/page") },
  { method: "GET", route: "/healthz", expected: [200, 200, 200, 200, 200], request: fixed("/healthz") },
  { method: "POST", route: "/healthz", expected: NO_ACTION, request: fixed("/healthz") },
  { method: "GET", route: "/healthz/live", expected: [200, 200, 200, 200, 200], request: fixed("/healthz/live") },
  { method: "POST", route: "/healthz/live", expected: NO_ACTION, request: fixed("/healthz/live") },
  { method: "GET", route: "/healthz/ready", expected: [200, 200, 200, 200, 200], request: fixed("/healthz/ready") },
  { method: "POST", route: "/healthz/ready", expected: NO_ACTION, request: fixed("/healthz/ready") },
  // The service's own pages are public by law (decision 032).
  { method: "GET", route: "/accessibility", expected: PUBLIC_PAGE, request: fixed("/accessibility") },
  { method: "POST", route: "/accessibility", expected: NO_ACTION, request: fixed("/accessibility") },
  { method: "GET", route: "/privacy", expected: PUBLIC_PAGE, request: fixed("/privacy") },
  { method: "POST", route: "/privacy", expected: NO_ACTION, request: fixed("/privacy") },
  { method: "GET", route: "/help", expected: PUBLIC_PAGE, request: fixed("/help") },
  { method: "POST", route: "/help", expected: NO_ACTION, request: fixed("/help") },
  { method: "GET", route: "/contact", expected: PUBLIC_PAGE, request: fixed("/contact") },
  { method: "POST", route: "/contact", expected: NO_ACTION, request: fixed("/contact") },
  { method: "GET", route: "/feedback", expected: PUBLIC_PAGE, request: fixed("/feedback") },
  { method: "POST", route: "/feedback", expected: NO_ACTION, request: fixed("/feedback") },
  // The matrix asks from this machine, which may read the metrics; from elsewhere, see observability.test.ts.
  { method: "GET", route: "/metrics", expected: [200, 200, 200, 200, 200], request: fixed("/metrics") },
  { method: "POST", route: "/metrics", expected: NO_ACTION, request: fixed("/metrics") },
  { method: "GET", route: "/login", expected: [200, 302, 302, 302, 302], request: fixed("/login") },
  {
    method: "POST",
    route: "/login",
    variant: "a wrong password",
    // Signed in, the sign-in page sends people on whatever they post to it.
    expected: [401, 302, 302, 302, 302],
    // An address of its own per role: five wrong passwords for one account would set off its throttling.
    perRole: true,
    request: async (role) => ({
      path: "/login",
      form: { email: `wrong-password.${role}@example.test`, password: "not-the-password" },
    }),
  },
  { method: "GET", route: "/logout", expected: [302, 302, 302, 302, 302], request: fixed("/logout") },
  // Signing out is covered by its own test below: it would end the sessions the matrix uses.
  { method: "POST", route: "/logout", variant: "(see below)", expected: [302, 302, 302, 302, 302], request: fixed("") },
  // Sign-in with Microsoft is off on the shared Hub, so its routes are not found; with it on, the
  // answers are in test/e2e/entra-sign-in.test.ts ("with Entra ID configured, each kind of person").
  { method: "GET", route: "/auth/entra", expected: [404, 404, 404, 404, 404], request: fixed("/auth/entra") },
  {
    method: "POST",
    route: "/auth/entra",
    expected: [404, 404, 404, 404, 404],
    request: async () => ({ path: "/auth/entra", form: { tenant: "11111111-1111-4111-8111-111111111111" } }),
  },
  {
    method: "GET",
    route: "/auth/entra/callback",
    expected: [404, 404, 404, 404, 404],
    request: fixed("/auth/entra/callback?code=x&state=y"),
  },
  { method: "POST", route: "/auth/entra/callback", expected: NO_ACTION, request: fixed("/auth/entra/callback") },
  { method: "GET", route: "/partners", expected: ALL_SIGNED_IN, request: fixed("/partners") },
  { method: "POST", route: "/partners", expected: NO_ACTION, request: fixed("/partners") },
  { method: "GET", route: "/partners/:slug", expected: ALL_SIGNED_IN, request: fixed("/partners/torfaen") },
  {
    // Naming a digital lead is for administrators; a made-up person is refused, so nothing changes here.
    method: "POST",
    route: "/partners/:slug",
    expected: [LOGIN, 403, 403, 403, 400],
    request: async () => ({ path: "/partners/torfaen", form: { digitalLead: "no-such-person" } }),
  },
  // Browsing is the finder's now: the old address sends everyone there (which then asks who they are).
  { method: "GET", route: "/posts", expected: [301, 301, 301, 301, 301], request: fixed("/posts") },
  { method: "POST", route: "/posts", expected: NO_ACTION, request: fixed("/posts") },
  { method: "GET", route: "/posts/new", expected: [LOGIN, 403, 200, 200, 200], request: fixed("/posts/new") },
  {
    method: "POST",
    route: "/posts/new",
    variant: "a Torfaen lesson",
    expected: [LOGIN, 403, 403, 302, 302],
    request: async () => {
      lastNewPostTitle = `Matrix new ${Date.now()}`;
      return { path: "/posts/new?kind=lesson", form: lessonForm({ title: lastNewPostTitle }) };
    },
    unchanged: async () => expect(postsTitled(e2e.hub.dataDir, lastNewPostTitle)).toBe(0),
  },
  {
    method: "GET",
    route: "/posts/:slug",
    variant: "published",
    expected: ALL_SIGNED_IN,
    request: async () => ({ path: `/posts/${await torfaenPost()}` }),
  },
  {
    method: "GET",
    route: "/posts/:slug",
    variant: "a draft",
    expected: [LOGIN, 404, 404, 200, 200],
    request: async () => ({ path: `/posts/${await torfaenPost("draft")}` }),
  },
  {
    // "We applied this": any member of another partner; never for the post's own partner (the SRS is the
    // reader's and the administrator's partner, Newport the other editor's).
    method: "POST",
    route: "/posts/:slug",
    variant: "we applied this, published",
    expected: [LOGIN, 302, 302, 403, 302],
    request: async () => ({ path: `/posts/${await torfaenPost()}`, form: { note: "Matrix: applied" } }),
    unchanged: async (_role, target) => expect(partnerResponsesTo(e2e.hub.dataDir, slugOf(target))).toBe(0),
  },
  {
    method: "POST",
    route: "/posts/:slug",
    variant: "we applied this, a draft",
    expected: [LOGIN, 404, 404, 403, 403],
    request: async () => ({ path: `/posts/${await torfaenPost("draft")}`, form: { note: "Matrix: applied" } }),
    unchanged: async (_role, target) => expect(partnerResponsesTo(e2e.hub.dataDir, slugOf(target))).toBe(0),
  },
  {
    // "We want this too": the same rule on aspirations; withdrawing it too. A lesson cannot be wanted.
    method: "POST",
    route: "/posts/:slug",
    variant: "we want this too, published aspiration",
    expected: [LOGIN, 302, 302, 403, 302],
    request: async () => ({
      path: `/posts/${await torfaenAspiration()}`,
      form: { intent: "interest", note: "Matrix: wanted" },
    }),
  },
  {
    method: "POST",
    route: "/posts/:slug",
    variant: "we no longer want this, published aspiration",
    expected: [LOGIN, 302, 302, 403, 302],
    request: async () => ({ path: `/posts/${await torfaenAspiration()}`, form: { intent: "withdrawInterest" } }),
  },
  {
    method: "POST",
    route: "/posts/:slug",
    variant: "we want this too, a lesson",
    expected: [LOGIN, 403, 403, 403, 403],
    request: async () => ({ path: `/posts/${await torfaenPost()}`, form: { intent: "interest", note: "Matrix" } }),
  },
  {
    method: "GET",
    route: "/posts/:slug/compare",
    variant: "published",
    expected: ALL_SIGNED_IN,
    request: async () => ({ path: `/posts/${await torfaenPost()}/compare?from=1&to=1` }),
  },
  {
    method: "GET",
    route: "/posts/:slug/compare",
    variant: "a draft",
    expected: [LOGIN, 404, 404, 200, 200],
    request: async () => ({ path: `/posts/${await torfaenPost("draft")}/compare?from=1&to=1` }),
  },
  {
    method: "POST",
    route: "/posts/:slug/compare",
    expected: NO_ACTION,
    request: fixed("/posts/teams-rollout-covid/compare"),
  },
  {
    method: "GET",
    route: "/posts/:slug/edit",
    variant: "published",
    expected: [LOGIN, 403, 403, 200, 200],
    request: async () => ({ path: `/posts/${await torfaenPost()}/edit` }),
  },
  {
    method: "GET",
    route: "/posts/:slug/edit",
    variant: "a draft",
    expected: [LOGIN, 404, 404, 200, 200],
    request: async () => ({ path: `/posts/${await torfaenPost("draft")}/edit` }),
  },
  {
    method: "POST",
    route: "/posts/:slug/edit",
    variant: "published",
    expected: [LOGIN, 403, 403, 302, 302],
    request: async () => {
      const slug = await torfaenPost();
      return { path: `/posts/${slug}/edit`, form: lessonForm({ slug, title: "Matrix fixture, edited" }) };
    },
    unchanged: postStillThere,
  },
  {
    method: "POST",
    route: "/posts/:slug/edit",
    variant: "a draft",
    expected: [LOGIN, 404, 404, 302, 302],
    request: async () => {
      const slug = await torfaenPost("draft");
      return { path: `/posts/${slug}/edit`, form: lessonForm({ slug, title: "Matrix fixture, edited" }) };
    },
    unchanged: postStillThere,
  },
  {
    method: "GET",
    route: "/posts/:slug/delete",
    expected: [LOGIN, 403, 403, 200, 200],
    request: async () => ({ path: `/posts/${await torfaenPost()}/delete` }),
  },
  {
    method: "POST",
    route: "/posts/:slug/delete",
    variant: "published",
    expected: [LOGIN, 403, 403, 302, 302],
    request: async () => ({ path: `/posts/${await torfaenPost()}/delete`, form: {} }),
    unchanged: postStillThere,
  },
  {
    method: "POST",
    route: "/posts/:slug/delete",
    variant: "a draft",
    expected: [LOGIN, 404, 404, 302, 302],
    request: async () => ({ path: `/posts/${await torfaenPost("draft")}/delete`, form: {} }),
    unchanged: postStillThere,
  },
  {
    method: "GET",
    route: "/posts/:slug/history",
    variant: "published",
    expected: ALL_SIGNED_IN,
    request: async () => ({ path: `/posts/${await torfaenPost()}/history` }),
  },
  {
    method: "GET",
    route: "/posts/:slug/history",
    variant: "a draft",
    expected: [LOGIN, 404, 404, 200, 200],
    request: async () => ({ path: `/posts/${await torfaenPost("draft")}/history` }),
  },
  {
    method: "POST",
    route: "/posts/:slug/history",
    expected: NO_ACTION,
    request: fixed("/posts/teams-rollout-covid/history"),
  },
  // The workspace is for editors and administrators; readers get a page saying so, with a 403.
  { method: "GET", route: "/roadmap/demand", expected: ALL_SIGNED_IN, request: fixed("/roadmap/demand") },
  { method: "POST", route: "/roadmap/demand", expected: NO_ACTION, request: fixed("/roadmap/demand") },
  { method: "GET", route: "/my", expected: [LOGIN, 403, 200, 200, 200], request: fixed("/my") },
  {
    method: "GET",
    route: "/my",
    variant: "another partner's",
    expected: [LOGIN, 403, 403, 200, 200],
    request: fixed("/my?partner=torfaen"),
  },
  { method: "POST", route: "/my", expected: NO_ACTION, request: fixed("/my") },
  {
    method: "GET",
    route: "/posts/:slug/review",
    expected: [LOGIN, 302, 302, 302, 302],
    request: async () => ({ path: `/posts/${await torfaenPost()}/review` }),
  },
  {
    method: "POST",
    route: "/posts/:slug/review",
    variant: "published",
    expected: [LOGIN, 403, 403, 302, 302],
    request: async () => ({ path: `/posts/${await torfaenPost()}/review`, form: {} }),
    unchanged: postStillThere,
  },
  {
    method: "POST",
    route: "/posts/:slug/review",
    variant: "a draft",
    // Its own editors may see a draft, but it has no review to confirm.
    expected: [LOGIN, 404, 404, 400, 400],
    request: async () => ({ path: `/posts/${await torfaenPost("draft")}/review`, form: {} }),
    unchanged: postStillThere,
  },
  // Typed links (decision 043): the picker is for those who manage links on the page's record; a POST is
  // refused (403) to anyone who manages neither end. The POSTs here send a relation the lesson does not
  // take, so those allowed get the form's 400 and nothing is written.
  {
    method: "GET",
    route: "/posts/:slug/links/new",
    variant: "published",
    expected: [LOGIN, 403, 403, 200, 200],
    request: async () => ({ path: `/posts/${await torfaenPost()}/links/new?q=matrix` }),
  },
  {
    method: "GET",
    route: "/posts/:slug/links/new",
    variant: "a draft",
    expected: [LOGIN, 404, 404, 403, 403],
    request: async () => ({ path: `/posts/${await torfaenPost("draft")}/links/new` }),
  },
  {
    method: "POST",
    route: "/posts/:slug/links/new",
    variant: "a relation the lesson does not take",
    expected: [LOGIN, 403, 403, 400, 400],
    request: async () => ({
      path: `/posts/${await torfaenPost()}/links/new`,
      form: { record: String(matrixItem().id), relation: "drives" },
    }),
  },
  {
    method: "GET",
    route: "/roadmap/:slug/links/new",
    expected: [LOGIN, 403, 403, 403, 200],
    request: async () => ({ path: `/roadmap/${matrixItem().slug}/links/new` }),
  },
  {
    method: "POST",
    route: "/roadmap/:slug/links/new",
    variant: "a relation the lesson does not take",
    // The item's picker page is its link managers'; a link sent to it is also taken from the post's editor.
    expected: [LOGIN, 403, 403, 400, 400],
    request: async () => ({
      path: `/roadmap/${matrixItem().slug}/links/new`,
      form: { record: String(postId(e2e.hub.dataDir, await torfaenPost())), relation: "delivers" },
    }),
  },
  {
    method: "GET",
    route: "/links/:id/remove",
    expected: [LOGIN, 302, 302, 302, 302],
    request: fixed("/links/1/remove"),
  },
  {
    method: "POST",
    route: "/links/:id/remove",
    expected: [LOGIN, 403, 403, 302, 302],
    request: async () => {
      const link = await matrixLink();
      linkFixtures.set(link.id, link);
      return { path: `/links/${link.id}/remove`, form: { from: "object" } };
    },
    unchanged: linkStillThere,
  },
  { method: "GET", route: "/search", expected: ALL_SIGNED_IN, request: fixed("/search?q=teams") },
  { method: "POST", route: "/search", expected: NO_ACTION, request: fixed("/search") },
  {
    method: "GET",
    route: "/search/suggest",
    expected: [401, 200, 200, 200, 200],
    request: fixed("/search/suggest?q=tea"),
  },
  { method: "POST", route: "/search/suggest", expected: NO_ACTION, request: fixed("/search/suggest") },
  { method: "GET", route: "/admin/search", expected: [LOGIN, 403, 403, 403, 200], request: fixed("/admin/search") },
  {
    method: "POST",
    route: "/admin/search",
    variant: "retry every parked record",
    expected: [LOGIN, 403, 403, 403, 302],
    request: async () => ({ path: "/admin/search", form: { intent: "retry-all" } }),
  },
  { method: "GET", route: "/account/sessions", expected: ALL_SIGNED_IN, request: fixed("/account/sessions") },
  {
    method: "POST",
    route: "/account/sessions",
    // Everyone names the administrator's session here: only its owner may end it, and not from this page.
    variant: "another person's session",
    expected: [LOGIN, 404, 404, 404, 400],
    request: async () => ({
      path: "/account/sessions",
      form: { intent: "end-one", sessionId: sessionIdOf(cookies.get("admin") ?? "") },
    }),
    unchanged: async () => {
      expect((await send("admin", "GET", "/account/sessions")).status).toBe(200);
    },
  },
  { method: "GET", route: "/account/password", expected: ALL_SIGNED_IN, request: fixed("/account/password") },
  {
    method: "POST",
    route: "/account/password",
    // A wrong current password would count against the demo accounts' sign-in throttle.
    variant: "a new password too short",
    expected: [LOGIN, 400, 400, 400, 400],
    request: async () => ({
      path: "/account/password",
      form: { currentPassword: DEMO_PASSWORD, password: "short", confirmPassword: "short" },
    }),
  },
  { method: "GET", route: "/account/job-title", expected: ALL_SIGNED_IN, request: fixed("/account/job-title") },
  {
    method: "POST",
    route: "/account/job-title",
    // Too long is refused, so the demo accounts keep their job titles.
    variant: "a job title too long",
    expected: [LOGIN, 400, 400, 400, 400],
    request: async () => ({ path: "/account/job-title", form: { jobTitle: "x".repeat(81) } }),
  },
  { method: "GET", route: "/account/reset", expected: EVERYONE_200, request: fixed("/account/reset") },
  {
    method: "POST",
    route: "/account/reset",
    variant: "an address with no account",
    expected: EVERYONE_200,
    request: async () => ({ path: "/account/reset", form: { email: "nobody@example.test" } }),
  },
  {
    method: "GET",
    route: "/account/reset/:token",
    variant: "a made-up token",
    expected: GONE,
    request: fixed(`/account/reset/${MADE_UP_TOKEN}`),
  },
  {
    method: "POST",
    route: "/account/reset/:token",
    variant: "a made-up token",
    expected: GONE,
    request: async () => ({ path: `/account/reset/${MADE_UP_TOKEN}`, form: NEW_PASSWORD_FORM }),
  },
  {
    method: "GET",
    route: "/account/accept/:token",
    variant: "a made-up token",
    expected: GONE,
    request: fixed(`/account/accept/${MADE_UP_TOKEN}`),
  },
  {
    method: "POST",
    route: "/account/accept/:token",
    variant: "a made-up token",
    expected: GONE,
    request: async () => ({ path: `/account/accept/${MADE_UP_TOKEN}`, form: NEW_PASSWORD_FORM }),
  },
  { method: "GET", route: "/admin/users", expected: ADMIN_ONLY, request: fixed("/admin/users?q=demo&role=editor") },
  { method: "POST", route: "/admin/users", expected: NO_ACTION, request: fixed("/admin/users") },
  { method: "GET", route: "/admin/users/new", expected: ADMIN_ONLY, request: fixed("/admin/users/new") },
  {
    method: "POST",
    route: "/admin/users/new",
    variant: "invite someone new",
    expected: ADMIN_ONLY,
    request: async () => {
      lastInvitedEmail = `matrix-${Date.now()}-${fixtures++}@example.test`;
      return {
        path: "/admin/users/new",
        form: { name: "Matrix Invitee", email: lastInvitedEmail, role: "reader", partner: "torfaen" },
      };
    },
    unchanged: async () => {
      const list = await send("admin", "GET", `/admin/users?q=${encodeURIComponent(lastInvitedEmail)}`);
      expect(await list.text()).toContain("0 people");
    },
  },
  {
    method: "GET",
    route: "/admin/users/:id",
    expected: ADMIN_ONLY,
    request: async () => ({ path: `/admin/users/${await invitedPersonId()}` }),
  },
  {
    method: "POST",
    route: "/admin/users/:id",
    variant: "deactivate someone",
    expected: [LOGIN, 403, 403, 403, 302],
    request: async () => ({ path: `/admin/users/${await invitedPersonId()}`, form: { intent: "deactivate" } }),
    unchanged: async (_role, target) => {
      const page = await (await send("admin", "GET", target)).text();
      expect(page).toContain("Deactivate account");
      expect(page).not.toContain("Reactivate account");
    },
  },
  ...roadmapItemMatrixRows(send, LOGIN),
  // Boards and meetings.
  ...boardMatrixRows(send, LOGIN, () => e2e.hub.dataDir),
  // Papers.
  ...paperMatrixRows(send, LOGIN, () => e2e.hub.dataDir),
  // Decisions.
  ...decisionMatrixRows(send, LOGIN, () => e2e.hub.dataDir),
  // Actions.
  ...actionMatrixRows(send, LOGIN, () => e2e.hub.dataDir),
  // Summaries and search.
  ...summaryMatrixRows(send, LOGIN, () => e2e.hub.dataDir),
  // The glossary.
  ...glossaryMatrixRows(send, LOGIN),
  // Search analytics.
  ...searchAnalyticsMatrixRows(send, LOGIN),
];

/** Every route in the route config, as "/posts/:slug/edit", with "/*" for a catch-all; and the health endpoints. */
async function configuredRoutes(): Promise<string[]> {
  // What the Remix Vite plugin sets before it reads app/routes.ts.
  (globalThis as { __remixAppDirectory?: string }).__remixAppDirectory = path.resolve("app");
  type Entry = { path?: string; index?: boolean; children?: Entry[] };
  const config = (await (await import("~/routes")).default) as Entry[];
  const paths: string[] = [];
  const walk = (entries: Entry[], prefix: string) => {
    for (const entry of entries) {
      const joined = [prefix, entry.path ?? ""].filter(Boolean).join("/");
      if (entry.index || entry.path !== undefined) paths.push(`/${joined}`.replace(/\/$/, "") || "/");
      walk(entry.children ?? [], joined);
    }
  };
  walk(config, "");
  return [...new Set([...paths, ...HEALTH_PATHS])].sort();
}

beforeAll(async () => {
  for (const [role, email] of Object.entries(ACCOUNTS)) cookies.set(role as Role, await signIn(email));
});

describe("the authorisation matrix", () => {
  it("covers every route in the route config, with GET and POST", async () => {
    const routes = await configuredRoutes();
    const covered = (method: Method) =>
      [...new Set(MATRIX.filter((row) => row.method === method).map((row) => row.route))].sort();
    expect(covered("GET")).toEqual(routes);
    expect(covered("POST")).toEqual(routes);
    const requests = MATRIX.length * ROLES.length;
    console.info(
      `Authorisation matrix: ${routes.length} routes x 2 methods x ${ROLES.length} roles (${requests} requests)`,
    );
  });

  const probed = MATRIX.filter((row) => !(row.route === "/logout" && row.method === "POST"));
  it.each(probed.map((row) => [`${row.method} ${row.route}${row.variant ? `, ${row.variant}` : ""}`, row] as const))(
    "%s",
    async (_name, row) => {
      const answered: Partial<Record<Role, number>> = {};
      // The data a request needs is made once and used again by the next role, until a request may have
      // changed it: a GET never does, and a refused POST changes nothing (row.unchanged proves it where
      // it matters). Making fresh records for every role cost most of this file's time, in the search index.
      let prepared: Awaited<ReturnType<Row["request"]>> | undefined;
      for (const role of ROLES) {
        if (!prepared || row.perRole) prepared = await row.request(role);
        const { path: target, form } = prepared;
        const response = await send(role, row.method, target, form);
        const location = response.headers.get("location") ?? "";
        answered[role] =
          response.status === 302 && role === "anonymous" && location.startsWith("/login") ? LOGIN : response.status;
        await response.body?.cancel();
        const refused = response.status >= 400 || answered[role] === LOGIN;
        if (refused && row.unchanged) await row.unchanged(role, target);
        if (row.method === "POST" && !refused) prepared = undefined;
      }
      expect(ROLES.map((role) => answered[role])).toEqual(expectedOf(row));
    },
  );

  it("POST /logout ends only the session that sent it, for every role", async () => {
    for (const role of ROLES) {
      const session = role === "anonymous" ? undefined : await signIn(ACCOUNTS[role]);
      const response = await fetch(`${baseUrl}/logout`, {
        method: "POST",
        headers: { Origin: baseUrl, ...(session ? { Cookie: session } : {}) },
        redirect: "manual",
      });
      expect([role, response.status, response.headers.get("location")]).toEqual([role, 302, "/login"]);
      if (session) {
        const after = await fetch(`${baseUrl}/search`, { headers: { Cookie: session }, redirect: "manual" });
        expect(after.headers.get("location")).toMatch(/^\/login/);
      }
    }
    // The matrix's own sessions are untouched.
    expect((await send("reader", "GET", "/search")).status).toBe(200);
  });
});
