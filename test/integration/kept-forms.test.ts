/**
 * Forms sent after their session ended (decision 031): kept for their author
 * only, for an hour, text fields only, and read back once.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/auth/lucia.server";
import {
  hasKeptForm,
  KEPT_FORM_MINUTES,
  keptFormCookieName,
  purgeExpiredKeptForms,
  resumeKeptForm,
  takeKeptForm,
} from "~/auth/pending-forms.server";
import type { SessionUser } from "~/auth/principals";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/platform/db.server";
import { pendingForms, sessions } from "../../db/schema";
import { givenPartner, givenUser } from "../support/factories";

const HUB = "http://localhost";
const HOUR = KEPT_FORM_MINUTES * 60_000;
let author: SessionUser;
let colleague: SessionUser;

beforeAll(async () => {
  givenPartner("torfaen");
  author = await givenUser("editor", "torfaen", "a long enough password");
  colleague = await givenUser("editor", "torfaen", "a long enough password");
});

/** A signed-in browser's Cookie header for `user`, its session already ended by idle expiry. */
async function endedSessionCookie(user: SessionUser): Promise<string> {
  const cookie = (await startSession(user.id, { method: "password" })).split(";")[0] ?? "";
  getDb()
    .update(sessions)
    .set({ expiresAt: Math.floor(Date.now() / 1000) - 60 })
    .where(eq(sessions.userId, user.id))
    .run();
  return cookie;
}

function post(path: string, cookie: string | null, body: URLSearchParams | FormData): Request {
  return new Request(`${HUB}${path}`, { method: "POST", headers: cookie ? { Cookie: cookie } : {}, body });
}

/** Sends the form to requireUser, as an action does first; returns the redirect it throws. */
async function sendAfterSessionEnded(request: Request): Promise<Response> {
  const thrown = await requireUser(request).then(
    () => null,
    (response: unknown) => response,
  );
  if (!(thrown instanceof Response)) throw new Error("requireUser let a request without a session through");
  return thrown;
}

/** The browser's cookie for the kept form, from the redirect's Set-Cookie. */
function keptCookieOf(response: Response): string {
  const setCookie = response.headers.get("Set-Cookie") ?? "";
  expect(setCookie).toContain(`${keptFormCookieName()}=`);
  expect(setCookie).toContain("HttpOnly");
  return setCookie.split(";")[0] ?? "";
}

const get = (path: string, cookie: string) => new Request(`${HUB}${path}`, { headers: { Cookie: cookie } });
const asObject = (form: FormData) => Object.fromEntries(form.entries());

