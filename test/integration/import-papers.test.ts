/**
 * The demo papers from content/boards/: imported through the papers' own
 * write with their events, each file stored once, the confidential one
 * confidential; a second import changes nothing; and their text, read by the
 * paper-text consumer, holds the phrases their titles do not.
 */
import fs from "node:fs";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { importPapers, readPaperContent } from "~/content/import-papers.server";
import { storedFilePath } from "~/files/file-storage.server";
import { readPendingPaperText } from "~/papers/paper-text.server";
import { getDb, writeTransaction } from "~/platform/db.server";
import { events, meetings, papers } from "../../db/schema";
import { givenBoard, givenMeeting } from "../support/board-rows";

const content = readPaperContent("content");

beforeAll(() => {
  // The meetings the demo papers name, as the boards' import would leave them.
  for (const key of new Set(content.map((entry) => entry.meeting))) {
    const meeting = givenMeeting(givenBoard().id);
    getDb().update(meetings).set({ importKey: key }).where(eq(meetings.id, meeting.id)).run();
    // Agenda items up to the highest position a paper of this meeting names.
    const highest = Math.max(
      0,
      ...content.filter((entry) => entry.meeting === key).map((entry) => entry.agendaItem ?? 0),
    );
    for (let position = 1; position <= highest; position++) {
      getDb()
        .$client.prepare("insert into agenda_items (meeting_id, position, title, updated_at) values (?, ?, 'Item', 0)")
        .run(meeting.id, position);
    }
  }
});

describe("the demo papers", () => {
  it("are imported once, with their events, and found by the phrases inside them", async () => {
    expect(content.length).toBeGreaterThanOrEqual(5);
    const first = writeTransaction((tx) => importPapers(tx, content, new Date()));
    expect(first).toEqual({ created: content.length, unchanged: 0 });
    const again = writeTransaction((tx) => importPapers(tx, content, new Date()));
    expect(again).toEqual({ created: 0, unchanged: content.length });

    const rows = getDb().select().from(papers).all();
    expect(rows).toHaveLength(content.length);
    expect(rows.filter((row) => row.confidential).map((row) => row.title)).toEqual([
      "Shared security operations centre: supplier evaluation",
    ]);
    for (const row of rows) expect(fs.existsSync(storedFilePath(row.fileSha256))).toBe(true);
    const uploaded = getDb()
      .select()
      .from(events)
      .where(
        inArray(
          events.recordId,
          rows.map((row) => String(row.id)),
        ),
      )
      .all()
      .filter((event) => event.type === "paper.uploaded");
    expect(uploaded).toHaveLength(content.length);
    expect(uploaded.every((event) => event.source === "import")).toBe(true);

    expect(await readPendingPaperText()).toEqual({ extracted: content.length, unreadable: 0 });
    const text = (title: string) =>
      getDb()
        .select()
        .from(papers)
        .all()
        .find((row) => row.title === title)?.extractedText ?? "";
    expect(text("Data centre consolidation: storage options appraisal")).toContain(
      "tiered storage saves £84,000 a year",
    );
    expect(text("SD-WAN rollout: progress report")).toContain("eleven of the fourteen library sites");
    expect(text("Budget monitoring, month 10")).toContain("Microsoft 365 licence underspend");
    expect(text("Internal audit report: backup and recovery")).toContain(
      "Restore tests passed for 23 of 24 critical systems",
    );
  }, 60_000);
});
