import { describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { ForbiddenError } from "~/platform/errors";
import { isStale } from "~/roadmap/review-staleness";
import {
  authorizeRoadmapItem,
  canCreateRoadmapItems,
  canManageRoadmapThemes,
  canOnRoadmapItem,
} from "~/roadmap/roadmap-policy.server";

const user = (id: string, role: SessionUser["role"], partnerId = 9): SessionUser => ({
  id,
  email: `${id}@example.test`,
  name: id,
  role,
  partnerId,
  boardSeats: [],
});
const owner = user("owner", "editor", 4);
const otherEditor = user("other-editor", "editor", 4);
const reader = user("reader", "reader");
const coordinator = user("coordinator", "coordinator");
const admin = user("admin", "admin");
const item = { ownerId: owner.id };

describe("who may do what to a roadmap item", () => {
  it("lets everyone read, and only coordinators and administrators create", () => {
    for (const who of [owner, otherEditor, reader, coordinator, admin])
      expect(canOnRoadmapItem(who, "read", item)).toBe(true);
    expect([owner, otherEditor, reader, coordinator, admin].map(canCreateRoadmapItems)).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it("lets the owner, coordinators and administrators edit and post updates; nobody else", () => {
    for (const action of ["edit", "postUpdate"] as const) {
      expect(
        [owner, otherEditor, reader, coordinator, admin].map((who) => canOnRoadmapItem(who, action, item)),
      ).toEqual([true, false, false, true, true]);
    }
  });

  it("lets only coordinators and administrators assign the owner, and only the owner and administrators manage links", () => {
    expect([owner, coordinator, admin].map((who) => canOnRoadmapItem(who, "assignOwner", item))).toEqual([
      false,
      true,
      true,
    ]);
    expect([owner, coordinator, admin].map((who) => canOnRoadmapItem(who, "manageLinks", item))).toEqual([
      true,
      false,
      true,
    ]);
  });

  it("gives an item without an owner to coordinators and administrators alone", () => {
    expect(canOnRoadmapItem(owner, "edit", { ownerId: null })).toBe(false);
    expect(canOnRoadmapItem(coordinator, "edit", { ownerId: null })).toBe(true);
    expect(() => authorizeRoadmapItem(reader, "edit", item)).toThrow(ForbiddenError);
  });
});

describe("roadmap themes", () => {
  it("are added by administrators alone", () => {
    expect(canManageRoadmapThemes(user("a", "admin"))).toBe(true);
    for (const role of ["coordinator", "editor", "reader"] as const) {
      expect(canManageRoadmapThemes(user(role, role))).toBe(false);
    }
  });
});

describe("staleness", () => {
  const day = 24 * 60 * 60 * 1000;
  const now = Date.UTC(2026, 5, 1);
  it("flags an item not reviewed for more than 90 days", () => {
    expect(isStale(now - 90 * day, now)).toBe(false);
    expect(isStale(now - 90 * day - 1, now)).toBe(true);
  });
});
