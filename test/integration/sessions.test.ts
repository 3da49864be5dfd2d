import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { readSessionId, startSession, validateSession } from "~/auth/lucia.server";
import type { SessionUser } from "~/auth/principals";
import { authenticate, createUser } from "~/auth/users.server";
import { getDb } from "~/platform/db.server";
import { ValidationError } from "~/platform/errors";
import { sessions, users } from "../../db/schema";
import { givenBoard, givenSeat } from "../support/board-rows";
import { givenPartner, givenUser, unique } from "../support/factories";

let user: SessionUser;

beforeAll(async () => {
  givenPartner("torfaen");
  user = await givenUser("editor", "torfaen", "a long enough password");
});

function sessionIdFrom(setCookie: string): string {
  const id = readSessionId(setCookie.split(";")[0] ?? "");
  if (!id) throw new Error(`no session in ${setCookie}`);
  return id;
}

describe("accounts", () => {
  it("stores an argon2id hash at OWASP parameters, never the password", () => {
    const row = getDb().select().from(users).where(eq(users.id, user.id)).get();
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.passwordHash).not.toContain("a long enough password");
  });

  it("authenticates with the right password only, whatever the email's case", async () => {
    expect((await authenticate(user.email.toUpperCase(), "a long enough password"))?.id).toBe(user.id);
    expect(await authenticate(user.email, "a long enough passwore")).toBeNull();
    expect(await authenticate("nobody@example.test", "a long enough password")).toBeNull();
  });

  it("rejects bad accounts with field errors", async () => {
    const attempt = (input: Parameters<typeof createUser>[0]) =>
      createUser(input).then(
        () => null,
        (error) => error,
      );
    const short = await attempt({
      email: `${unique("x")}@example.test`,
      name: "X",
      role: "reader",
      partnerSlug: "torfaen",
      password: "short",
    });
    expect(short).toBeInstanceOf(ValidationError);
    expect(short.fieldErrors.password).toEqual(["errors.password.tooShort"]);
    const readerWithoutPartner = await attempt({
      email: `${unique("x")}@example.test`,
      name: "X",
      role: "reader",
      password: "long enough password",
    } as Parameters<typeof createUser>[0]);
    expect(readerWithoutPartner.fieldErrors.partnerSlug).toEqual(["errors.partner.required"]);
    const duplicate = await attempt({
      email: user.email,
      name: "X",
      role: "reader",
      partnerSlug: "torfaen",
      password: "long enough password",
    });
    expect(duplicate.fieldErrors.email).toEqual(["errors.email.taken"]);
    const unknownPartner = await attempt({
      email: `${unique("x")}@example.test`,
      name: "X",
      role: "editor",
      partnerSlug: "atlantis",
      password: "long enough password",
    });
    expect(unknownPartner.fieldErrors.partnerSlug).toEqual(["errors.partner.unknown"]);
  });
});

describe("sessions", () => {
  it("sets an HttpOnly, SameSite=Lax cookie and a new session at every sign-in", async () => {
    const first = await startSession(user.id, { method: "password" });
    const second = await startSession(user.id, { method: "password" });
    expect(first).toMatch(/^srs_hub_session=/);
    expect(first).toContain("HttpOnly");
    expect(first).toContain("SameSite=Lax");
    expect(first).not.toContain("Secure"); // only in production
    expect(sessionIdFrom(first)).not.toBe(sessionIdFrom(second));
    expect((await validateSession(sessionIdFrom(first)))?.user).toEqual(user);
  });

  it("ends a session left idle past its expiry", async () => {
    const id = sessionIdFrom(await startSession(user.id, { method: "password" }));
    getDb()
      .update(sessions)
      .set({ expiresAt: Math.floor(Date.now() / 1000) - 1 })
      .where(eq(sessions.id, id))
      .run();
    expect(await validateSession(id)).toBeNull();
  });

  it("ends a session past its absolute lifetime even while it is in use", async () => {
    const id = sessionIdFrom(await startSession(user.id, { method: "password" }));
    const eightDaysAgo = Math.floor(Date.now() / 1000) - 8 * 24 * 3600;
    getDb().update(sessions).set({ createdAt: eightDaysAgo }).where(eq(sessions.id, id)).run();
    expect(await validateSession(id)).toBeNull();
    expect(getDb().select().from(sessions).where(eq(sessions.id, id)).get()).toBeUndefined();
  });

  it("stores only a hash of the cookie's token, so a copy of the database cannot open a session", async () => {
    const cookie = (await startSession(user.id, { method: "password" })).split(";")[0] ?? "";
    const token = cookie.slice(cookie.indexOf("=") + 1);
    const stored = getDb()
      .select({ id: sessions.id })
      .from(sessions)
      .all()
      .map((row) => row.id);
    expect(stored).not.toContain(token);
    expect(stored).toContain(sessionIdFrom(cookie));
    // Presenting a stored id as if it were a cookie's token finds nothing.
    const stolen = stored.find((id) => id === sessionIdFrom(cookie)) ?? "";
    expect(readSessionId(`srs_hub_session=${stolen}`)).not.toBe(stolen);
    expect(await validateSession(readSessionId(`srs_hub_session=${stolen}`) ?? "")).toBeNull();
  });

  it("reads a malformed Cookie header as no cookie, never an error", async () => {
    const cookie = (await startSession(user.id, { method: "password" })).split(";")[0] ?? "";
    expect(readSessionId("analytics=100%")).toBeNull();
    expect(readSessionId(`analytics=100%; ${cookie}`)).toBe(sessionIdFrom(cookie));
    expect(readSessionId("srs_hub_session=%E0%A4%A")).toBeNull();
    expect(readSessionId('=; ;;srs_hub_session="')).toBeNull();
  });

  it("refuses a deactivated account's sessions and its password", async () => {
    const person = await givenUser("reader", "torfaen", "a long enough password");
    const id = sessionIdFrom(await startSession(person.id, { method: "password" }));
    getDb().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, person.id)).run();
    expect(await validateSession(id)).toBeNull();
    expect(await authenticate(person.email, "a long enough password")).toBeNull();
  });

  it("knows nothing of a made-up session id", async () => {
    expect(await validateSession("made-up-session-id")).toBeNull();
  });
});

describe("board seats", () => {
  it("come with every session, so a seat given counts from the person's next request", async () => {
    const person = await givenUser("reader", "torfaen");
    const sessionId = sessionIdFrom(await startSession(person.id, { method: "password" }));
    expect((await validateSession(sessionId))?.user.boardSeats).toEqual([]);
    const board = givenBoard();
    givenSeat(person, board.id, "secretary");
    expect((await validateSession(sessionId))?.user.boardSeats).toEqual([{ boardId: board.id, role: "secretary" }]);
  });
});
