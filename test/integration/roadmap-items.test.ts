import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/platform/errors";
import { recordAtOldAddress } from "~/platform/record-redirects.server";
import { todayInUk } from "~/posts/post-dates";
import { createRoadmapItem } from "~/roadmap/create-roadmap-item.server";
import { postProgressUpdate } from "~/roadmap/post-progress-update.server";
import type { RoadmapItemFields } from "~/roadmap/roadmap-item-schemas";
import {
  findRoadmapItemBySlug,
  getRoadmapItemForReading,
  listRoadmapItemRevisions,
  listRoadmapUpdates,
  roadmapItemTimeline,
} from "~/roadmap/roadmap-items.server";
import { listRoadmapOwners } from "~/roadmap/roadmap-references.server";
import { addRoadmapTheme, listRoadmapThemes } from "~/roadmap/roadmap-themes.server";
import { markRoadmapItemReviewed, updateRoadmapItem } from "~/roadmap/update-roadmap-item.server";
import { events, revisions, roadmapItems, roadmapUpdates } from "../../db/schema";
import { givenPartner, givenUser, unique } from "../support/factories";

let coordinator: SessionUser;
let admin: SessionUser;
let owner: SessionUser;
let secondOwner: SessionUser;
let reader: SessionUser;
let otherEditor: SessionUser;
let torfaenId: number;

beforeAll(async () => {
  torfaenId = givenPartner("torfaen", "Torfaen County Borough Council").id;
  givenPartner("newport", "Newport City Council");
  coordinator = await givenUser("coordinator");
  admin = await givenUser("admin");
  owner = await givenUser("editor", "torfaen");
  secondOwner = await givenUser("editor", "newport");
  otherEditor = await givenUser("editor", "torfaen");
  reader = await givenUser("reader", "torfaen");
});

function itemFields(overrides: RoadmapItemFields = {}): RoadmapItemFields {
  return {
    title: `Microsoft 365 roll-out ${unique("m")}`,
    summary: "Every partner on Microsoft 365.",
    description: "## Plan\n\nMove mailboxes first. <script>alert(1)</script>",
    theme: "collaboration-and-productivity",
    status: "planned",
    startQuarter: "2026-Q1",
    targetQuarter: "2026-Q4",
    partners: ["torfaen", "newport"],
    owner: owner.id,
    ...overrides,
  };
}

function validationErrorOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

const itemCount = () => getDb().select({ n: count() }).from(roadmapItems).get()?.n ?? 0;
const eventsOf = (id: number) =>
  getDb()
    .select()
    .from(events)
    .where(and(eq(events.recordType, "roadmap_item"), eq(events.recordId, String(id))))
    .orderBy(events.id)
    .all();

