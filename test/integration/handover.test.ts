import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createAction } from "~/actions/action-commands.server";
import { handOver, handoverFor } from "~/actions/handover.server";
import { deactivateUser } from "~/auth/accounts.server";
import type { SessionUser } from "~/auth/principals";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, ValidationError } from "~/platform/errors";
import { timeToDay } from "~/posts/post-dates";
import { createPost } from "~/posts/save-post.server";
import { createRoadmapItem } from "~/roadmap/create-roadmap-item.server";
import { actions, events, posts, roadmapItems } from "../../db/schema";
import { givenBoard, givenMeeting, givenSeat } from "../support/board-rows";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";

let admin: SessionUser;
let leaver: SessionUser;
let successor: SessionUser;
let alsoGone: SessionUser;
let actionId: number;
let itemSlug: string;
let postSlug: string;

beforeAll(async () => {
  givenPartner("torfaen", "Torfaen County Borough Council");
  admin = await givenUser("admin");
  leaver = await givenUser("editor", "torfaen");
  successor = await givenUser("editor", "torfaen");
  alsoGone = await givenUser("editor", "torfaen");
  const boardId = givenBoard().id;
  const secretary = givenSeat(await givenUser("reader"), boardId, "secretary");
  const meetingId = givenMeeting(boardId, { startsAt: new Date(Date.now() - 5 * 86_400_000), status: "held" }).id;
  const due = timeToDay(new Date(Date.now() + 20 * 86_400_000)).split("-");
  actionId = createAction({
    actor: secretary,
    meetingId,
    fields: {
      description: "Hand me over",
      owner: leaver.id,
      dueDate: { day: due[2] ?? "", month: due[1] ?? "", year: due[0] ?? "" },
    },
  }).id;
  itemSlug = createRoadmapItem({
    actor: admin,
    fields: {
      title: `Backup modernisation ${unique("b")}`,
      summary: "Summary",
      description: "Description",
      theme: "collaboration-and-productivity",
      status: "planned",
      startQuarter: "2026-Q1",
      targetQuarter: "2026-Q4",
      partners: ["torfaen"],
      owner: leaver.id,
    },
  }).slug;
  postSlug = createPost({ actor: leaver, fields: lessonInput("torfaen") }).slug;
  deactivateUser(admin, leaver.id);
  deactivateUser(admin, alsoGone.id);
});

describe("handing over a deactivated person's work", () => {
  it("lists their open actions, owned roadmap items and posts for administrators only", () => {
    const left = handoverFor(admin, leaver.id);
    expect(left.person.deactivated).toBe(true);
    expect(left.actions.map((action) => action.id)).toEqual([actionId]);
    expect(left.roadmapItems.map((item) => item.slug)).toEqual([itemSlug]);
    expect(left.posts.map((post) => post.slug)).toEqual([postSlug]);
    // Whom each may go to: active people only, never the leaver.
    expect(left.actionOwners.map((person) => person.id)).toContain(successor.id);
    expect(left.actionOwners.map((person) => person.id)).not.toContain(alsoGone.id);
    expect(left.posts[0]?.contacts.map((person) => person.id)).not.toContain(leaver.id);
    expect(() => handoverFor(successor, leaver.id)).toThrow(ForbiddenError);
  });

  it("refuses a successor who may not take the record, changing nothing", () => {
    for (const [kind, record] of [
      ["action", String(actionId)],
      ["roadmap-item", itemSlug],
      ["post", postSlug],
    ] as const) {
      expect(() => handOver(admin, leaver.id, { kind, record, to: alsoGone.id })).toThrow(ValidationError);
    }
    expect(getDb().select().from(actions).where(eq(actions.id, actionId)).get()?.ownerId).toBe(leaver.id);
  });

  it("reassigns each through its record's own command, with its events, until nothing is left", () => {
    handOver(admin, leaver.id, { kind: "action", record: String(actionId), to: successor.id });
    handOver(admin, leaver.id, { kind: "roadmap-item", record: itemSlug, to: successor.id });
    handOver(admin, leaver.id, { kind: "post", record: postSlug, to: successor.id });
    expect(getDb().select().from(actions).where(eq(actions.id, actionId)).get()?.ownerId).toBe(successor.id);
    expect(getDb().select().from(roadmapItems).where(eq(roadmapItems.slug, itemSlug)).get()?.ownerId).toBe(
      successor.id,
    );
    expect(getDb().select().from(posts).where(eq(posts.slug, postSlug)).get()?.contactId).toBe(successor.id);
    const reassigned = getDb().select().from(events).where(eq(events.type, "action.reassigned")).all();
    expect(reassigned.at(-1)?.data).toEqual({ from: leaver.id, to: successor.id });
    const left = handoverFor(admin, leaver.id);
    expect([left.actions, left.roadmapItems, left.posts]).toEqual([[], [], []]);
  });
});
