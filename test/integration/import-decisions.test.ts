/**
 * The demo decisions' import: references given at the first import in
 * meeting order, a supersession and a withdrawal, links to the roadmap items
 * they affect; a second import of the same files changes nothing, and a
 * changed file updates the decision but never its reference.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDecisions, readDecisionFiles } from "~/content/import-decisions.server";
import { findDecision } from "~/decisions/decisions.server";
import { lastEventId } from "~/events/event-log.server";
import { getDb, writeTransaction } from "~/platform/db.server";
import { decisions, meetings, recordLinks } from "../../db/schema";
import { givenBoard, givenMeeting } from "../support/board-rows";
import { givenUser } from "../support/factories";
import { givenRoadmapItem } from "../support/roadmap-rows";

const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-decisions-"));
afterAll(() => fs.rmSync(contentDir, { recursive: true, force: true }));

let board: ReturnType<typeof givenBoard>;
let itemSlug: string;
let officerEmail: string;

function meetingWithKey(key: string, startsAt: Date) {
  const meeting = givenMeeting(board.id, { startsAt, status: "held" });
  getDb()
    .update(meetings)
    .set({ importKey: `${board.slug}/${key}` })
    .where(eq(meetings.id, meeting.id))
    .run();
  return meeting;
}

function writeFile(decisionsYaml: string) {
  const dir = path.join(contentDir, "boards", board.slug);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "decisions.md"), `---\ndecisions:\n${decisionsYaml}---\nDecisions.\n`);
}

const entries = (laterTitle: string) => `  - key: later
    meeting: BOARD/2026-03
    title: "${laterTitle}"
    text: "Agreed later."
    decisionMaker: "The Board"
    status: agreed
    effectiveDaysFromImport: 10
    leadOfficer: OFFICER
    supersedes: earlier
    affects: [ITEM]
  - key: earlier
    meeting: BOARD/2025-06
    title: "Decided first"
    text: "Agreed first."
    decisionMaker: "The Board"
    status: superseded
  - key: secret
    meeting: BOARD/2026-03
    title: "A confidential one"
    text: "Agreed in private."
    decisionMaker: "The Board"
    status: agreed
    confidential: true
  - key: pulled
    meeting: BOARD/2025-06
    title: "Withdrawn one"
    text: "Was agreed."
    decisionMaker: "The Chair under delegated powers"
    status: withdrawn
    withdrawnReason: "Made in error"
`;

const fileFor = (laterTitle: string) =>
  entries(laterTitle).replaceAll("BOARD", board.slug).replace("OFFICER", officerEmail).replace("ITEM", itemSlug);

beforeAll(async () => {
  board = givenBoard();
  meetingWithKey("2026-03", new Date("2026-03-05T09:30:00Z"));
  meetingWithKey("2025-06", new Date("2025-06-12T09:30:00Z"));
  itemSlug = givenRoadmapItem().slug;
  const officer = await givenUser("reader");
  officerEmail = officer.email;
});

describe("importing decisions", () => {
  it("numbers them in meeting order, supersedes, withdraws and links; again, changes nothing; edits keep the reference", () => {
    writeFile(fileFor("Decided later"));
    const now = new Date("2026-04-01T12:00:00Z");
    const files = readDecisionFiles(contentDir).filter((file) => file.board === board.slug);
    const first = writeTransaction((tx) => importDecisions(tx, files, now));
    expect(first).toEqual({ created: 4, updated: 0, unchanged: 0, links: 1 });
    const prefix = board.referencePrefix;
    const byKey = (key: string) =>
      getDb()
        .select()
        .from(decisions)
        .where(eq(decisions.importKey, `${board.slug}/${key}`))
        .get();
    expect(["earlier", "pulled", "later", "secret"].map((key) => byKey(key)?.reference)).toEqual([
      `${prefix}-2025-001`,
      `${prefix}-2025-002`,
      `${prefix}-2026-001`,
      `${prefix}-2026-002`,
    ]);
    const later = byKey("later");
    expect(byKey("earlier")?.status).toBe("superseded");
    expect(byKey("earlier")?.supersededById).toBe(later?.id);
    expect([byKey("pulled")?.status, byKey("pulled")?.withdrawnReason]).toEqual(["withdrawn", "Made in error"]);
    expect(byKey("secret")?.confidential).toBe(true);
    expect(later?.effectiveDate).toBe("2026-04-11");
    expect(later?.leadOfficerId).not.toBeNull();
    expect(
      getDb()
        .select()
        .from(recordLinks)
        .where(eq(recordLinks.subjectId, String(later?.id)))
        .all()
        .map((link) => link.relation),
    ).toEqual(["affects"]);

    const before = lastEventId();
    // A week later: the same files change nothing (their dates were fixed at the first import).
    const again = writeTransaction((tx) => importDecisions(tx, files, new Date(now.getTime() + 7 * 86_400_000)));
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 4, links: 0 });
    expect(lastEventId()).toBe(before);

    writeFile(fileFor("Decided later, reworded"));
    const changed = readDecisionFiles(contentDir).filter((file) => file.board === board.slug);
    const third = writeTransaction((tx) => importDecisions(tx, changed, now));
    expect(third).toEqual({ created: 0, updated: 1, unchanged: 3, links: 0 });
    const reworded = findDecision(`${prefix}-2026-001`);
    expect([reworded?.title, reworded?.id]).toEqual(["Decided later, reworded", later?.id]);
    expect(byKey("earlier")?.status).toBe("superseded");
  });

  it("reads the demo content's decision files", () => {
    const files = readDecisionFiles(path.resolve("content"));
    expect(files.map((file) => file.board)).toEqual([
      "finance-and-governance-board",
      "operational-board",
      "srs-strategic-board",
    ]);
    const all = files.flatMap((file) => file.decisions);
    expect(all.some((entry) => entry.confidential)).toBe(true);
    expect(all.some((entry) => entry.supersedes)).toBe(true);
    // Across years as well as boards.
    expect(new Set(all.map((entry) => entry.meeting.split("/")[1]?.slice(0, 4))).size).toBeGreaterThan(1);
  });
});