describe("createRoadmapItem", () => {
  it("saves the item with its partners, owner, rendered description, a revision and one event", () => {
    const saved = createRoadmapItem({ actor: coordinator, fields: itemFields({ title: "Cloud telephony for all" }) });
    expect(saved.slug).toMatch(/^cloud-telephony-for-all/);
    const item = getRoadmapItemForReading(reader, saved.slug);
    expect(item).toMatchObject({
      status: "planned",
      ownerId: owner.id,
      startQuarter: "2026-Q1",
      targetQuarter: "2026-Q4",
    });
    expect(item.theme.slug).toBe("collaboration-and-productivity");
    expect(item.partners.map((partner) => partner.slug).sort()).toEqual(["newport", "torfaen"]);
    expect(item.owner?.name).toBe(owner.name);
    expect(item.rendered?.html.description).toContain("<h3");
    expect(item.rendered?.html.description).not.toContain("<script");
    expect(Date.now() - item.reviewedAt.getTime()).toBeLessThan(60_000);
    const [revision] = listRoadmapItemRevisions(item.id);
    expect(revision?.snapshot).toMatchObject({
      title: "Cloud telephony for all",
      titleCy: null,
      descriptionCy: null,
      theme: "collaboration-and-productivity",
      partners: ["newport", "torfaen"],
      ownerId: owner.id,
    });
    expect(revision).toMatchObject({ schemaVersion: 1, restricted: false, actorName: coordinator.name });
    const logged = eventsOf(item.id);
    expect(logged.map((event) => event.type)).toEqual(["roadmap_item.created"]);
    expect(logged[0]?.partnerIds.sort()).toEqual(item.partnerIds.sort());
    expect(saved.eventId).toBe(logged[0]?.id);
  });

  it("lets only coordinators and administrators create, writing nothing otherwise", () => {
    const before = itemCount();
    for (const actor of [owner, reader]) {
      expect(() => createRoadmapItem({ actor, fields: itemFields() })).toThrow(ForbiddenError);
    }
    // Forbidden comes before any word on the input.
    expect(() => createRoadmapItem({ actor: reader, fields: {} })).toThrow(ForbiddenError);
    expect(itemCount()).toBe(before);
    expect(createRoadmapItem({ actor: admin, fields: itemFields() }).id).toBeGreaterThan(0);
  });

  it("refuses an unknown quarter, a target before the start, an unknown theme, partner or owner", () => {
    const before = itemCount();
    expect(
      validationErrorOf(() =>
        createRoadmapItem({ actor: coordinator, fields: itemFields({ startQuarter: "2026-Q7" }) }),
      ),
    ).toEqual({
      startQuarter: ["roadmap.errors.startQuarter.invalid"],
    });
    expect(
      validationErrorOf(() =>
        createRoadmapItem({
          actor: coordinator,
          fields: itemFields({ startQuarter: "2027-Q1", targetQuarter: "2026-Q4" }),
        }),
      ),
    ).toEqual({ targetQuarter: ["roadmap.errors.targetQuarter.beforeStart"] });
    expect(
      validationErrorOf(() =>
        createRoadmapItem({
          actor: coordinator,
          fields: itemFields({ theme: "space-travel", partners: ["atlantis"], owner: "nobody" }),
        }),
      ),
    ).toEqual({
      theme: ["roadmap.errors.theme.unknown"],
      partners: ["roadmap.errors.partners.unknown"],
      owner: ["roadmap.errors.owner.unknown"],
    });
    // A reader cannot own an item: they could not edit it.
    expect(
      validationErrorOf(() => createRoadmapItem({ actor: coordinator, fields: itemFields({ owner: reader.id }) })),
    ).toEqual({
      owner: ["roadmap.errors.owner.unknown"],
    });
    expect(itemCount()).toBe(before);
  });

  it("makes a fresh slug from a taken title, and refuses a typed slug another item holds", () => {
    const title = `Same title ${unique("t")}`;
    const first = createRoadmapItem({ actor: coordinator, fields: itemFields({ title }) });
    const second = createRoadmapItem({ actor: coordinator, fields: itemFields({ title }) });
    expect(second.slug).not.toBe(first.slug);
    expect(second.slug.startsWith(first.slug)).toBe(true);
    expect(
      validationErrorOf(() => createRoadmapItem({ actor: coordinator, fields: itemFields({ slug: first.slug }) })),
    ).toEqual({
      slug: ["roadmap.errors.slug.taken"],
    });
  });

  it("offers owners from active staff who edit, coordinate or administer", () => {
    const ids = listRoadmapOwners().map((person) => person.id);
    expect(ids).toEqual(expect.arrayContaining([owner.id, coordinator.id, admin.id]));
    expect(ids).not.toContain(reader.id);
  });
});

