/**
 * Summaries for partners: only the board's secretary and admins publish one,
 * once the meeting is held; its decisions and actions come from their
 * records for each reader, so a non-member never reads a confidential
 * decision's title (its reference and "Restricted" only) nor a confidential
 * action, while a member reads both.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { latestSummaries, latestSummaryOfBoard, summaryOfMeeting } from "~/boards/meeting-summaries.server";
import { publishMeetingSummary } from "~/boards/publish-summary.server";
import { SUMMARY_INTRODUCTION_LIMIT } from "~/boards/summary-schemas";
import { importSummaries, readSummaryFiles } from "~/content/import-summaries.server";
import { getDb, writeTransaction } from "~/platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/platform/errors";
import { events, meetings, partners } from "../../db/schema";
import { givenAction, givenDecision } from "../support/board-records";
import { givenBoard, givenMeeting, givenSeat } from "../support/board-rows";
import { givenUser } from "../support/factories";

let secretary: SessionUser;
let member: SessionUser;
let outsider: SessionUser;
let admin: SessionUser;
let board: ReturnType<typeof givenBoard>;

const errorOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error;
  }
  return null;
};

beforeAll(async () => {
  board = givenBoard({ name: "Summary Test Board" });
  secretary = givenSeat(await givenUser("reader"), board.id, "secretary");
  member = givenSeat(await givenUser("editor"), board.id, "member");
  outsider = await givenUser("editor");
  admin = await givenUser("admin");
});

describe("publishing a summary", () => {
  it("is for the board's secretary and admins, once the meeting is held", () => {
    const upcoming = givenMeeting(board.id, { status: "scheduled" });
    const held = givenMeeting(board.id, { status: "held", startsAt: new Date("2026-02-10T10:00:00Z") });
    const fields = { introduction: "The board met." };

    expect(errorOf(() => publishMeetingSummary({ actor: member, meetingId: held.id, fields }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(errorOf(() => publishMeetingSummary({ actor: outsider, meetingId: held.id, fields }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(errorOf(() => publishMeetingSummary({ actor: admin, meetingId: 99_999_999, fields }))).toBeInstanceOf(
      NotFoundError,
    );
    const early = errorOf(() => publishMeetingSummary({ actor: secretary, meetingId: upcoming.id, fields }));
    expect(early).toBeInstanceOf(ValidationError);
    expect((early as ValidationError).fieldErrors).toEqual({ introduction: ["summaries.notHeld"] });
    expect(summaryOfMeeting(admin, upcoming.id, "en")).toBeNull();

    const blank = errorOf(() =>
      publishMeetingSummary({ actor: secretary, meetingId: held.id, fields: { introduction: "  " } }),
    );
    expect((blank as ValidationError).fieldErrors).toEqual({
      introduction: ["summaries.errors.introduction.required"],
    });
    const long = "a".repeat(SUMMARY_INTRODUCTION_LIMIT + 1);
    const tooLong = errorOf(() =>
      publishMeetingSummary({ actor: secretary, meetingId: held.id, fields: { introduction: long } }),
    );
    expect((tooLong as ValidationError).fieldErrors).toEqual({
      introduction: ["summaries.errors.introduction.tooLong"],
    });
    expect(summaryOfMeeting(admin, held.id, "en")).toBeNull();

    const first = publishMeetingSummary({
      actor: secretary,
      meetingId: held.id,
      fields: { introduction: "The board **met**." },
    });
    expect(first.updated).toBe(false);
    const again = publishMeetingSummary({
      actor: admin,
      meetingId: held.id,
      fields: { introduction: "The board met twice." },
    });
    expect(again.updated).toBe(true);
    const recorded = getDb().select().from(events).where(eq(events.id, again.eventId)).get();
    expect(recorded).toMatchObject({
      type: "meeting.summary_published",
      recordType: "meeting",
      recordId: String(held.id),
      actorId: admin.id,
      data: { updated: true },
    });
    expect(summaryOfMeeting(outsider, held.id, "en")?.introductionHtml.trim()).toBe("<p>The board met twice.</p>");
  });
});

describe("what a summary shows", () => {
  it("lists the meeting's decisions and actions from their records, confidential ones as the reader may see them", () => {
    const meeting = givenMeeting(board.id, { status: "held", startsAt: new Date("2026-03-12T10:00:00Z") });
    const partnerId = getDb().select({ id: partners.id }).from(partners).get()?.id ?? 0;
    const open = givenDecision(board.id, meeting.id, {
      title: "Adopt the shared service desk",
      text: "Agreed by all.",
    });
    const secret = givenDecision(board.id, meeting.id, {
      title: "Dismiss the quoll supplier",
      text: "Quoll terms breached.",
      confidential: true,
    });
    givenAction(meeting.id, {
      description: "Draft the desk's launch plan",
      partnerId,
      ownerId: member.id,
      decisionId: open.id,
    });
    givenAction(meeting.id, {
      description: "Serve notice on the quoll supplier",
      partnerId,
      decisionId: secret.id,
      confidential: true,
    });
    publishMeetingSummary({ actor: secretary, meetingId: meeting.id, fields: { introduction: "Plain words." } });

    const forOutsider = summaryOfMeeting(outsider, meeting.id, "en");
    expect(forOutsider?.decisions).toEqual([
      {
        reference: open.reference,
        url: `/decisions/${open.reference}`,
        restricted: false,
        title: "Adopt the shared service desk",
        status: "agreed",
        html: "<p>Agreed by all.</p>",
      },
      { reference: secret.reference, url: `/decisions/${secret.reference}`, restricted: true },
    ]);
    expect(forOutsider?.actions.map((action) => action.description)).toEqual(["Draft the desk's launch plan"]);
    expect(forOutsider?.actions[0]?.ownerName).toBe(member.name);
    expect(JSON.stringify(forOutsider).toLowerCase()).not.toContain("quoll");

    for (const reader of [member, secretary, admin]) {
      const shown = summaryOfMeeting(reader, meeting.id, "en");
      expect(shown?.decisions.map((decision) => (decision.restricted ? null : decision.title))).toEqual([
        "Adopt the shared service desk",
        "Dismiss the quoll supplier",
      ]);
      expect(shown?.actions.map((action) => action.description)).toEqual([
        "Draft the desk's launch plan",
        "Serve notice on the quoll supplier",
      ]);
    }

    // The latest across boards, newest meeting first, filtered the same way.
    const latest = latestSummaries(outsider, 3, "en");
    expect(latest[0]?.meetingId).toBe(meeting.id);
    expect(JSON.stringify(latest).toLowerCase()).not.toContain("quoll");
    expect(latestSummaryOfBoard(member, board.id, "en")?.meetingId).toBe(meeting.id);
    expect(latestSummaryOfBoard(member, givenBoard().id, "en")).toBeNull();
  });
});

describe("the demo summaries' import", () => {
  it("reads every board's summaries.md and writes each through the summary's write, once", () => {
    const entries = readSummaryFiles("content");
    expect(entries.map((entry) => entry.meeting).sort()).toEqual([
      "finance-and-governance-board/03-risk-and-audit",
      "srs-strategic-board/03-roadmap-priorities",
    ]);
    const demoBoard = givenBoard({ name: "Demo import board" });
    const keyed = entries.map((entry) => {
      const meeting = givenMeeting(demoBoard.id, { status: "held", startsAt: new Date("2026-01-20T10:00:00Z") });
      getDb().update(meetings).set({ importKey: entry.meeting }).where(eq(meetings.id, meeting.id)).run();
      return meeting;
    });
    const now = new Date("2026-04-01T12:00:00Z");

    expect(writeTransaction((tx) => importSummaries(tx, entries, now))).toEqual({ created: 2, unchanged: 0 });
    const strategic = entries.find((entry) => entry.meeting.startsWith("srs-"));
    const meeting = keyed[entries.indexOf(strategic as (typeof entries)[number])];
    const shown = summaryOfMeeting(outsider, meeting?.id ?? 0, "en");
    expect(shown?.introductionHtml).toContain("<strong>What this means for partners:</strong>");
    expect(shown?.publishedAt).toBe(new Date(now.getTime() - 5 * 24 * 60 * 60 * 1000).toISOString());
    // Run again: what is there stays as it is.
    expect(writeTransaction((tx) => importSummaries(tx, entries, now))).toEqual({ created: 0, unchanged: 2 });

    const unknown = [{ ...strategic, meeting: "srs-strategic-board/1999-01" } as (typeof entries)[number]];
    expect(() => writeTransaction((tx) => importSummaries(tx, unknown, now))).toThrow(/unknown meeting/);
  });
});
