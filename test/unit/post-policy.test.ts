import { describe, expect, it } from "vitest";
import { ADMIN, COORDINATOR, EVERYONE, principalsOf, type SessionUser } from "~/auth/principals";
import {
  canOnPost,
  canRecordApplication,
  canRegisterInterest,
  canWriteForPartner,
  canWritePosts,
  postPolicy,
} from "~/posts/post-policy.server";

const TORFAEN = 4;
const NEWPORT = 1;
/** Everyone belongs to a partner: SRS staff to the SRS. */
const SRS = 9;
const user = (role: SessionUser["role"], partnerId: number = SRS): SessionUser => ({
  id: role,
  email: `${role}@example.test`,
  name: role,
  role,
  partnerId,
  boardSeats: [],
});
const reader = user("reader");
const torfaenReader = user("reader", TORFAEN);
const torfaenEditor = user("editor", TORFAEN);
const newportEditor = user("editor", NEWPORT);
const admin = user("admin");

describe("principals", () => {
  it("gives everyone the everyone principal, and the rest by role and partner", () => {
    const me = (who: SessionUser) => `user:${who.id}`;
    expect(principalsOf(reader)).toEqual([EVERYONE, me(reader), "partner:9:member"]);
    expect(principalsOf(torfaenReader)).toEqual([EVERYONE, me(torfaenReader), "partner:4:member"]);
    expect(principalsOf(torfaenEditor)).toEqual([EVERYONE, me(torfaenEditor), "partner:4:member", "partner:4:editor"]);
    expect(principalsOf(admin)).toEqual([EVERYONE, me(admin), ADMIN, "partner:9:member"]);
    const coordinator = user("coordinator");
    expect(principalsOf(coordinator)).toEqual([EVERYONE, me(coordinator), COORDINATOR, "partner:9:member"]);
  });
});

describe("the post policy", () => {
  it.each([
    ["published", reader, true],
    ["draft", reader, false],
    ["archived", reader, false],
    ["draft", torfaenReader, false],
    ["draft", newportEditor, false],
    ["draft", torfaenEditor, true],
    ["archived", torfaenEditor, true],
    ["draft", admin, true],
  ] as const)("lets a %s Torfaen post be read by %o: %s", (status, who, expected) => {
    expect(canOnPost(who, "read", { partnerId: TORFAEN, status })).toBe(expected);
  });

  it("gives published posts to everyone and the rest to the partner's editors and admins", () => {
    expect(postPolicy.readers({ partnerId: TORFAEN, status: "published" })).toEqual([EVERYONE]);
    expect(postPolicy.readers({ partnerId: TORFAEN, status: "draft" })).toEqual(["partner:4:editor", ADMIN]);
  });

  it.each(["edit", "delete", "readDraftHistory"] as const)(
    "lets only the partner's editors and admins %s",
    (action) => {
      const post = { partnerId: TORFAEN, status: "published" } as const;
      expect(canOnPost(torfaenEditor, action, post)).toBe(true);
      expect(canOnPost(admin, action, post)).toBe(true);
      expect(canOnPost(newportEditor, action, post)).toBe(false);
      expect(canOnPost(torfaenReader, action, post)).toBe(false);
      expect(canOnPost(reader, action, post)).toBe(false);
    },
  );

  it("lets editors write for their own partner only, and admins for any", () => {
    expect(canWriteForPartner(torfaenEditor, TORFAEN)).toBe(true);
    expect(canWriteForPartner(torfaenEditor, NEWPORT)).toBe(false);
    expect(canWriteForPartner(admin, NEWPORT)).toBe(true);
    expect(canWriteForPartner(torfaenReader, TORFAEN)).toBe(false);
    expect(canWritePosts(reader)).toBe(false);
    expect(canWritePosts(torfaenEditor)).toBe(true);
    expect(canWritePosts(admin)).toBe(true);
  });
});

describe("recording that a partner applied a post", () => {
  const lesson = { partnerId: TORFAEN, status: "published", kind: "lesson" } as const;
  it("is for any member of another partner, on a published lesson or case study", () => {
    for (const person of [reader, newportEditor, admin]) expect(canRecordApplication(person, lesson)).toBe(true);
    expect(canRecordApplication(reader, { ...lesson, kind: "case-study" })).toBe(true);
  });
  it("is never for the post's own partner, a draft or archived post, an aspiration or a strategy", () => {
    expect(canRecordApplication(torfaenReader, lesson)).toBe(false);
    expect(canRecordApplication(torfaenEditor, lesson)).toBe(false);
    expect(canRecordApplication(admin, { ...lesson, status: "draft" })).toBe(false);
    expect(canRecordApplication(admin, { ...lesson, status: "archived" })).toBe(false);
    expect(canRecordApplication(reader, { ...lesson, kind: "aspiration" })).toBe(false);
    expect(canRecordApplication(reader, { ...lesson, kind: "strategy" })).toBe(false);
  });
});

describe("registering that a partner wants an aspiration too", () => {
  const aspiration = { partnerId: TORFAEN, status: "published", kind: "aspiration" } as const;
  it("is for any member of another partner (readers, editors, coordinators, admins), on a published aspiration", () => {
    for (const person of [reader, newportEditor, admin, user("coordinator")])
      expect(canRegisterInterest(person, aspiration)).toBe(true);
  });
  it("is never for the aspiration's own partner, a draft or archived one, or any other kind", () => {
    expect(canRegisterInterest(torfaenReader, aspiration)).toBe(false);
    expect(canRegisterInterest(torfaenEditor, aspiration)).toBe(false);
    expect(canRegisterInterest(admin, { ...aspiration, status: "draft" })).toBe(false);
    expect(canRegisterInterest(admin, { ...aspiration, status: "archived" })).toBe(false);
    for (const kind of ["lesson", "case-study", "strategy"] as const)
      expect(canRegisterInterest(reader, { ...aspiration, kind })).toBe(false);
    // And "we applied this" is not said of an aspiration: each response has its own kinds.
    expect(canRecordApplication(reader, aspiration)).toBe(false);
  });
});