describe("updateRoadmapItem", () => {
  it("records the edit, a status change with from and to, and a new owner, with a revision", () => {
    const saved = createRoadmapItem({ actor: coordinator, fields: itemFields() });
    const fields = itemFields({ title: "Renamed", status: "in-progress", owner: secondOwner.id });
    const updated = updateRoadmapItem({ actor: coordinator, slug: saved.slug, fields, changeNote: "Kicked off" });
    const logged = eventsOf(saved.id).map((event) => [event.type, event.data]);
    expect(logged.slice(1)).toEqual([
      ["roadmap_item.edited", expect.objectContaining({ title: "Renamed", changeNote: "Kicked off" })],
      ["roadmap_item.status_changed", { from: "planned", to: "in-progress", title: "Renamed" }],
      ["roadmap_item.owner_assigned", { from: owner.id, to: secondOwner.id, title: "Renamed" }],
    ]);
    expect(updated.eventId).toBe(eventsOf(saved.id).at(-1)?.id);
    const timeline = roadmapItemTimeline(saved.id);
    expect(timeline.map((entry) => entry.kind)).toEqual(["owner_assigned", "status_changed", "created"]);
    expect(timeline[0]).toMatchObject({ ownerName: secondOwner.name, actorName: coordinator.name });
    expect(listRoadmapItemRevisions(saved.id)).toHaveLength(2);
    expect(listRoadmapItemRevisions(saved.id)[0]).toMatchObject({ changeNote: "Kicked off" });
  });

  it("lets the owner edit but not give the item to someone else; others get 403 and nothing changes", () => {
    const saved = createRoadmapItem({ actor: coordinator, fields: itemFields() });
    const fields = itemFields({ title: "Owner's edit" });
    updateRoadmapItem({ actor: owner, slug: saved.slug, fields });
    expect(findRoadmapItemBySlug(saved.slug)?.title).toBe("Owner's edit");
    const before = eventsOf(saved.id).length;
    expect(() =>
      updateRoadmapItem({ actor: owner, slug: saved.slug, fields: { ...fields, owner: secondOwner.id } }),
    ).toThrow(ForbiddenError);
    for (const actor of [otherEditor, reader]) {
      expect(() => updateRoadmapItem({ actor, slug: saved.slug, fields: { ...fields, title: "Hijack" } })).toThrow(
        ForbiddenError,
      );
      expect(() => markRoadmapItemReviewed({ actor, slug: saved.slug })).toThrow(ForbiddenError);
    }
    expect(findRoadmapItemBySlug(saved.slug)).toMatchObject({ title: "Owner's edit", ownerId: owner.id });
    expect(eventsOf(saved.id)).toHaveLength(before);
    expect(() => updateRoadmapItem({ actor: owner, slug: "no-such-item", fields })).toThrow(NotFoundError);
  });

  it("keeps the old slug as a redirect when the address changes", () => {
    const saved = createRoadmapItem({ actor: coordinator, fields: itemFields() });
    const slug = unique("moved");
    updateRoadmapItem({ actor: owner, slug: saved.slug, fields: itemFields({ slug }) });
    expect(findRoadmapItemBySlug(slug)?.id).toBe(saved.id);
    expect(recordAtOldAddress("roadmap_item", saved.slug)).toBe(String(saved.id));
  });

  it("sets the last reviewed date: kept when sent back unchanged, a typed day, or now when marked reviewed", () => {
    const saved = createRoadmapItem({
      actor: coordinator,
      fields: itemFields({ reviewedAt: "2025-01-10" }),
    });
    const held = findRoadmapItemBySlug(saved.slug)?.reviewedAt;
    expect(held?.toISOString()).toBe("2025-01-10T00:00:00.000Z");
    updateRoadmapItem({ actor: owner, slug: saved.slug, fields: itemFields({ reviewedAt: "2025-01-10" }) });
    expect(findRoadmapItemBySlug(saved.slug)?.reviewedAt.getTime()).toBe(held?.getTime());
    updateRoadmapItem({ actor: owner, slug: saved.slug, fields: itemFields({ reviewedAt: "2025-02-01" }) });
    expect(findRoadmapItemBySlug(saved.slug)?.reviewedAt.toISOString()).toBe("2025-02-01T00:00:00.000Z");
    const reviewed = markRoadmapItemReviewed({ actor: owner, slug: saved.slug });
    expect(Date.now() - (findRoadmapItemBySlug(saved.slug)?.reviewedAt.getTime() ?? 0)).toBeLessThan(60_000);
    expect(eventsOf(saved.id).at(-1)).toMatchObject({ id: reviewed.eventId, type: "roadmap_item.edited" });
  });
});

