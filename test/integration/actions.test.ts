import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createAction, editAction, updateActionStatus } from "~/actions/action-commands.server";
import { listActions, ownOpenActions } from "~/actions/action-list.server";
import { actionPage } from "~/actions/action-page.server";
import { parseActionQuery } from "~/actions/action-query";
import type { ActionFields } from "~/actions/action-schemas";
import type { SessionUser } from "~/auth/principals";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/platform/errors";
import { timeToDay, todayInUk } from "~/posts/post-dates";
import { actions, actionUpdates, events, users } from "../../db/schema";
import { givenDecision } from "../support/action-rows";
import { givenBoard, givenMeeting, givenSeat } from "../support/board-rows";
import { givenPartner, givenUser } from "../support/factories";

const DAY = 24 * 60 * 60 * 1000;
/** The UK day `offset` days from today. */
const day = (offset: number) => timeToDay(new Date(Date.now() + offset * DAY));
const parts = (date: string) => {
  const [year, month, dayOfMonth] = date.split("-");
  return { day: String(Number(dayOfMonth)), month: String(Number(month)), year: year ?? "" };
};

let secretary: SessionUser;
let member: SessionUser;
let owner: SessionUser;
let reader: SessionUser;
let admin: SessionUser;
let boardId: number;
let pastMeetingId: number;
let futureMeetingId: number;

beforeAll(async () => {
  givenPartner("torfaen", "Torfaen County Borough Council");
  const board = givenBoard({ name: "Strategic Board" });
  boardId = board.id;
  secretary = givenSeat(await givenUser("reader"), boardId, "secretary");
  member = givenSeat(await givenUser("editor", "torfaen"), boardId, "member");
  owner = await givenUser("editor", "torfaen");
  reader = await givenUser("reader");
  admin = await givenUser("admin");
  pastMeetingId = givenMeeting(boardId, { startsAt: new Date(Date.now() - 30 * DAY), status: "held" }).id;
  futureMeetingId = givenMeeting(boardId, { startsAt: new Date(Date.now() + 10 * DAY) }).id;
});

function fields(overrides: ActionFields = {}): ActionFields {
  return { description: "Circulate the revised backup policy", owner: owner.id, dueDate: parts(day(14)), ...overrides };
}

function errorsOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error("Expected a ValidationError");
}

describe("adding an action", () => {
  it("is for the board's secretary and administrators, with its event; the partner defaults to the owner's", () => {
    const { id } = createAction({ actor: secretary, meetingId: pastMeetingId, fields: fields() });
    const row = getDb().select().from(actions).where(eq(actions.id, id)).get();
    expect(row).toMatchObject({ status: "open", ownerId: owner.id, partnerId: owner.partnerId, confidential: false });
    const event = getDb()
      .select()
      .from(events)
      .where(eq(events.recordId, String(id)))
      .all();
    expect(event.map((e) => e.type)).toContain("action.created");
    expect(JSON.stringify(event)).not.toContain("backup policy");
    expect(() => createAction({ actor: member, meetingId: pastMeetingId, fields: fields() })).toThrow(ForbiddenError);
    expect(() => createAction({ actor: owner, meetingId: pastMeetingId, fields: fields() })).toThrow(ForbiddenError);
    expect(createAction({ actor: admin, meetingId: pastMeetingId, fields: fields() }).id).toBeGreaterThan(id);
  });

  it("refuses a due date before the meeting and an unknown owner as field errors, writing nothing", () => {
    const before = getDb().select().from(actions).all().length;
    const errors = errorsOf(() =>
      createAction({
        actor: secretary,
        meetingId: futureMeetingId,
        fields: fields({ owner: "no-such-person", dueDate: parts(day(5)) }),
      }),
    );
    expect(errors).toEqual({
      owner: ["actions.errors.owner.unknown"],
      dueDate: ["actions.errors.dueDate.beforeMeeting"],
    });
    // The meeting's own day is allowed.
    expect(
      createAction({ actor: secretary, meetingId: futureMeetingId, fields: fields({ dueDate: parts(day(10)) }) }).id,
    ).toBeGreaterThan(0);
    expect(getDb().select().from(actions).all().length).toBe(before + 1);
  });

  it("refuses an owner whose account has ended", async () => {
    const gone = await givenUser("editor", "torfaen");
    getDb().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id)).run();
    expect(
      errorsOf(() => createAction({ actor: secretary, meetingId: pastMeetingId, fields: fields({ owner: gone.id }) })),
    ).toEqual({
      owner: ["actions.errors.owner.unknown"],
    });
  });

  it("writes an action of a confidential decision confidential", () => {
    const decision = givenDecision(boardId, pastMeetingId, { confidential: true });
    const { id } = createAction({
      actor: secretary,
      meetingId: pastMeetingId,
      decisionId: decision.id,
      fields: fields(),
    });
    expect(getDb().select().from(actions).where(eq(actions.id, id)).get()?.confidential).toBe(true);
    const other = givenBoard();
    const elsewhere = givenDecision(other.id, givenMeeting(other.id).id);
    expect(
      errorsOf(() =>
        createAction({ actor: secretary, meetingId: pastMeetingId, decisionId: elsewhere.id, fields: fields() }),
      ),
    ).toEqual({ decision: ["actions.errors.decision.unknown"] });
    // A decision of the same board made at another meeting: the action arises where its decision was made.
    const sameBoardElsewhere = givenDecision(boardId, futureMeetingId);
    expect(
      errorsOf(() =>
        createAction({
          actor: secretary,
          meetingId: pastMeetingId,
          decisionId: sameBoardElsewhere.id,
          fields: fields(),
        }),
      ),
    ).toEqual({ decision: ["actions.errors.decision.unknown"] });
  });
});

