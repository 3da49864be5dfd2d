import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { agendaNumbersFor } from "~/boards/agenda-numbers.server";
import { createBoard, editBoard, seatMember, unseatMember } from "~/boards/board-commands.server";
import { findBoardBySlug, listBoardMembers } from "~/boards/boards.server";
import { meetingCalendar } from "~/boards/meeting-calendar.server";
import {
  addAgendaItem,
  editAgendaItem,
  editMeeting,
  moveAgendaItem,
  recordAttendance,
  removeAgendaItem,
  saveMinutes,
  scheduleMeeting,
} from "~/boards/meeting-commands.server";
import { MEETING_LIMITS } from "~/boards/meeting-schemas";
import { agendaFor, attendanceOf, presentMeeting } from "~/boards/meetings.server";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, ValidationError } from "~/platform/errors";
import { agendaItems, boards, decisions, events, meetings, papers, revisions, storedFiles } from "../../db/schema";
import { givenBoard, givenSeat } from "../support/board-rows";
import { givenPartner, givenUser, unique } from "../support/factories";
import { uniquePrefix } from "../support/unique-names";

let admin: SessionUser;
let reader: SessionUser;
let editor: SessionUser;
let secretary: SessionUser;
let member: SessionUser;

beforeAll(async () => {
  givenPartner("torfaen", "Torfaen County Borough Council");
  admin = await givenUser("admin");
  reader = await givenUser("reader", "torfaen");
  editor = await givenUser("editor", "torfaen");
  secretary = await givenUser("reader");
  member = await givenUser("editor");
});

