import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getUserByEmail } from "~/auth/users.server";
import { readContentDirectory } from "~/content/content-files.server";
import { ensureDemoAccounts } from "~/content/demo-accounts.server";
import { importBoardContent } from "~/content/import-boards.server";
import { importContent } from "~/content/import-content.server";
import { getDb } from "~/platform/db.server";
import { agendaItems, boardMembers, boards, events, meetings, revisions } from "../../db/schema";

const CONTENT = "content";
const DAY_MS = 24 * 60 * 60 * 1000;
const total = (table: typeof events | typeof meetings | typeof revisions | typeof agendaItems) =>
  getDb().select({ n: count() }).from(table).get()?.n ?? 0;

beforeAll(async () => {
  importContent(readContentDirectory(CONTENT));
  await ensureDemoAccounts();
});

describe("the boards' demo content", () => {
  it("imports three boards with their seats and meetings; importing again changes nothing", () => {
    const now = new Date();
    const first = importBoardContent(CONTENT, getDb(), now);
    expect(first.boards.created).toBe(3);
    expect(first.meetings.created).toBeGreaterThanOrEqual(8);
    const strategic = getDb().select().from(boards).where(eq(boards.slug, "srs-strategic-board")).get();
    expect(strategic?.referencePrefix).toBe("SB");
    const secretary = getUserByEmail("secretary@demo.srs-hub.test");
    const newport = getUserByEmail("editor.newport@demo.srs-hub.test");
    const seats = getDb()
      .select()
      .from(boardMembers)
      .where(eq(boardMembers.boardId, strategic?.id ?? 0))
      .all();
    expect(seats.find((seat) => seat.userId === secretary?.id)?.role).toBe("secretary");
    expect(seats.find((seat) => seat.userId === newport?.id)?.role).toBe("member");
    // Upcoming meetings stay upcoming, past ones span two years, and one agenda item is confidential.
    const all = getDb().select().from(meetings).all();
    expect(
      all.filter((meeting) => meeting.startsAt > now && meeting.status === "scheduled").length,
    ).toBeGreaterThanOrEqual(3);
    const oldest = Math.min(...all.map((meeting) => meeting.startsAt.getTime()));
    expect(now.getTime() - oldest).toBeGreaterThan(365 * DAY_MS);
    expect(getDb().select().from(agendaItems).where(eq(agendaItems.confidential, true)).all().length).toBeGreaterThan(
      0,
    );
    expect(
      all.find((meeting) => meeting.importKey === "srs-strategic-board/03-roadmap-priorities")?.rendered?.html.minutes,
    ).toContain("Roadmap priorities");

    const counts = [total(events), total(meetings), total(revisions), total(agendaItems)];
    const later = new Date(now.getTime() + 3 * DAY_MS);
    const second = importBoardContent(CONTENT, getDb(), later);
    expect(second.boards).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(second.meetings).toEqual({ created: 0, updated: 0, unchanged: first.meetings.created });
    expect([total(events), total(meetings), total(revisions), total(agendaItems)]).toEqual(counts);
  });
});