describe("a form sent after its session ended", () => {
  it("is kept for its author (text fields, never passwords or files) and sends them to sign in", async () => {
    const form = new FormData();
    form.append("title", "Porting numbers before the ISDN switch-off");
    form.append("section.lesson", "Book porting before hardware.");
    form.append("currentPassword", "a long enough password");
    form.append("evidence", new File(["call logs"], "calls.csv", { type: "text/csv" }));
    const response = await sendAfterSessionEnded(
      post("/posts/new?kind=lesson", await endedSessionCookie(author), form),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(
      `/login?${new URLSearchParams({ redirectTo: "/posts/new?kind=lesson" })}`,
    );
    const cookie = keptCookieOf(response);
    const login = get("/login", cookie);
    expect(hasKeptForm(login)).toBe(true);

    const [row] = getDb().select().from(pendingForms).where(eq(pendingForms.userId, author.id)).all();
    expect(row?.path).toBe("/posts/new?kind=lesson");
    expect(row?.fields).toEqual([
      ["title", "Porting numbers before the ISDN switch-off"],
      ["section.lesson", "Book porting before hardware."],
    ]);
    // The table holds the token's hash, not the token the cookie carries.
    expect(cookie).not.toContain(row?.tokenHash ?? "missing");

    expect(resumeKeptForm(login, author.id)).toBe("/posts/new?kind=lesson");
    const page = get("/posts/new?kind=lesson", cookie);
    expect(takeKeptForm(get("/posts/new", cookie), author, asObject)).toBeNull();
    expect(takeKeptForm(page, author, asObject)).toEqual({
      title: "Porting numbers before the ISDN switch-off",
      "section.lesson": "Book porting before hardware.",
    });
    // Read once: a reload shows the page as it is.
    expect(takeKeptForm(page, author, asObject)).toBeNull();
    expect(hasKeptForm(login)).toBe(false);
  });

  it("is never given to someone else who signs in on that browser, and is discarded then", async () => {
    const response = await sendAfterSessionEnded(
      post("/admin/users/new", await endedSessionCookie(author), new URLSearchParams({ name: "Rhian Evans" })),
    );
    const cookie = keptCookieOf(response);
    const page = get("/admin/users/new", cookie);
    expect(takeKeptForm(page, colleague, asObject)).toBeNull();
    expect(resumeKeptForm(get("/login", cookie), colleague.id)).toBeNull();
    // Gone for everyone, its author included: the next person's sign-in ended it.
    expect(takeKeptForm(page, author, asObject)).toBeNull();
    expect(getDb().select().from(pendingForms).where(eq(pendingForms.userId, author.id)).all()).toEqual([]);
  });

  it("lasts an hour, and expired forms are purged", async () => {
    const sentAt = Date.now();
    const response = await sendAfterSessionEnded(
      post("/posts/new?kind=lesson", await endedSessionCookie(author), new URLSearchParams({ title: "Kept" })),
    );
    const cookie = keptCookieOf(response);
    const page = get("/posts/new?kind=lesson", cookie);
    expect(hasKeptForm(page, new Date(sentAt + HOUR - 5_000))).toBe(true);
    expect(hasKeptForm(page, new Date(sentAt + HOUR + 5_000))).toBe(false);
    expect(takeKeptForm(page, author, asObject, new Date(sentAt + HOUR + 5_000))).toBeNull();
    expect(resumeKeptForm(page, author.id, new Date(sentAt + HOUR + 5_000))).toBeNull();

    const later = await sendAfterSessionEnded(
      post("/posts/new?kind=lesson", await endedSessionCookie(colleague), new URLSearchParams({ title: "Later" })),
    );
    // The author's hour has passed; the colleague's has not.
    getDb()
      .update(pendingForms)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(pendingForms.userId, author.id))
      .run();
    expect(purgeExpiredKeptForms()).toBe(1);
    const left = getDb().select().from(pendingForms).all();
    expect(left.map((row) => row.userId)).toEqual([colleague.id]);
    expect(hasKeptForm(get("/", keptCookieOf(later)))).toBe(true);
  });

  it("is not kept when nobody's session it was can be told, or when there is nothing typed", async () => {
    const before = getDb().select().from(pendingForms).all().length;
    const typed = () => new URLSearchParams({ title: "Typed" });
    // No session at all.
    const anonymous = await sendAfterSessionEnded(post("/posts/new", null, typed()));
    // A session ended on purpose (signed out everywhere): its row is gone.
    const cookie = await endedSessionCookie(author);
    getDb().delete(sessions).where(eq(sessions.userId, author.id)).run();
    const signedOut = await sendAfterSessionEnded(post("/posts/new", cookie, typed()));
    // Only empty fields.
    const empty = await sendAfterSessionEnded(
      post("/posts/new", await endedSessionCookie(author), new URLSearchParams({ title: " ", password: "x" })),
    );
    // A page asked for, not a form sent.
    const read = await sendAfterSessionEnded(get("/posts/new", await endedSessionCookie(author)));
    for (const response of [anonymous, signedOut, empty, read]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("Set-Cookie")).toBeNull();
    }
    expect(getDb().select().from(pendingForms).all()).toHaveLength(before);
  });

  it("ignores a forged or malformed cookie", () => {
    const forged = get("/posts/new", `${keptFormCookieName()}=${"A".repeat(43)}`);
    const malformed = get("/posts/new", `${keptFormCookieName()}=%zz; other=1`);
    for (const request of [forged, malformed]) {
      expect(hasKeptForm(request)).toBe(false);
      expect(takeKeptForm(request, author, asObject)).toBeNull();
    }
  });
});
