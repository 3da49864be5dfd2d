/**
 * Imports the demo boards and their meetings from `content/boards/`
 * (content/README.md describes the files) through the same writes the web
 * forms use, with their events and revisions. Boards are matched by slug and
 * meetings by their import key (`<board slug>/<file name>`); each record's
 * input is hashed, so an unchanged file changes nothing. Meeting dates are
 * days from the import (decision 046), so upcoming meetings stay upcoming.
 *
 * Seats name demo accounts, which exist only after the demo accounts are
 * made: run this after them. A member whose account is missing is left out,
 * and the hash records it, so a later import seats them.
 */

import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import matter from "gray-matter";
import { z } from "zod";
import { BOARD_ROLES, MEETING_STATUSES } from "../../db/enums";
import { boards, meetings } from "../../db/schema";
import { getUserByEmail } from "../auth/users.server";
import { writeBoardChange, writeNewBoard, writeSeat } from "../boards/board-commands.server";
import { BoardInputSchema } from "../boards/board-schemas";
import { AgendaItemInputSchema, MeetingInputSchema, MinutesInputSchema } from "../boards/meeting-schemas";
import { ukLocalToUtc } from "../boards/meeting-times";
import {
  type MeetingWriteMeta,
  writeAttendance,
  writeMeetingChange,
  writeMeetingStatus,
  writeMinutes,
  writeNewAgendaItem,
  writeNewMeeting,
} from "../boards/meeting-writes.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ValidationError } from "../platform/errors";
import { todayInUk } from "../posts/post-dates";
import { validated } from "../roadmap/roadmap-item-schemas";
import { type ActionImportCounts, importActions, readActionFiles } from "./import-actions.server";
import { type DecisionImportCounts, importDecisions, readDecisionFiles } from "./import-decisions.server";
import { importPapers, type PaperImportCounts, readPaperContent } from "./import-papers.server";
import { importSummaries, readSummaryFiles, type SummaryCounts } from "./import-summaries.server";
import { inputHash, storedHash, storeHash } from "./imported-content.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export const BoardFileSchema = z.object({
  name: z.string().min(1),
  referencePrefix: z.string(),
  members: z.array(z.object({ email: z.email(), role: z.enum(BOARD_ROLES) })).default([]),
  description: z.string().default(""),
});

export const MeetingFileSchema = z.object({
  /** Days from the import: negative for a meeting in the past. */
  daysFromImport: z.number().int().min(-3650).max(3650),
  /** UK local time, "10:00". */
  time: z.string(),
  durationMinutes: z.number().int().min(15).max(600).default(120),
  location: z.string().default(""),
  online: z.string().default(""),
  status: z.enum(MEETING_STATUSES).default("scheduled"),
  agenda: z
    .array(
      z.object({ title: z.string(), description: z.string().default(""), confidential: z.boolean().default(false) }),
    )
    .default([]),
  attended: z.array(z.email()).default([]),
  apologies: z.array(z.email()).default([]),
  /** The body: minutes, for a held meeting. */
  minutes: z.string().default(""),
});

type BoardFile = z.infer<typeof BoardFileSchema> & { slug: string; file: string };
type MeetingFile = z.infer<typeof MeetingFileSchema> & { key: string; file: string };

export interface BoardImportCounts {
  boards: { created: number; updated: number; unchanged: number };
  meetings: { created: number; updated: number; unchanged: number };
  papers?: PaperImportCounts;
  decisions?: DecisionImportCounts;
  actions?: ActionImportCounts;
  summaries?: SummaryCounts;
}

