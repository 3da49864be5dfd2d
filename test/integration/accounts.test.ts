import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getAccountForAdmin, listAccounts, parseAccountQuery } from "~/auth/account-directory.server";
import {
  findLiveLink,
  issuePasswordReset,
  RESET_LINKS_PER_HOUR,
  setPasswordWithLink,
  tokenHashOf,
  UnusableLinkError,
} from "~/auth/account-links.server";
import {
  deactivateUser,
  endUserSessions,
  inviteUser,
  reactivateUser,
  reinviteUser,
  updateAccount,
} from "~/auth/accounts.server";
import { readSessionId, startSession, validateSession } from "~/auth/lucia.server";
import { changeOwnPassword, endOneOwnSession, endOwnOtherSessions, listOwnSessions } from "~/auth/own-account.server";
import { isCommonPassword, passwordProblem } from "~/auth/password-policy.server";
import type { SessionUser } from "~/auth/principals";
import { authenticate, getUserById } from "~/auth/users.server";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/platform/errors";
import { accountTokens, events, sessions } from "../../db/schema";
import { givenPartner, givenUser, unique } from "../support/factories";

const PASSWORD = "a long enough password";
const NEW_PASSWORD = "quiet meadow lantern 42";
let admin: SessionUser;
let editor: SessionUser;
let torfaenId: number;
let newportId: number;

beforeAll(async () => {
  torfaenId = givenPartner("torfaen", "Torfaen").id;
  newportId = givenPartner("newport", "Newport").id;
  admin = await givenUser("admin", "torfaen", PASSWORD);
  editor = await givenUser("editor", "torfaen", PASSWORD);
});

function eventsOf(userId: string) {
  return getDb()
    .select()
    .from(events)
    .where(and(eq(events.recordType, "user"), eq(events.recordId, userId)))
    .all();
}

function sessionCount(userId: string): number {
  return getDb().select().from(sessions).where(eq(sessions.userId, userId)).all().length;
}

async function signIn(user: SessionUser): Promise<string> {
  const id = readSessionId((await startSession(user.id, { method: "password" })).split(";")[0] ?? "");
  if (!id) throw new Error("no session");
  return id;
}

function invite(overrides: Record<string, unknown> = {}) {
  return inviteUser(admin, {
    name: "Ada Invited",
    email: `${unique("ada")}@example.test`,
    role: "editor",
    partner: "newport",
    ...overrides,
  });
}

