/**
 * The demo boards' papers: `content/boards/<board>/papers/_papers.md` lists
 * them (meeting by its import key, agenda item by position, title, file,
 * confidential), the files beside it. Imported through the papers' own
 * write (writePaper) with its event, so their text is read and indexed as
 * an upload's is. Idempotent by content: a meeting that already has a paper
 * with the same file is left alone, and a file is stored once however many
 * papers use it.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import matter from "gray-matter";
import { z } from "zod";
import { agendaItems, meetings, papers } from "../../db/schema";
import { discardUpload, keepUpload, stageBytes } from "../files/file-storage.server";
import { writePaper } from "../papers/paper-commands.server";
import { PaperFieldsSchema } from "../papers/paper-schemas";
import { getPaperMeeting } from "../papers/papers.server";
import type { Db } from "../platform/db.server";

export const PAPERS_FILE = "_papers.md";
/** The demo's files are small; this only stops a mistake from filling the data folder. */
const MAX_DEMO_FILE_BYTES = 5 * 1024 * 1024;

const PapersFileSchema = z.object({
  papers: z.array(
    z.object({
      /** `<board slug>/<meeting file name without .md>`. */
      meeting: z.string().regex(/^[a-z0-9-]+\/[A-Za-z0-9-]+$/),
      /** The agenda item's position in that meeting. */
      agendaItem: z.number().int().positive().optional(),
      title: z.string().min(1),
      /** A file beside _papers.md. */
      file: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
      confidential: z.boolean().default(false),
    }),
  ),
});

export interface PaperContent {
  meeting: string;
  agendaItem?: number;
  title: string;
  fileName: string;
  content: Buffer;
  confidential: boolean;
  /** Where it came from, for error messages. */
  source: string;
}

/** Reads every board's `papers/_papers.md` under `<contentDir>/boards`, with its files. Throws naming a bad file. */
export function readPaperContent(contentDir: string): PaperContent[] {
  const boardsDir = path.join(contentDir, "boards");
  if (!fs.existsSync(boardsDir)) return [];
  const entries: PaperContent[] = [];
  for (const board of fs.readdirSync(boardsDir).sort()) {
    const listFile = path.join(boardsDir, board, "papers", PAPERS_FILE);
    if (!fs.existsSync(listFile)) continue;
    const parsed = PapersFileSchema.safeParse(matter(fs.readFileSync(listFile, "utf8")).data);
    if (!parsed.success)
      throw new Error(`${listFile}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
    for (const entry of parsed.data.papers) {
      entries.push({
        meeting: entry.meeting,
        agendaItem: entry.agendaItem,
        title: entry.title,
        fileName: entry.file,
        content: fs.readFileSync(path.join(path.dirname(listFile), entry.file)),
        confidential: entry.confidential,
        source: `${listFile}: ${entry.file}`,
      });
    }
  }
  return entries;
}

export type PaperImportCounts = { created: number; unchanged: number };

/**
 * Imports the papers inside the caller's transaction (after the meetings),
 * dated `now`. Throws naming the entry that cannot be imported.
 */
export function importPapers(tx: Db, entries: PaperContent[], now: Date): PaperImportCounts {
  const counts: PaperImportCounts = { created: 0, unchanged: 0 };
  for (const entry of entries) {
    const meetingRow = tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.importKey, entry.meeting)).get();
    if (!meetingRow) throw new Error(`${entry.source}: no meeting ${entry.meeting}`);
    const meeting = getPaperMeeting(meetingRow.id, tx);
    const staged = stageBytes(entry.content, { name: entry.fileName, maxBytes: MAX_DEMO_FILE_BYTES });
    if (!staged.ok) throw new Error(`${entry.source}: ${staged.problem}`);
    const { upload } = staged;
    const existing = tx
      .select({ id: papers.id })
      .from(papers)
      .where(and(eq(papers.meetingId, meeting.id), eq(papers.fileSha256, upload.sha256)))
      .get();
    if (existing) {
      discardUpload(upload);
      counts.unchanged++;
      continue;
    }
    let agendaItem: number | null = null;
    if (entry.agendaItem !== undefined) {
      const item = tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.position, entry.agendaItem)))
        .get();
      if (!item) throw new Error(`${entry.source}: ${entry.meeting} has no agenda item ${entry.agendaItem}`);
      agendaItem = item.id;
    }
    const fields = PaperFieldsSchema.parse({ title: entry.title, agendaItem, confidential: entry.confidential });
    keepUpload(upload);
    writePaper(tx, { meeting, fields, upload, by: { actorId: null, source: "import" } }, now);
    counts.created++;
  }
  return counts;
}