function readMarkdown<T>(file: string, schema: z.ZodType<T>, bodyKey: string): T {
  const { data, content } = matter(fs.readFileSync(file, "utf8"));
  const parsed = schema.safeParse({ ...data, [bodyKey]: content.trim() });
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

/** `<dir>/boards/<slug>/_board.md` and `<dir>/boards/<slug>/meetings/*.md`. Throws naming the first bad file. */
export function readBoardFiles(contentDir: string): { boards: BoardFile[]; meetings: Map<string, MeetingFile[]> } {
  const root = path.join(contentDir, "boards");
  const found: BoardFile[] = [];
  const meetingsByBoard = new Map<string, MeetingFile[]>();
  if (!fs.existsSync(root)) return { boards: found, meetings: meetingsByBoard };
  for (const slug of fs.readdirSync(root).sort()) {
    const file = path.join(root, slug, "_board.md");
    if (!fs.existsSync(file)) continue;
    found.push({ ...readMarkdown(file, BoardFileSchema, "description"), slug, file });
    const meetingDir = path.join(root, slug, "meetings");
    const files = fs.existsSync(meetingDir)
      ? fs
          .readdirSync(meetingDir)
          .filter((name) => name.endsWith(".md"))
          .sort()
      : [];
    meetingsByBoard.set(
      slug,
      files.map((name) => ({
        ...readMarkdown(path.join(meetingDir, name), MeetingFileSchema, "minutes"),
        key: `${slug}/${name.slice(0, -3)}`,
        file: path.join(meetingDir, name),
      })),
    );
  }
  return { boards: found, meetings: meetingsByBoard };
}

function named(file: string, error: unknown): Error {
  if (error instanceof ValidationError) return new Error(`${file}: ${JSON.stringify(error.fieldErrors)}`);
  return new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
}

const userIdOf = (tx: Db, email: string) => getUserByEmail(email, tx)?.id ?? null;

function importBoard(tx: Db, source: BoardFile, now: Date, counts: BoardImportCounts): number {
  const seats = source.members.map((member) => ({ ...member, userId: userIdOf(tx, member.email) }));
  const { file: _file, ...input } = source;
  const hash = inputHash({ ...input, found: seats.map((seat) => seat.userId !== null) });
  const existing = tx.select().from(boards).where(eq(boards.slug, source.slug)).get();
  if (existing && storedHash(tx, "board", existing.id) === hash) {
    counts.boards.unchanged++;
    return existing.id;
  }
  const fields = validated(BoardInputSchema, {
    name: source.name,
    slug: source.slug,
    referencePrefix: source.referencePrefix,
    description: source.description,
  });
  const meta = { actorId: null, source: "import" as const, now };
  const id = existing ? existing.id : writeNewBoard(tx, fields, meta);
  if (existing) writeBoardChange(tx, existing.id, fields, meta);
  // Chairs last changes nothing here: a file names at most one chair, as the seat rule wants.
  for (const seat of seats) if (seat.userId) writeSeat(tx, id, seat.userId, seat.role, meta);
  storeHash(tx, "board", id, hash, now);
  if (existing) counts.boards.updated++;
  else counts.boards.created++;
  return id;
}

/** The meeting's instants: its day is `daysFromImport` from the import's UK day. */
function meetingWrite(source: MeetingFile, now: Date) {
  const day = todayInUk(new Date(now.getTime() + source.daysFromImport * DAY_MS));
  const input = validated(MeetingInputSchema, {
    day,
    startTime: source.time,
    location: source.location,
    onlineUrl: source.online,
  });
  const startsAt = ukLocalToUtc(input.day, input.startTime);
  return {
    startsAt,
    endsAt: new Date(startsAt.getTime() + source.durationMinutes * 60_000),
    location: input.location,
    onlineUrl: input.onlineUrl,
  };
}

function importMeeting(tx: Db, boardId: number, source: MeetingFile, now: Date, counts: BoardImportCounts): void {
  const { file: _file, ...input } = source;
  const people = [...source.attended, ...source.apologies].map((email) => userIdOf(tx, email));
  const hash = inputHash({ ...input, found: people.map((id) => id !== null) });
  const existing = tx.select().from(meetings).where(eq(meetings.importKey, source.key)).get();
  if (existing && storedHash(tx, "meeting", existing.id) === hash) {
    counts.meetings.unchanged++;
    return;
  }
  const facts = meetingWrite(source, now);
  // A past meeting's records are dated when it was held, not when the demo was loaded.
  const at = new Date(Math.min(now.getTime(), facts.startsAt.getTime()));
  const meta: MeetingWriteMeta = { actorId: null, source: "import", now: at };
  let id: number;
  if (existing) {
    id = existing.id;
    writeMeetingChange(tx, id, facts, meta);
    counts.meetings.updated++;
  } else {
    id = writeNewMeeting(tx, boardId, facts, meta, source.key);
    for (const item of source.agenda) writeNewAgendaItem(tx, id, validated(AgendaItemInputSchema, item), meta);
    counts.meetings.created++;
  }
  writeMeetingStatus(tx, id, source.status, meta);
  const entries = [
    ...source.attended.map((email) => ({ email, attendance: "attended" as const })),
    ...source.apologies.map((email) => ({ email, attendance: "apologies" as const })),
  ].flatMap((entry) => {
    const userId = userIdOf(tx, entry.email);
    return userId ? [{ userId, attendance: entry.attendance }] : [];
  });
  if (entries.length > 0) writeAttendance(tx, id, entries, meta);
  if (source.status === "held" && source.minutes.trim()) {
    writeMinutes(tx, id, validated(MinutesInputSchema, { minutes: source.minutes }).minutes, meta);
  }
  storeHash(tx, "meeting", id, hash, now);
}

/**
 * The boards' demo content, in one transaction: boards and their seats,
 * meetings, then (each by its own importer, in this order) papers,
 * decisions, actions and summaries. Call it after the demo accounts exist.
 */
export function importBoardContent(contentDir: string, db: Db = getDb(), now: Date = new Date()): BoardImportCounts {
  const files = readBoardFiles(contentDir);
  const counts: BoardImportCounts = {
    boards: { created: 0, updated: 0, unchanged: 0 },
    meetings: { created: 0, updated: 0, unchanged: 0 },
  };
  writeTransaction((tx) => {
    for (const board of files.boards) {
      let boardId: number;
      try {
        boardId = importBoard(tx, board, now, counts);
      } catch (error) {
        throw named(board.file, error);
      }
      for (const meeting of files.meetings.get(board.slug) ?? []) {
        try {
          importMeeting(tx, boardId, meeting, now, counts);
        } catch (error) {
          throw named(meeting.file, error);
        }
      }
    }
    counts.papers = importPapers(tx, readPaperContent(contentDir), now);
    counts.decisions = importDecisions(tx, readDecisionFiles(contentDir), now);
    counts.actions = importActions(tx, readActionFiles(contentDir), now);
    counts.summaries = importSummaries(tx, readSummaryFiles(contentDir), now);
  }, db);
  return counts;
}