function fieldErrors(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

const prefix = () => uniquePrefix("P");
const eventsOf = (recordType: "board" | "meeting", id: number) =>
  getDb()
    .select()
    .from(events)
    .where(and(eq(events.recordType, recordType), eq(events.recordId, String(id))))
    .orderBy(asc(events.id))
    .all();
const revisionsOf = (recordType: "board" | "meeting", id: number) =>
  getDb()
    .select()
    .from(revisions)
    .where(and(eq(revisions.recordType, recordType), eq(revisions.recordId, String(id))))
    .all();

/** A board of the test's own with `secretary` as its secretary; returns the secretary as seated. */
function boardWithSecretary() {
  const board = givenBoard();
  return {
    board,
    secretary: givenSeat(secretary, board.id, "secretary"),
    member: givenSeat(member, board.id, "member"),
  };
}

const meetingFields = {
  day: { day: "1", month: "7", year: "2027" },
  startTime: "10:00",
  endTime: "12:30",
  location: "Committee Room 1",
  onlineUrl: "https://meet.example.test/sb",
};

describe("boards", () => {
  it("only administrators add a board; it is saved with rendered description, a revision and board.created", () => {
    const slug = unique("board");
    const fields = {
      name: "Digital Board",
      slug,
      referencePrefix: prefix(),
      description: "Decides **digital** things",
    };
    expect(() => createBoard({ actor: reader, fields })).toThrow(ForbiddenError);
    expect(() => createBoard({ actor: secretary, fields })).toThrow(ForbiddenError);
    const { id } = createBoard({ actor: admin, fields });
    const board = findBoardBySlug(slug);
    expect(board?.rendered?.html.description).toContain("<strong>digital</strong>");
    expect(eventsOf("board", id).map((event) => event.type)).toEqual(["board.created"]);
    expect(revisionsOf("board", id)).toHaveLength(1);
    editBoard({ actor: admin, slug, fields: { ...fields, name: "Digital Services Board" } });
    expect(eventsOf("board", id).map((event) => event.type)).toEqual(["board.created", "board.edited"]);
    expect(revisionsOf("board", id)).toHaveLength(2);
  });

  it("refuses a duplicate slug or prefix, a bad prefix and a missing name with field errors, writing nothing", () => {
    const first = givenBoard();
    const before = getDb().select().from(boards).all().length;
    expect(
      fieldErrors(() =>
        createBoard({
          actor: admin,
          fields: { name: "Twin", slug: first.slug, referencePrefix: first.referencePrefix },
        }),
      ),
    ).toEqual({ slug: ["boards.errors.slug.taken"], referencePrefix: ["boards.errors.referencePrefix.taken"] });
    expect(
      fieldErrors(() => createBoard({ actor: admin, fields: { name: "", slug: "new", referencePrefix: "sb1" } })),
    ).toEqual({
      name: ["boards.errors.name.required"],
      slug: ["boards.errors.slug.reserved"],
      referencePrefix: ["boards.errors.referencePrefix.invalid"],
    });
    expect(getDb().select().from(boards).all()).toHaveLength(before);
  });

  it("fixes the reference prefix once a decision carries it", () => {
    const board = givenBoard();
    const fields = { name: board.name, slug: board.slug, referencePrefix: prefix() };
    editBoard({ actor: admin, slug: board.slug, fields });
    const meeting = getDb()
      .insert(meetings)
      .values({ boardId: board.id, startsAt: new Date(), status: "held", updatedAt: new Date() })
      .returning()
      .get();
    getDb()
      .insert(decisions)
      .values({
        reference: `${fields.referencePrefix}-2026-001`,
        boardId: board.id,
        year: 2026,
        number: 1,
        meetingId: meeting.id,
        title: "A decision",
        text: "Agreed.",
        decisionMaker: "The board",
        status: "agreed",
        updatedAt: new Date(),
      })
      .run();
    expect(
      fieldErrors(() =>
        editBoard({ actor: admin, slug: board.slug, fields: { ...fields, referencePrefix: prefix() } }),
      ),
    ).toEqual({
      referencePrefix: ["boards.errors.referencePrefix.fixed"],
    });
    expect(findBoardBySlug(board.slug)?.referencePrefix).toBe(fields.referencePrefix);
  });

  it("seats, re-seats and unseats members with events; one chair at most; an unknown person is a field error", async () => {
    const board = givenBoard();
    expect(() =>
      seatMember({ actor: secretary, slug: board.slug, fields: { person: reader.id, role: "member" } }),
    ).toThrow(ForbiddenError);
    seatMember({ actor: admin, slug: board.slug, fields: { person: reader.id, role: "chair" } });
    seatMember({ actor: admin, slug: board.slug, fields: { person: editor.id, role: "secretary" } });
    const other = await givenUser("reader");
    expect(
      fieldErrors(() => seatMember({ actor: admin, slug: board.slug, fields: { person: other.id, role: "chair" } })),
    ).toEqual({
      role: ["boards.errors.role.oneChair"],
    });
    expect(
      fieldErrors(() => seatMember({ actor: admin, slug: board.slug, fields: { person: "nobody", role: "member" } })),
    ).toEqual({
      person: ["boards.errors.person.unknown"],
    });
    seatMember({ actor: admin, slug: board.slug, fields: { person: reader.id, role: "member" } });
    unseatMember({ actor: admin, slug: board.slug, person: editor.id });
    expect(listBoardMembers(board.id).map((seat) => [seat.userId, seat.role])).toEqual([[reader.id, "member"]]);
    expect(eventsOf("board", board.id).map((event) => [event.type, event.data])).toEqual([
      ["board.created", expect.anything()],
      ["board.member_seated", { userId: reader.id, role: "chair" }],
      ["board.member_seated", { userId: editor.id, role: "secretary" }],
      ["board.member_seated", { userId: reader.id, role: "member", from: "chair" }],
      ["board.member_unseated", { userId: editor.id, role: "secretary" }],
    ]);
  });
});

describe("meetings", () => {
  it("only the board's secretary and administrators schedule; UK time is stored as UTC", () => {
    const { board, secretary: seated, member: seatedMember } = boardWithSecretary();
    expect(() => scheduleMeeting({ actor: seatedMember, boardSlug: board.slug, fields: meetingFields })).toThrow(
      ForbiddenError,
    );
    expect(() => scheduleMeeting({ actor: editor, boardSlug: board.slug, fields: meetingFields })).toThrow(
      ForbiddenError,
    );
    const { id } = scheduleMeeting({ actor: seated, boardSlug: board.slug, fields: meetingFields });
    const row = getDb().select().from(meetings).where(eq(meetings.id, id)).get();
    // 10:00 in London in July is 09:00 UTC; in January it is 10:00 UTC.
    expect(row?.startsAt.toISOString()).toBe("2027-07-01T09:00:00.000Z");
    expect(row?.endsAt?.toISOString()).toBe("2027-07-01T11:30:00.000Z");
    const winter = scheduleMeeting({
      actor: admin,
      boardSlug: board.slug,
      fields: { ...meetingFields, day: "2027-01-14" },
    });
    expect(getDb().select().from(meetings).where(eq(meetings.id, winter.id)).get()?.startsAt.toISOString()).toBe(
      "2027-01-14T10:00:00.000Z",
    );
    expect(eventsOf("meeting", id).map((event) => event.type)).toEqual(["meeting.scheduled"]);
    expect(revisionsOf("meeting", id)).toHaveLength(1);
  });

  it("refuses a bad time, a bad date, a link that is not https and no place, with field errors", () => {
    const { board, secretary: seated } = boardWithSecretary();
    const before = getDb().select().from(meetings).all().length;
    expect(
      fieldErrors(() =>
        scheduleMeeting({
          actor: seated,
          boardSlug: board.slug,
          fields: {
            day: { day: "31", month: "2", year: "2027" },
            startTime: "25:00",
            endTime: "",
            location: "",
            onlineUrl: "http://meet.example.test",
          },
        }),
      ),
    ).toEqual({
      day: ["meetings.errors.day.invalid"],
      startTime: ["meetings.errors.startTime.invalid"],
      onlineUrl: ["meetings.errors.onlineUrl.notHttps"],
    });
    expect(
      fieldErrors(() =>
        scheduleMeeting({
          actor: seated,
          boardSlug: board.slug,
          fields: { ...meetingFields, location: "", onlineUrl: "", endTime: "09:00" },
        }),
      ),
    ).toEqual({ location: ["meetings.errors.location.required"], endTime: ["meetings.errors.endTime.beforeStart"] });
    expect(
      fieldErrors(() =>
        scheduleMeeting({
          actor: seated,
          boardSlug: board.slug,
          fields: { ...meetingFields, onlineUrl: "javascript:alert(1)" },
        }),
      ),
    ).toEqual({ onlineUrl: ["meetings.errors.onlineUrl.notHttps"] });
    expect(getDb().select().from(meetings).all()).toHaveLength(before);
  });

  it("moves scheduled to held; minutes only once held, with a revision and events", () => {
    const { board, secretary: seated } = boardWithSecretary();
    const { id } = scheduleMeeting({ actor: seated, boardSlug: board.slug, fields: meetingFields });
    expect(fieldErrors(() => saveMinutes({ actor: seated, meetingId: id, minutes: "Too soon" }))).toEqual({
      minutes: ["meetings.errors.minutes.notHeld"],
    });
    editMeeting({ actor: seated, meetingId: id, fields: meetingFields, status: "held" });
    expect(
      fieldErrors(() => editMeeting({ actor: seated, meetingId: id, fields: meetingFields, status: "scheduled" })),
    ).toEqual({
      status: ["meetings.errors.status.from.held"],
    });
    expect(fieldErrors(() => saveMinutes({ actor: seated, meetingId: id, minutes: "  " }))).toEqual({
      minutes: ["meetings.errors.minutes.required"],
    });
    saveMinutes({ actor: seated, meetingId: id, minutes: "## Present\n\nAll members. <script>x</script>" });
    const row = getDb().select().from(meetings).where(eq(meetings.id, id)).get();
    expect(row?.rendered?.html.minutes).toContain("<h3");
    expect(row?.rendered?.html.minutes).not.toContain("<script");
    expect(
      eventsOf("meeting", id).map((event) => [event.type, event.type === "meeting.status_changed" ? event.data : null]),
    ).toEqual([
      ["meeting.scheduled", null],
      ["meeting.status_changed", { from: "scheduled", to: "held" }],
      ["meeting.minutes_saved", null],
    ]);
    expect(revisionsOf("meeting", id).map((revision) => (revision.snapshot as { status: string }).status)).toEqual([
      "scheduled",
      "held",
      "held",
    ]);
  });

  it("holds at most the agenda's limit of items", () => {
    const { board, secretary: seated } = boardWithSecretary();
    const { id } = scheduleMeeting({ actor: seated, boardSlug: board.slug, fields: meetingFields });
    for (let n = 1; n <= MEETING_LIMITS.agendaItems; n++) {
      addAgendaItem({ actor: seated, meetingId: id, fields: { title: `Item ${n}` } });
    }
    expect(fieldErrors(() => addAgendaItem({ actor: seated, meetingId: id, fields: { title: "One more" } }))).toEqual({
      title: ["meetings.errors.agenda.tooMany"],
    });
  });

  it("keeps the agenda in order through adds, moves and removals, and only while scheduled", () => {
    const { board, secretary: seated } = boardWithSecretary();
    const { id } = scheduleMeeting({ actor: seated, boardSlug: board.slug, fields: meetingFields });
    const [a, b, c] = ["Apologies", "Budget", "Contracts"].map((title) =>
      addAgendaItem({ actor: seated, meetingId: id, fields: { title } }),
    );
    const titles = () =>
      getDb()
        .select({ title: agendaItems.title, position: agendaItems.position })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, id))
        .orderBy(asc(agendaItems.position))
        .all();
    moveAgendaItem({ actor: seated, meetingId: id, itemId: c ?? 0, direction: "up" });
    moveAgendaItem({ actor: seated, meetingId: id, itemId: a ?? 0, direction: "up" });
    expect(titles()).toEqual([
      { title: "Apologies", position: 1 },
      { title: "Contracts", position: 2 },
      { title: "Budget", position: 3 },
    ]);
    removeAgendaItem({ actor: seated, meetingId: id, itemId: c ?? 0 });
    expect(titles()).toEqual([
      { title: "Apologies", position: 1 },
      { title: "Budget", position: 2 },
    ]);
    expect(fieldErrors(() => addAgendaItem({ actor: seated, meetingId: id, fields: { title: "" } }))).toEqual({
      title: ["meetings.errors.agendaTitle.required"],
    });
    editMeeting({ actor: seated, meetingId: id, fields: meetingFields, status: "cancelled" });
    expect(fieldErrors(() => removeAgendaItem({ actor: seated, meetingId: id, itemId: b ?? 0 }))).toEqual({
      title: ["meetings.errors.agenda.notScheduled"],
    });
    // An item of another meeting is not this meeting's to move.
    const other = scheduleMeeting({ actor: seated, boardSlug: board.slug, fields: meetingFields });
    expect(
      fieldErrors(() => moveAgendaItem({ actor: seated, meetingId: other.id, itemId: a ?? 0, direction: "down" })),
    ).toEqual({
      item: ["meetings.errors.agendaItem.unknown"],
    });
  });

  it("marking an agenda item confidential spreads to its papers, and hides it from anyone off the board", () => {
    const { board, secretary: seated, member: seatedMember } = boardWithSecretary();
    const { id } = scheduleMeeting({ actor: seated, boardSlug: board.slug, fields: meetingFields });
    const itemId = addAgendaItem({ actor: seated, meetingId: id, fields: { title: "Supplier negotiation" } });
    addAgendaItem({ actor: seated, meetingId: id, fields: { title: "Open item" } });
    const sha = "a".repeat(64);
    getDb().insert(storedFiles).values({ sha256: sha, size: 1, fileType: "pdf" }).onConflictDoNothing().run();
    const paper = getDb()
      .insert(papers)
      .values({
        meetingId: id,
        agendaItemId: itemId,
        title: "Tender scores",
        fileSha256: sha,
        fileName: "scores.pdf",
        updatedAt: new Date(),
      })
      .returning()
      .get();
    editAgendaItem({
      actor: seated,
      meetingId: id,
      itemId,
      fields: { title: "Supplier negotiation", confidential: true },
    });
    expect(getDb().select().from(papers).where(eq(papers.id, paper.id)).get()?.confidential).toBe(true);
    const meeting = getDb().select().from(meetings).where(eq(meetings.id, id)).get();
    if (!meeting) throw new Error("no meeting");
    // Numbered among what each may see: no gap where the confidential item stands.
    expect(agendaFor(reader, meeting).map((item) => [item.position, item.title])).toEqual([[1, "Open item"]]);
    expect(agendaNumbersFor(reader, id)).toEqual(new Map([[agendaFor(reader, meeting)[0]?.id, 1]]));
    expect(agendaFor(seatedMember, meeting).map((item) => [item.position, item.title, item.confidential])).toEqual([
      [1, "Supplier negotiation", true],
      [2, "Open item", false],
    ]);
    expect(agendaFor(admin, meeting)).toHaveLength(2);
    // Events name no confidential title.
    expect(JSON.stringify(eventsOf("meeting", id).map((event) => event.data))).not.toContain("Supplier");
  });

  it("records attendance of members and others; an unknown email is a field error", async () => {
    const { board, secretary: seated, member: seatedMember } = boardWithSecretary();
    const { id } = scheduleMeeting({ actor: seated, boardSlug: board.slug, fields: meetingFields });
    const guest = await givenUser("reader");
    expect(
      fieldErrors(() =>
        recordAttendance({
          actor: seated,
          meetingId: id,
          fields: { marks: {}, otherEmail: "nobody@example.test", otherAttendance: "attended" },
        }),
      ),
    ).toEqual({ otherEmail: ["meetings.errors.otherEmail.unknown"] });
    recordAttendance({
      actor: seated,
      meetingId: id,
      fields: {
        marks: { [seatedMember.id]: "apologies", [seated.id]: "attended" },
        otherEmail: guest.email,
        otherAttendance: "attended",
      },
    });
    expect(
      attendanceOf(id)
        .map((entry) => [entry.userId, entry.attendance])
        .sort(),
    ).toEqual(
      [
        [seatedMember.id, "apologies"],
        [seated.id, "attended"],
        [guest.id, "attended"],
      ].sort(),
    );
    expect(() => recordAttendance({ actor: reader, meetingId: id, fields: { marks: {} } })).toThrow(ForbiddenError);
    expect(presentMeeting(reader, String(id)).may.manage).toBe(false);
    expect(() => presentMeeting(reader, "12abc")).toThrow("No such meeting");
  });

  it("writes an iCalendar file with a stable UID, UTC times, escaped and folded text", () => {
    const { board, secretary: seated } = boardWithSecretary();
    const { id } = scheduleMeeting({
      actor: seated,
      boardSlug: board.slug,
      fields: {
        ...meetingFields,
        location: "Room 1, Civic Centre; Pontypool — a long name that needs folding across more than one line",
      },
    });
    const meeting = getDb().select().from(meetings).where(eq(meetings.id, id)).get();
    if (!meeting) throw new Error("no meeting");
    const ics = meetingCalendar({
      meeting,
      boardName: "Finance, Audit; Risk",
      pageUrl: `https://hub.example/meetings/${id}`,
      host: "hub.example",
    });
    expect(ics).toContain(`UID:meeting-${id}@hub.example\r\n`);
    expect(ics).toContain("DTSTART:20270701T090000Z\r\n");
    expect(ics).toContain("DTEND:20270701T113000Z\r\n");
    expect(ics).toContain("SUMMARY:Finance\\, Audit\\; Risk\r\n");
    expect(ics).toContain("STATUS:CONFIRMED");
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain(
      "LOCATION:Room 1\\, Civic Centre\\; Pontypool — a long name that needs folding across more than one line\\, https://meet.example.test/sb",
    );
    editMeeting({ actor: seated, meetingId: id, fields: meetingFields, status: "cancelled" });
    const cancelled = getDb().select().from(meetings).where(eq(meetings.id, id)).get();
    if (!cancelled) throw new Error("no meeting");
    const again = meetingCalendar({
      meeting: cancelled,
      boardName: "B",
      pageUrl: "https://hub.example/",
      host: "hub.example",
    });
    expect(again).toContain("STATUS:CANCELLED");
    expect(again).toContain(`UID:meeting-${id}@hub.example`);
  });
});