describe("postProgressUpdate", () => {
  it("adds the update, marks the item reviewed, keeps a revision and records the event", () => {
    const saved = createRoadmapItem({ actor: coordinator, fields: itemFields({ reviewedAt: "2024-01-01" }) });
    const posted = postProgressUpdate({
      actor: owner,
      slug: saved.slug,
      fields: { updateDate: todayInUk(), rating: "at-risk", note: "Licences are **late**." },
    });
    const [update] = listRoadmapUpdates(saved.id);
    expect(update).toMatchObject({ rating: "at-risk", updateDate: todayInUk(), authorName: owner.name });
    expect(update?.rendered?.html.note).toContain("<strong>late</strong>");
    expect(Date.now() - (findRoadmapItemBySlug(saved.slug)?.reviewedAt.getTime() ?? 0)).toBeLessThan(60_000);
    expect(listRoadmapItemRevisions(saved.id)).toHaveLength(2);
    const last = eventsOf(saved.id).at(-1);
    expect(last).toMatchObject({ id: posted.eventId, type: "roadmap_item.progress_posted" });
    expect(last?.data).toMatchObject({ rating: "at-risk", updateDate: todayInUk() });
    expect(getRoadmapItemForReading(reader, saved.slug).latestUpdate?.rating).toBe("at-risk");
    expect(roadmapItemTimeline(saved.id)[0]).toMatchObject({ kind: "progress_posted", rating: "at-risk" });
  });

  it("refuses a future date with a message, and anyone but the owner, coordinators and administrators", () => {
    const saved = createRoadmapItem({ actor: coordinator, fields: itemFields() });
    const updates = () => getDb().select({ n: count() }).from(roadmapUpdates).get()?.n ?? 0;
    const before = updates();
    const revisionsBefore = getDb().select({ n: count() }).from(revisions).get()?.n;
    const next = String(Number(todayInUk().slice(0, 4)) + 1);
    expect(
      validationErrorOf(() =>
        postProgressUpdate({
          actor: owner,
          slug: saved.slug,
          fields: { updateDate: { day: "1", month: "1", year: next }, rating: "on-track", note: "n" },
        }),
      ),
    ).toEqual({ updateDate: ["roadmap.errors.updateDate.future"] });
    for (const actor of [otherEditor, reader]) {
      expect(() =>
        postProgressUpdate({
          actor,
          slug: saved.slug,
          fields: { updateDate: todayInUk(), rating: "on-track", note: "n" },
        }),
      ).toThrow(ForbiddenError);
    }
    expect(updates()).toBe(before);
    expect(getDb().select({ n: count() }).from(revisions).get()?.n).toBe(revisionsBefore);
    postProgressUpdate({
      actor: admin,
      slug: saved.slug,
      fields: { updateDate: todayInUk(), rating: "on-track", note: "n" },
    });
    expect(updates()).toBe(before + 1);
  });
});

describe("roadmap themes", () => {
  it("lets administrators add a theme, once per name, with an event", () => {
    const name = `Green IT ${unique("g")}`;
    const added = addRoadmapTheme({ actor: admin, fields: { name } });
    expect(listRoadmapThemes().map((theme) => theme.name)).toContain(name);
    expect(getDb().select().from(events).where(eq(events.id, added.eventId)).get()).toMatchObject({
      type: "roadmap_theme.added",
      recordType: "roadmap_theme",
    });
    expect(validationErrorOf(() => addRoadmapTheme({ actor: admin, fields: { name: name.toUpperCase() } }))).toEqual({
      name: ["roadmap.errors.themeName.taken"],
    });
    expect(() => addRoadmapTheme({ actor: coordinator, fields: { name: "Other" } })).toThrow(ForbiddenError);
    expect(listRoadmapThemes()).toHaveLength(9);
    // A new theme can be chosen at once.
    expect(createRoadmapItem({ actor: coordinator, fields: itemFields({ theme: added.slug }) }).id).toBeGreaterThan(0);
    expect(torfaenId).toBeGreaterThan(0);
  });
});
