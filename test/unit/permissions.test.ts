import { describe, expect, it } from "vitest";
import {
  canCreatePosts,
  canEditPost,
  canReadPost,
  partnersWithUnpublishedAccess,
  type SessionUser,
} from "~/auth/permissions";

const TORFAEN = 4;
const NEWPORT = 1;
const user = (role: SessionUser["role"], partnerId: number | null = null): SessionUser => ({
  id: role,
  email: `${role}@example.test`,
  name: role,
  role,
  partnerId,
});
const reader = user("reader");
const torfaenEditor = user("editor", TORFAEN);
const newportEditor = user("editor", NEWPORT);
const admin = user("admin");

describe("permissions", () => {
  it.each([
    ["published", reader, true],
    ["draft", reader, false],
    ["archived", reader, false],
    ["draft", newportEditor, false],
    ["draft", torfaenEditor, true],
    ["archived", torfaenEditor, true],
    ["draft", admin, true],
  ] as const)("reading a %s Torfaen post as %o gives %s", (status, who, expected) => {
    expect(canReadPost(who, { partnerId: TORFAEN, status })).toBe(expected);
  });

  it("lets only the partner's editors and admins edit its posts", () => {
    const post = { partnerId: TORFAEN, status: "published" } as const;
    expect(canEditPost(torfaenEditor, post)).toBe(true);
    expect(canEditPost(admin, post)).toBe(true);
    expect(canEditPost(newportEditor, post)).toBe(false);
    expect(canEditPost(reader, post)).toBe(false);
  });

  it("lets editors with a partner and admins write", () => {
    expect(canCreatePosts(reader)).toBe(false);
    expect(canCreatePosts(user("editor", null))).toBe(false);
    expect(canCreatePosts(torfaenEditor)).toBe(true);
    expect(canCreatePosts(admin)).toBe(true);
  });

  it("scopes unpublished posts to the editor's partner", () => {
    expect(partnersWithUnpublishedAccess(admin)).toBeNull();
    expect(partnersWithUnpublishedAccess(torfaenEditor)).toEqual([TORFAEN]);
    expect(partnersWithUnpublishedAccess(reader)).toEqual([]);
  });
});