function errorOf(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

async function rejectionOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

/** A trigger that makes writing one type of event fail, as a full disk or a bug would. */
function failEventsOfType(type: string): () => void {
  const db = getDb().$client;
  db.exec(`create trigger fail_event before insert on events when new.type = '${type}'
           begin select raise(abort, 'event write failed'); end`);
  return () => db.exec("drop trigger fail_event");
}

describe("the password policy", () => {
  it("refuses common passwords, in any case and dressed up with digits, symbols or repetition", () => {
    for (const common of ["1q2w3e4r5t6y", "QWERTY123456", "Password1234!", "2024sunshine!!", "dragondragon"]) {
      expect([common, isCommonPassword(common)]).toEqual([common, true]);
      expect(passwordProblem(common)).toBe("errors.password.common");
    }
    expect(isCommonPassword(NEW_PASSWORD)).toBe(false);
    expect(passwordProblem(NEW_PASSWORD)).toBeNull();
  });

  it("asks for 12 to 256 characters", () => {
    expect(passwordProblem("short words")).toBe("errors.password.tooShort");
    expect(passwordProblem(`${"x".repeat(11)}y`)).toBeNull();
    expect(passwordProblem(`${"quiet meadow ".repeat(20)}lantern`)).toBe("errors.password.tooLong");
  });
});

describe("invitations", () => {
  it("create an account without a password, keep only the token's hash and log the invitation", () => {
    const { person, token } = invite({ email: "Ada.Upper@Example.TEST" });
    const user = getUserById(person.id);
    expect(user).toMatchObject({ email: "ada.upper@example.test", role: "editor", partnerId: newportId });
    expect(user?.passwordHash).toBeNull();
    const links = getDb().select().from(accountTokens).where(eq(accountTokens.userId, person.id)).all();
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ tokenHash: tokenHashOf(token), purpose: "invitation", createdBy: admin.id });
    expect(JSON.stringify(links)).not.toContain(token);
    const days = ((links[0]?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect(eventsOf(person.id).map((event) => [event.type, event.actorId, event.partnerIds])).toEqual([
      ["user.invited", admin.id, [newportId]],
    ]);
  });

  it("refuse bad input with field errors and make no account", () => {
    const error = errorOf(() => invite({ name: " ", email: "not an email", role: "owner", partner: "" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["email", "name", "partner", "role"]);
    const unknownPartner = errorOf(() => invite({ partner: "atlantis" })) as ValidationError;
    expect(unknownPartner.fieldErrors).toEqual({ partner: ["errors.partner.unknown"] });
    const taken = errorOf(() => invite({ email: editor.email.toUpperCase() })) as ValidationError;
    expect(taken.fieldErrors).toEqual({ email: ["errors.email.taken"] });
    expect(listAccounts(admin, parseAccountQuery(new URLSearchParams("q=atlantis"))).total).toBe(0);
  });

  it("leave the Hub with an administrator when two demote each other at the same moment", async () => {
    const first = await givenUser("admin");
    const second = await givenUser("admin");
    updateAccount(first, second.id, { role: "reader", partner: "torfaen" });
    // The second's session still says administrator; the command reads the role again under the lock.
    expect(errorOf(() => updateAccount(second, first.id, { role: "reader", partner: "torfaen" }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(getUserById(first.id)?.role).toBe("admin");
    expect(errorOf(() => deactivateUser(second, first.id))).toBeInstanceOf(ForbiddenError);
    expect(getUserById(first.id)?.deactivatedAt).toBeNull();
  });

  it("are for administrators only", () => {
    expect(
      errorOf(() => inviteUser(editor, { name: "X", email: "x@example.test", role: "admin", partner: "srs" })),
    ).toBeInstanceOf(ForbiddenError);
    expect(errorOf(() => listAccounts(editor, { page: 1 }))).toBeInstanceOf(ForbiddenError);
    expect(errorOf(() => getAccountForAdmin(editor, admin.id))).toBeInstanceOf(ForbiddenError);
  });

  it("work once: the password is set, the person can sign in, and the link is then refused", async () => {
    const { person, token } = invite();
    const user = await setPasswordWithLink(token, "invitation", {
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(user.id).toBe(person.id);
    expect((await authenticate(person.email, NEW_PASSWORD))?.id).toBe(person.id);
    expect(findLiveLink(token, "invitation")).toBeNull();
    const again = await rejectionOf(
      setPasswordWithLink(token, "invitation", {
        password: "another fine password",
        confirmPassword: "another fine password",
      }),
    );
    expect(again).toBeInstanceOf(UnusableLinkError);
    expect(await authenticate(person.email, "another fine password")).toBeNull();
    expect(eventsOf(person.id).map((event) => event.type)).toEqual(["user.invited", "user.invitation-accepted"]);
  });

  it("used twice at the same moment, set a password only once", async () => {
    const { token } = invite();
    const results = await Promise.allSettled(
      ["first fine password", "second fine password"].map((password) =>
        setPasswordWithLink(token, "invitation", { password, confirmPassword: password }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("refuse a common or mismatched password and stay usable", async () => {
    const { token } = invite();
    const common = await rejectionOf(
      setPasswordWithLink(token, "invitation", { password: "Password1234!", confirmPassword: "Password1234!" }),
    );
    expect((common as ValidationError).fieldErrors).toEqual({ password: ["errors.password.common"] });
    const mismatch = await rejectionOf(
      setPasswordWithLink(token, "invitation", { password: NEW_PASSWORD, confirmPassword: "something else entirely" }),
    );
    expect((mismatch as ValidationError).fieldErrors).toEqual({ confirmPassword: ["errors.password.mismatch"] });
    expect(findLiveLink(token, "invitation")).not.toBeNull();
  });

  it("expire, and are no reset links", async () => {
    const { person, token } = invite();
    expect(findLiveLink(token, "password-reset")).toBeNull();
    expect(findLiveLink(token, "invitation", new Date(Date.now() + 7 * 86_400_000 + 1000))).toBeNull();
    getDb()
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountTokens.userId, person.id))
      .run();
    const expired = await rejectionOf(
      setPasswordWithLink(token, "invitation", { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect(expired).toBeInstanceOf(UnusableLinkError);
    expect(getUserById(person.id)?.passwordHash).toBeNull();
  });

  it("sent again replace the earlier link, and only for people without a password", async () => {
    const { person, token } = invite();
    const second = reinviteUser(admin, person.id);
    expect(findLiveLink(token, "invitation")).toBeNull();
    expect(findLiveLink(second.token, "invitation")?.id).toBe(person.id);
    const refused = errorOf(() => reinviteUser(admin, editor.id)) as ValidationError;
    expect(refused.fieldErrors).toEqual({ invitation: ["errors.account.notInvitable"] });
  });
});

describe("role and partner", () => {
  it("change with one event each, naming the old and new values", async () => {
    const person = await givenUser("reader", "torfaen");
    updateAccount(admin, person.id, { role: "editor", partner: "newport" });
    expect(getUserById(person.id)).toMatchObject({ role: "editor", partnerId: newportId });
    const changes = eventsOf(person.id).filter((event) => event.type !== "user.created");
    expect(changes.map((event) => [event.type, event.actorId, event.data, event.partnerIds])).toEqual([
      ["user.role-changed", admin.id, { from: "reader", to: "editor" }, [newportId]],
      ["user.partner-changed", admin.id, { from: "torfaen", to: "newport" }, [torfaenId, newportId]],
    ]);
    updateAccount(admin, person.id, { role: "editor", partner: "newport" });
    expect(eventsOf(person.id)).toHaveLength(3);
  });

  it("make coordinators of SRS staff only, in invitations and changes alike", async () => {
    givenPartner("srs", "Shared Resource Service", "shared-service");
    const person = await givenUser("reader", "torfaen");
    const outside = errorOf(() => updateAccount(admin, person.id, { role: "coordinator", partner: "torfaen" }));
    expect((outside as ValidationError).fieldErrors).toEqual({ partner: ["errors.partner.coordinatorOutsideSrs"] });
    expect(getUserById(person.id)?.role).toBe("reader");
    const invited = errorOf(() => invite({ role: "coordinator", partner: "newport" })) as ValidationError;
    expect(invited.fieldErrors).toEqual({ partner: ["errors.partner.coordinatorOutsideSrs"] });
    updateAccount(admin, person.id, { role: "coordinator", partner: "srs" });
    expect(getUserById(person.id)?.role).toBe("coordinator");
  });

  it("an administrator cannot demote themselves", () => {
    const error = errorOf(() => updateAccount(admin, admin.id, { role: "reader", partner: "torfaen" }));
    expect((error as ValidationError).fieldErrors).toEqual({ role: ["errors.account.selfDemote"] });
    expect(getUserById(admin.id)?.role).toBe("admin");
  });

  it("an unknown person is not found", () => {
    expect(errorOf(() => updateAccount(admin, "nobody", { role: "reader", partner: "torfaen" }))).toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("deactivation", () => {
  it("ends every session at once, refuses sign-in and links, and is undone by reactivation", async () => {
    const person = await givenUser("editor", "torfaen", PASSWORD);
    const [first, second] = [await signIn(person), await signIn(person)];
    const reset = issuePasswordReset(person.email, { source: "web", actorId: null });
    expect(reset).not.toBeNull();
    deactivateUser(admin, person.id);
    expect(sessionCount(person.id)).toBe(0);
    expect(await validateSession(first)).toBeNull();
    expect(await validateSession(second)).toBeNull();
    expect(await authenticate(person.email, PASSWORD)).toBeNull();
    expect(findLiveLink(reset?.token ?? "", "password-reset")).toBeNull();
    expect(issuePasswordReset(person.email, { source: "web", actorId: null })).toBeNull();
    const deactivated = eventsOf(person.id).find((event) => event.type === "user.deactivated");
    expect(deactivated).toMatchObject({ actorId: admin.id, data: { sessionsEnded: 2 } });

    reactivateUser(admin, person.id);
    expect((await authenticate(person.email, PASSWORD))?.id).toBe(person.id);
    expect(eventsOf(person.id).at(-1)?.type).toBe("user.reactivated");
  });

  it("of oneself is refused, with nothing changed", async () => {
    const session = await signIn(admin);
    const error = errorOf(() => deactivateUser(admin, admin.id));
    expect((error as ValidationError).fieldErrors).toEqual({ deactivate: ["errors.account.selfDeactivate"] });
    expect(getUserById(admin.id)?.deactivatedAt).toBeNull();
    expect(await validateSession(session)).not.toBeNull();
    expect(eventsOf(admin.id).map((event) => event.type)).not.toContain("user.deactivated");
  });

  it("and its event commit together: when the event cannot be written, the account stays active and signed in", async () => {
    const person = await givenUser("reader", "torfaen", PASSWORD);
    const session = await signIn(person);
    const restore = failEventsOfType("user.deactivated");
    try {
      expect(() => deactivateUser(admin, person.id)).toThrow(/event write failed/);
    } finally {
      restore();
    }
    expect(getUserById(person.id)?.deactivatedAt).toBeNull();
    expect(await validateSession(session)).not.toBeNull();
  });
});

describe("an administrator ending someone's sessions", () => {
  it("signs them out everywhere, logged with the count", async () => {
    const person = await givenUser("reader", "torfaen", PASSWORD);
    await signIn(person);
    await signIn(person);
    expect(endUserSessions(admin, person.id)).toBe(2);
    expect(sessionCount(person.id)).toBe(0);
    expect(eventsOf(person.id).at(-1)).toMatchObject({ type: "user.sessions-ended", data: { sessionsEnded: 2 } });
    expect(errorOf(() => endUserSessions(editor, person.id))).toBeInstanceOf(ForbiddenError);
  });
});

describe("password resets", () => {
  it("answer nothing for unknown addresses, and issue a 1-hour link for real ones", () => {
    expect(issuePasswordReset("nobody@example.test", { source: "web", actorId: null })).toBeNull();
    const reset = issuePasswordReset(editor.email.toUpperCase(), { source: "web", actorId: null });
    expect(reset?.user.id).toBe(editor.id);
    const row = getDb()
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.tokenHash, tokenHashOf(reset?.token ?? "")))
      .get();
    const minutes = ((row?.expiresAt.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59.9);
    expect(minutes).toBeLessThanOrEqual(60);
    expect(findLiveLink(reset?.token ?? "", "password-reset", new Date(Date.now() + 61 * 60_000))).toBeNull();
  });

  it("set the new password once and end every session the account had", async () => {
    const person = await givenUser("editor", "torfaen", PASSWORD);
    const sessionsBefore = [await signIn(person), await signIn(person)];
    const reset = issuePasswordReset(person.email, { source: "web", actorId: null });
    const token = reset?.token ?? "";
    await setPasswordWithLink(token, "password-reset", { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    for (const session of sessionsBefore) expect(await validateSession(session)).toBeNull();
    expect((await authenticate(person.email, NEW_PASSWORD))?.id).toBe(person.id);
    expect(await authenticate(person.email, PASSWORD)).toBeNull();
    const again = await rejectionOf(
      setPasswordWithLink(token, "password-reset", { password: PASSWORD, confirmPassword: PASSWORD }),
    );
    expect(again).toBeInstanceOf(UnusableLinkError);
    expect(eventsOf(person.id).map((event) => event.type)).toEqual([
      "user.created",
      "user.password-reset-requested",
      "user.password-reset-completed",
    ]);
    expect(eventsOf(person.id).at(-1)?.data).toEqual({ sessionsEnded: 2 });
  });

  it(`are limited to ${RESET_LINKS_PER_HOUR} an hour from the web, not from the service desk's script`, async () => {
    const person = await givenUser("reader", "torfaen", PASSWORD);
    const issued = Array.from({ length: RESET_LINKS_PER_HOUR + 1 }, () =>
      issuePasswordReset(person.email, { source: "web", actorId: null }),
    );
    expect(issued.map((reset) => reset !== null)).toEqual([true, true, true, false]);
    // Only the newest link works.
    expect(findLiveLink(issued[0]?.token ?? "", "password-reset")).toBeNull();
    expect(findLiveLink(issued[2]?.token ?? "", "password-reset")?.id).toBe(person.id);
    expect(issuePasswordReset(person.email, { source: "script", actorId: null })).not.toBeNull();
  });
});

describe("one's own account", () => {
  it("lists one's live sessions with the current one marked, and ends only one's own", async () => {
    const person = await givenUser("reader", "torfaen", PASSWORD);
    const [current, other] = [await signIn(person), await signIn(person)];
    const listed = listOwnSessions(person, current);
    expect(listed.map((session) => [session.id === current, session.current])).toContainEqual([true, true]);
    expect(listed).toHaveLength(2);
    expect(errorOf(() => endOneOwnSession(editor, other))).toBeInstanceOf(NotFoundError);
    endOneOwnSession(person, other);
    expect(await validateSession(other)).toBeNull();
    await signIn(person);
    expect(endOwnOtherSessions(person, current)).toBe(1);
    expect(await validateSession(current)).not.toBeNull();
  });

  it("changes the password only with the current one, refuses common ones, and ends the other sessions", async () => {
    const person = await givenUser("editor", "torfaen", PASSWORD);
    const [current, other] = [await signIn(person), await signIn(person)];
    const change = (currentPassword: string, password: string, confirmPassword = password) =>
      rejectionOf(changeOwnPassword(person, current, { currentPassword, password, confirmPassword }, "127.0.0.9"));
    expect(((await change("wrong password!", NEW_PASSWORD)) as ValidationError).fieldErrors).toEqual({
      currentPassword: ["errors.password.currentWrong"],
    });
    expect(((await change(PASSWORD, "qwerty123456")) as ValidationError).fieldErrors).toEqual({
      password: ["errors.password.common"],
    });
    expect(((await change(PASSWORD, "too short")) as ValidationError).fieldErrors).toEqual({
      password: ["errors.password.tooShort"],
    });
    expect(await validateSession(other)).not.toBeNull();
    const result = await changeOwnPassword(
      person,
      current,
      { currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      "127.0.0.9",
    );
    expect(result).toEqual({ otherSessionsEnded: 1 });
    expect(await validateSession(other)).toBeNull();
    expect(await validateSession(current)).not.toBeNull();
    expect((await authenticate(person.email, NEW_PASSWORD))?.id).toBe(person.id);
    expect(eventsOf(person.id).at(-1)).toMatchObject({
      type: "user.password-changed",
      actorId: person.id,
      data: { otherSessionsEnded: 1 },
    });
  });

  it("void every outstanding link when a password is set: an open invitation or an earlier reset cannot undo it", async () => {
    // A reset asked for, then the password changed another way: the reset link is dead.
    const person = await givenUser("editor", "torfaen", PASSWORD);
    const reset = issuePasswordReset(person.email, { source: "web", actorId: null });
    const current = await signIn(person);
    await changeOwnPassword(
      person,
      current,
      { currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      "127.0.0.9",
    );
    expect(reset && findLiveLink(reset.token, "password-reset")).toBeNull();

    // An invitation accepted, then a reset completed: a second invitation link issued meanwhile is dead,
    // and an invitation never overwrites a password that exists.
    const { person: invited, token } = invite();
    await setPasswordWithLink(token, "invitation", { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    const late = getDb()
      .insert(accountTokens)
      .values({
        tokenHash: tokenHashOf("a".repeat(43)),
        purpose: "invitation",
        userId: invited.id,
        createdBy: admin.id,
        expiresAt: new Date(Date.now() + 60_000),
      })
      .returning()
      .get();
    expect(late).toBeTruthy();
    expect(findLiveLink("a".repeat(43), "invitation")).toBeNull();
    const second = issuePasswordReset(invited.email, { source: "web", actorId: null });
    await setPasswordWithLink(second?.token ?? "", "password-reset", {
      password: "yet another fine password",
      confirmPassword: "yet another fine password",
    });
    expect(
      getDb()
        .select()
        .from(accountTokens)
        .where(eq(accountTokens.userId, invited.id))
        .all()
        .filter((row) => !row.usedAt),
    ).toEqual([]);
  });
});

describe("the administrators' view", () => {
  it("finds people by name or email, role and partner, and shows their history", async () => {
    const { person } = invite({ name: "Zebedee 100% Searchable", role: "reader", partner: "newport" });
    const find = (search: string) => listAccounts(admin, parseAccountQuery(new URLSearchParams(search)));
    expect(find("q=zebedee 100%").people.map((row) => row.id)).toEqual([person.id]);
    expect(find("q=zebedee 1000").total).toBe(0);
    expect(find(`q=${encodeURIComponent(person.email.toUpperCase())}`).people[0]?.invited).toBe(true);
    expect(find("q=zebedee&role=reader&partner=newport").total).toBe(1);
    expect(find("q=zebedee&role=editor").total).toBe(0);
    expect(find("q=zebedee&partner=torfaen").total).toBe(0);
    const view = getAccountForAdmin(admin, person.id);
    expect(view.person).toMatchObject({ name: "Zebedee 100% Searchable", hasPassword: false });
    expect(view.history.map((event) => [event.type, event.actorName])).toEqual([["user.invited", admin.name]]);
    expect(errorOf(() => getAccountForAdmin(admin, "nobody"))).toBeInstanceOf(NotFoundError);
  });
});
