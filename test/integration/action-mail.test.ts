/**
 * Action email through a real SMTP server started here: assignments mailed
 * once from the event log after commit, overdue actions mailed once.
 */
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, editAction, updateActionStatus } from "~/actions/action-commands.server";
import { mailAssignments, mailOverdueActions } from "~/actions/action-mail.server";
import type { SessionUser } from "~/auth/principals";
import { getDb } from "~/platform/db.server";
import { timeToDay, todayInUk } from "~/posts/post-dates";
import { actions } from "../../db/schema";
import { freeLocalPort } from "../../server/meilisearch-process";
import { givenDecision } from "../support/action-rows";
import { givenBoard, givenMeeting, givenSeat } from "../support/board-rows";
import { givenUser } from "../support/factories";

interface Received {
  to: string[];
  raw: string;
}
const inbox: Received[] = [];
const smtpPort = await freeLocalPort();
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
process.env.MAIL_FROM = "SRS Knowledge Hub <hub@srs.example.test>";
process.env.PUBLIC_ORIGIN = "https://hub.srs.example.test";

const smtp = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      inbox.push({
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});

const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => timeToDay(new Date(Date.now() + offset * DAY));
const parts = (date: string) => {
  const [year, month, dayOfMonth] = date.split("-");
  return { day: String(Number(dayOfMonth)), month: String(Number(month)), year: year ?? "" };
};
const bodyOf = (message: Received) =>
  message.raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\r?\n/g, " ");

let secretary: SessionUser;
let owner: SessionUser;
let second: SessionUser;
let boardId: number;
let meetingId: number;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
  boardId = givenBoard({ name: "Operational Board" }).id;
  secretary = givenSeat(await givenUser("reader"), boardId, "secretary");
  owner = await givenUser("editor");
  second = await givenUser("reader");
  meetingId = givenMeeting(boardId, { startsAt: new Date(Date.now() - 40 * DAY), status: "held" }).id;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const fields = (overrides: Record<string, unknown> = {}) => ({
  description: "Test the restore of the finance system",
  owner: owner.id,
  dueDate: parts(day(10)),
  ...overrides,
});

describe("assignment mail", () => {
  it("starts from the newest event, then mails each owner once as actions are assigned to them", async () => {
    createAction({ actor: secretary, meetingId, fields: fields({ description: "Made before mail was set up" }) });
    expect(await mailAssignments()).toBe(0);
    const { id } = createAction({ actor: secretary, meetingId, fields: fields() });
    expect(await mailAssignments()).toBe(1);
    expect(await mailAssignments()).toBe(0);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.to).toEqual([owner.email]);
    expect(inbox[0]?.raw).toContain("Subject: An action for you");
    expect(bodyOf(inbox[0] as Received)).toContain("Test the restore of the finance system");
    expect(bodyOf(inbox[0] as Received)).toContain(`https://hub.srs.example.test/actions/${id}`);
    expect(bodyOf(inbox[0] as Received)).not.toContain("Made before mail was set up");

    editAction({ actor: secretary, actionId: id, fields: fields({ owner: second.id }) });
    expect(await mailAssignments()).toBe(1);
    expect(inbox.at(-1)?.to).toEqual([second.email]);
  });

  it("does not mail an assignment whose action was closed or handed on before the mail went", async () => {
    const before = inbox.length;
    const closed = createAction({ actor: secretary, meetingId, fields: fields() });
    updateActionStatus({
      actor: secretary,
      actionId: closed.id,
      fields: { status: "dropped", noteDate: parts(todayInUk()), note: "Not needed." },
    });
    const handed = createAction({ actor: secretary, meetingId, fields: fields() });
    editAction({ actor: secretary, actionId: handed.id, fields: fields({ owner: second.id }) });
    expect(await mailAssignments()).toBe(1);
    expect(inbox.slice(before).map((message) => message.to)).toEqual([[second.email]]);
  });
});

describe("overdue mail", () => {
  it("mails the owner of each overdue action once, and again only after a new due date passes", async () => {
    await mailOverdueActions();
    const before = inbox.length;
    const confidential = givenDecision(boardId, meetingId, { confidential: true });
    const late = createAction({
      actor: secretary,
      meetingId,
      decisionId: confidential.id,
      fields: fields({ dueDate: parts(day(-3)), description: "Renew the firewall support contract" }),
    });
    createAction({ actor: secretary, meetingId, fields: fields({ dueDate: parts(day(3)) }) });
    expect(await mailOverdueActions()).toBe(1);
    expect(await mailOverdueActions()).toBe(0);
    const message = inbox.at(-1) as Received;
    expect(inbox.length).toBe(before + 1);
    expect(message.to).toEqual([owner.email]);
    expect(message.raw).toContain("Subject: Your action is overdue");
    // The owner reads their own action, confidential or not; the decision's title is not in the mail.
    expect(bodyOf(message)).toContain("Renew the firewall support contract");
    expect(bodyOf(message)).not.toContain(confidential.title);
    const row = getDb().select().from(actions).where(eq(actions.id, late.id)).get();
    expect(row?.overdueNotifiedAt).toBeInstanceOf(Date);
    // A new due date that passes too is told again.
    editAction({
      actor: secretary,
      actionId: late.id,
      fields: fields({ dueDate: parts(day(-1)), description: "Renew the firewall support contract" }),
    });
    expect(await mailOverdueActions()).toBe(1);
  });
});
