/** The typed-link rules: which relations accept which kinds, and who may link what (decision 043). */
import { describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { mayManageLinkBetween } from "~/links/link-commands.server";
import type { LinkEnd } from "~/links/link-ends.server";
import { acceptsKind, otherEndType, relationsFor, relationsOfType } from "~/links/link-relations";

const user = (role: SessionUser["role"], partnerId: number, id = `${role}-${partnerId}`): SessionUser => ({
  id,
  email: `${id}@example.test`,
  name: id,
  role,
  partnerId,
  boardSeats: [],
});

const item = (ownerId: string | null): LinkEnd => ({
  type: "roadmap_item",
  id: "1",
  slug: "m365",
  title: "Microsoft 365 roll-out",
  titleCy: null,
  url: "/roadmap/m365",
  status: "in-progress",
  kind: null,
  partnerIds: [1, 2],
  access: { ownerId },
});

const post = (partnerId: number, status = "published", kind = "lesson"): LinkEnd => ({
  type: "post",
  id: "7",
  slug: "teams",
  title: "Teams in three weeks",
  titleCy: null,
  url: "/posts/teams",
  status,
  kind,
  partnerIds: [partnerId],
  access: null,
});

describe("relations per kind", () => {
  it("accepts aspirations and strategies for drives, lessons and case studies for informs and learned-from, case studies alone for delivers", () => {
    expect(relationsFor("roadmap_item", "post", "aspiration")).toEqual(["drives"]);
    expect(relationsFor("roadmap_item", "post", "strategy")).toEqual(["drives"]);
    expect(relationsFor("roadmap_item", "post", "lesson")).toEqual(["informs", "learned-from"]);
    expect(relationsFor("roadmap_item", "post", "case-study")).toEqual(["informs", "learned-from", "delivers"]);
    expect(acceptsKind("delivers", "roadmap_item", "post", "lesson")).toBe(false);
    expect(acceptsKind("drives", "roadmap_item", "post", "lesson")).toBe(false);
    expect(acceptsKind("informs", "roadmap_item", "post", null)).toBe(false);
    // The ends are not interchangeable: a post holds no links to items.
    expect(relationsFor("post", "roadmap_item", "lesson")).toEqual([]);
    expect(acceptsKind("nonsense", "roadmap_item", "post", "lesson")).toBe(false);
  });

  it("knows each side's relations and what each type's picker searches", () => {
    expect(relationsOfType("roadmap_item", "subject")).toEqual(["drives", "informs", "learned-from", "delivers"]);
    expect(relationsOfType("post", "object")).toEqual(["drives", "informs", "learned-from", "delivers"]);
    expect(otherEndType("roadmap_item")).toEqual({ type: "post", side: "object" });
    expect(otherEndType("post")).toEqual({ type: "roadmap_item", side: "subject" });
    expect(otherEndType("partner")).toBeNull();
  });
});

describe("who may link", () => {
  const owner = user("reader", 3, "owner");
  it("lets the item's owner link any post, and the post's partner's editors link it to any item", () => {
    expect(mayManageLinkBetween(owner, { subject: item("owner"), object: post(9) }, "drives")).toBe(true);
    expect(mayManageLinkBetween(user("editor", 9), { subject: item("someone"), object: post(9) }, "drives")).toBe(true);
    expect(mayManageLinkBetween(user("admin", 1), { subject: item(null), object: post(9) }, "drives")).toBe(true);
  });

  it("refuses another partner's editor, a coordinator who does not own the item, and readers", () => {
    expect(mayManageLinkBetween(user("editor", 4), { subject: item("owner"), object: post(9) }, "drives")).toBe(false);
    expect(mayManageLinkBetween(user("coordinator", 1), { subject: item("owner"), object: post(9) }, "drives")).toBe(
      false,
    );
    expect(mayManageLinkBetween(user("reader", 9), { subject: item("owner"), object: post(9) }, "drives")).toBe(false);
    expect(mayManageLinkBetween(owner, { subject: item("other"), object: post(9) }, "drives")).toBe(false);
  });
});