describe("updating an action's status", () => {
  it("is for its owner and the board's managers, with a dated note not in the future", () => {
    const { id } = createAction({ actor: secretary, meetingId: pastMeetingId, fields: fields() });
    const note = { status: "done", noteDate: parts(todayInUk()), note: "Sent to every partner." };
    expect(() => updateActionStatus({ actor: member, actionId: id, fields: note })).toThrow(ForbiddenError);
    expect(() => updateActionStatus({ actor: reader, actionId: id, fields: note })).toThrow(ForbiddenError);
    expect(
      errorsOf(() => updateActionStatus({ actor: owner, actionId: id, fields: { ...note, noteDate: parts(day(2)) } })),
    ).toEqual({
      noteDate: ["actions.errors.noteDate.future"],
    });
    updateActionStatus({ actor: owner, actionId: id, fields: note });
    expect(getDb().select().from(actions).where(eq(actions.id, id)).get()?.status).toBe("done");
    expect(getDb().select().from(actionUpdates).where(eq(actionUpdates.actionId, id)).all()).toMatchObject([
      { status: "done", noteDate: todayInUk(), note: "Sent to every partner.", authorId: owner.id },
    ]);
    const changed = getDb().select().from(events).where(eq(events.type, "action.status_changed")).all();
    expect(changed.at(-1)?.data).toMatchObject({ from: "open", to: "done" });
    // The owner may update but not edit.
    expect(() => editAction({ actor: owner, actionId: id, fields: fields() })).toThrow(ForbiddenError);
  });

  it("reassigns on an edit with its own event, and the new owner may update it", async () => {
    const next = await givenUser("reader");
    const { id } = createAction({ actor: secretary, meetingId: pastMeetingId, fields: fields() });
    editAction({ actor: secretary, actionId: id, fields: fields({ owner: next.id }) });
    const reassigned = getDb().select().from(events).where(eq(events.type, "action.reassigned")).all().at(-1);
    expect(reassigned?.data).toEqual({ from: owner.id, to: next.id });
    updateActionStatus({
      actor: next,
      actionId: id,
      fields: { status: "dropped", noteDate: parts(todayInUk()), note: "Superseded." },
    });
    expect(() =>
      updateActionStatus({
        actor: owner,
        actionId: id,
        fields: { status: "open", noteDate: parts(todayInUk()), note: "x" },
      }),
    ).toThrow(ForbiddenError);
  });
});

describe("who sees confidential actions", () => {
  it("only board members, administrators and the owner, in pages, lists and counts", async () => {
    const confidentialOwner = await givenUser("reader");
    const decision = givenDecision(boardId, pastMeetingId, { confidential: true });
    const { id } = createAction({
      actor: secretary,
      meetingId: pastMeetingId,
      decisionId: decision.id,
      fields: fields({ owner: confidentialOwner.id, description: "Negotiate the secret contract" }),
    });
    const ids = (user: SessionUser, search = "") =>
      listActions(user, parseActionQuery(new URLSearchParams(search))).rows.map((row) => row.id);
    const ownerCount = (user: SessionUser, ownerId: string) =>
      listActions(user, parseActionQuery(new URLSearchParams())).facets.owner.find((facet) => facet.value === ownerId)
        ?.count;
    expect(() => actionPage(reader, id)).toThrow(NotFoundError);
    expect(ids(reader)).not.toContain(id);
    expect(ownerCount(reader, confidentialOwner.id)).toBeUndefined();
    expect(ids(member)).toContain(id);
    expect(ownerCount(member, confidentialOwner.id)).toBe(1);
    expect(ids(admin)).toContain(id);
    // The owner reads their own action, and sees the decision's reference but not its title.
    expect(ids(confidentialOwner)).toContain(id);
    const page = actionPage(confidentialOwner, id);
    expect(page.decision).toEqual({ reference: decision.reference, title: null });
    expect(page.mayUpdate).toBe(true);
    expect(actionPage(member, id).decision?.title).toBe(decision.title);
  });
});

describe("the list", () => {
  it("puts overdue actions first, then the rest by due date, and filters by owner", async () => {
    const person = await givenUser("editor", "torfaen");
    const make = (due: string) =>
      createAction({
        actor: secretary,
        meetingId: pastMeetingId,
        fields: fields({ owner: person.id, dueDate: parts(due) }),
      }).id;
    const later = make(day(20));
    const overdueRecent = make(day(-2));
    const soon = make(day(3));
    const overdueOld = make(day(-20));
    const done = make(day(-10));
    updateActionStatus({
      actor: person,
      actionId: done,
      fields: { status: "done", noteDate: parts(todayInUk()), note: "Done." },
    });
    const list = listActions(person, parseActionQuery(new URLSearchParams("owner=me")));
    expect(list.rows.map((row) => row.id)).toEqual([overdueOld, overdueRecent, soon, later]);
    expect(list.rows.map((row) => row.overdue)).toEqual([true, true, false, false]);
    const all = listActions(person, parseActionQuery(new URLSearchParams("owner=me&all=1")));
    // Overdue first even when done ones fall due earlier than the rest.
    expect(all.rows.map((row) => row.id)).toEqual([overdueOld, overdueRecent, done, soon, later]);
    expect(all.rows.find((row) => row.id === done)?.overdue).toBe(false);
    const home = ownOpenActions(person);
    expect(home.total).toBe(4);
    expect(home.rows[0]?.id).toBe(overdueOld);
    // Disjunctive counts: the owner filter's own counts ignore it; the board filter's apply it.
    expect(list.facets.owner.find((facet) => facet.value === person.id)?.count).toBe(4);
    expect(list.facets.board).toEqual([{ value: list.rows[0]?.boardSlug, count: 4 }]);
  });
});
