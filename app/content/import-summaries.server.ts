/**
 * Imports the demo summaries for partners from
 * `content/boards/<board slug>/summaries.md`: a list of entries, each naming
 * its meeting by import key (`<board slug>/<meeting file name>`), how many
 * days before the import it was published, and its introduction. Each is
 * written through the summary's one write (its rendering and its
 * "meeting.summary_published" event); a meeting that already has a summary
 * keeps it, so a summary changed in the Hub stays as changed. Dates are days
 * before the import (decision 046).
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import matter from "gray-matter";
import { z } from "zod";
import { meetingSummaries, meetings } from "../../db/schema";
import { writeMeetingSummary } from "../boards/publish-summary.server";
import { SummaryInputSchema } from "../boards/summary-schemas";
import type { Db } from "../platform/db.server";
import { ValidationError } from "../platform/errors";

const DAY_MS = 24 * 60 * 60 * 1000;

export const SummariesFileSchema = z.object({
  summaries: z
    .array(
      z.object({
        /** `<board slug>/<meeting file name without .md>`. */
        meeting: z.string().regex(/^[a-z0-9-]+\/[A-Za-z0-9._-]+$/),
        publishedDaysAgo: z.number().int().min(0).max(3650),
        introduction: z.string(),
      }),
    )
    .default([]),
});

export type SummaryEntry = z.infer<typeof SummariesFileSchema>["summaries"][number] & { file: string };

/** The entries of every board's `summaries.md` under `<dir>/boards`. Throws naming the first bad file. */
export function readSummaryFiles(dir: string): SummaryEntry[] {
  const boardsDir = path.join(dir, "boards");
  if (!fs.existsSync(boardsDir)) return [];
  const entries: SummaryEntry[] = [];
  for (const board of fs.readdirSync(boardsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const file = path.join(boardsDir, board.name, "summaries.md");
    if (!fs.existsSync(file)) continue;
    const parsed = SummariesFileSchema.safeParse(matter(fs.readFileSync(file, "utf8")).data);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new Error(`${file}: ${problems}`);
    }
    entries.push(...parsed.data.summaries.map((entry) => ({ ...entry, file })));
  }
  return entries.sort((a, b) => b.publishedDaysAgo - a.publishedDaysAgo);
}

export type SummaryCounts = { created: number; unchanged: number };

/**
 * Writes the summaries of meetings that have none, inside the caller's
 * transaction (after the meetings' import). Throws naming the file for an
 * unknown or not yet held meeting, or an introduction the form would refuse.
 */
export function importSummaries(tx: Db, entries: SummaryEntry[], now: Date): SummaryCounts {
  const counts: SummaryCounts = { created: 0, unchanged: 0 };
  for (const entry of entries) {
    const where = `${entry.file}: ${entry.meeting}`;
    const meeting = tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.importKey, entry.meeting)).get();
    if (!meeting) throw new Error(`${where}: unknown meeting`);
    const parsed = SummaryInputSchema.safeParse({ introduction: entry.introduction });
    if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
    const existing = tx
      .select({ meetingId: meetingSummaries.meetingId })
      .from(meetingSummaries)
      .where(eq(meetingSummaries.meetingId, meeting.id))
      .get();
    if (existing) {
      counts.unchanged++;
      continue;
    }
    try {
      writeMeetingSummary(tx, meeting.id, parsed.data.introduction, {
        actorId: null,
        source: "import",
        now: new Date(now.getTime() - entry.publishedDaysAgo * DAY_MS),
      });
    } catch (error) {
      if (error instanceof ValidationError) throw new Error(`${where}: the meeting is not held`);
      throw error;
    }
    counts.created++;
  }
  return counts;
}
