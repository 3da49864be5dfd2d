/**
 * The paper-text consumer on a real database and data folder: the text of
 * each type read in a worker thread and stored, with the event that wakes
 * the search relay; a file that cannot be read marked so with its reason
 * while the papers after it are read all the same; the time limit; the
 * cursor moving past what was handled.
 */
import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { consumerPosition } from "~/events/consumers.server";
import { lastEventId } from "~/events/event-log.server";
import { stageUpload } from "~/files/file-storage.server";
import { removePaper, uploadPaper } from "~/papers/paper-commands.server";
import { PAPER_TEXT_CONSUMER, readPendingPaperText } from "~/papers/paper-text.server";
import { getDb } from "~/platform/db.server";
import { events, papers } from "../../db/schema";
import { makeDocx, makePdf, makeXlsx } from "../../scripts/lib/paper-documents";
import { givenBoard, givenMeeting, givenSeat } from "../support/board-rows";
import { givenUser, unique } from "../support/factories";

let secretary: SessionUser;
let meetingId: number;

beforeAll(async () => {
  const board = givenBoard();
  secretary = givenSeat(await givenUser("reader"), board.id, "secretary");
  meetingId = givenMeeting(board.id).id;
});

async function upload(content: Buffer, name: string): Promise<number> {
  const staged = await stageUpload(Readable.from([content]), { name, maxBytes: 5 * 1024 * 1024 });
  if (!staged.ok) throw new Error(`Not staged: ${staged.problem}`);
  return uploadPaper({
    actor: secretary,
    meetingId,
    fields: { title: name, agendaItem: null, confidential: false },
    upload: staged.upload,
  });
}

const paperRow = (id: number) => getDb().select().from(papers).where(eq(papers.id, id)).get();
const textEvents = (id: number) =>
  getDb()
    .select()
    .from(events)
    .where(and(eq(events.type, "paper.text_extracted"), eq(events.recordId, String(id))))
    .all();

describe("reading papers' text", () => {
  it("reads each type, and marks a broken file unreadable without holding up the rest", async () => {
    const phrase = unique("tiered storage saves £84,000 a year").replace("-", " ");
    const broken = await upload(Buffer.from("%PDF-1.7\nthis is no PDF at all, only its first bytes"), "broken.pdf");
    const pdf = await upload(await makePdf("Storage review", [`Moving to ${phrase}.`]), "storage.pdf");
    const docx = await upload(
      makeDocx("Options appraisal", ["The shared service desk option is preferred."]),
      "o.docx",
    );
    const xlsx = await upload(
      makeXlsx("Budget", [
        ["Line", "Amount"],
        ["Backup licences", 12500],
      ]),
      "budget.xlsx",
    );
    const markdown = await upload(Buffer.from("# Actions\n\nChase the **SD-WAN** supplier & report back."), "a.md");

    const report = await readPendingPaperText();
    expect(report).toEqual({ extracted: 4, unreadable: 1 });

    expect(paperRow(broken)).toMatchObject({
      textState: "unreadable",
      textProblem: "papers.textProblem.damaged",
      extractedText: null,
    });
    expect(paperRow(pdf)?.textState).toBe("extracted");
    expect(paperRow(pdf)?.extractedText).toContain(phrase);
    expect(paperRow(docx)?.extractedText).toContain("The shared service desk option is preferred.");
    expect(paperRow(xlsx)?.extractedText).toContain("Backup licences 12500");
    expect(paperRow(markdown)?.extractedText).toBe("Actions\nChase the SD-WAN supplier & report back.");

    // Each outcome is an event (what the search relay re-indexes the paper on), with its state and no text.
    expect(textEvents(broken).map((event) => event.data)).toEqual([{ state: "unreadable" }]);
    expect(textEvents(pdf).map((event) => event.data)).toEqual([{ state: "extracted" }]);

    // The cursor is past everything: nothing is read twice.
    expect(consumerPosition(PAPER_TEXT_CONSUMER)).toBe(lastEventId());
    expect(await readPendingPaperText()).toEqual({ extracted: 0, unreadable: 0 });
    expect(textEvents(pdf)).toHaveLength(1);
  }, 60_000);

  it("gives up on a file that takes longer than the time limit, and reads the next", async () => {
    const slow = await upload(await makePdf("Slow", [unique("slow")]), "slow.pdf");
    const report = await readPendingPaperText({ timeLimitMs: 1 });
    expect(report).toEqual({ extracted: 0, unreadable: 1 });
    expect(paperRow(slow)).toMatchObject({ textState: "unreadable", textProblem: "papers.textProblem.timeout" });

    const next = await upload(makeDocx("Next", ["Read in time."]), "next.docx");
    expect(await readPendingPaperText()).toEqual({ extracted: 1, unreadable: 0 });
    expect(paperRow(next)?.extractedText).toContain("Read in time.");
  }, 60_000);

  it("keeps at most the text limit", async () => {
    const long = await upload(makeDocx("Long", ["word ".repeat(5000)]), "long.docx");
    await readPendingPaperText({ maxChars: 1000 });
    expect(paperRow(long)?.extractedText?.length).toBeLessThanOrEqual(1000);
  }, 60_000);

  it("passes over a paper removed before its text was read", async () => {
    const gone = await upload(makeDocx("Gone", ["Never read."]), "gone.docx");
    removePaper({ actor: secretary, paperId: gone });
    expect(await readPendingPaperText()).toEqual({ extracted: 0, unreadable: 0 });
    expect(textEvents(gone)).toHaveLength(0);
    expect(consumerPosition(PAPER_TEXT_CONSUMER)).toBe(lastEventId());
  }, 60_000);
});
