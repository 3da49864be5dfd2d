/**
 * The command that publishes (or updates) a meeting's summary for partners:
 * its board's secretary or an administrator, once the meeting is held. Only
 * the introduction is written by hand; the decisions and actions that follow
 * it are read from their records, for each reader, when the summary is shown.
 */
import { eq } from "drizzle-orm";
import type { ChangeSource } from "../../db/enums";
import { boards, meetingSummaries, meetings } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { lastEventId, recordEvent } from "../events/event-log.server";
import { renderForSave } from "../markdown/render-for-save.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "../platform/errors";
import { validated } from "../roadmap/roadmap-item-schemas";
import { managesBoard } from "./board-access.server";
import { type SummaryFields, SummaryInputSchema } from "./summary-schemas";

export interface PublishedSummary {
  meetingId: number;
  /** True when the meeting already had a summary. */
  updated: boolean;
  eventId: number;
}

/** The meeting (with its board and any summary) whose summary this person would publish; NotFoundError, or ForbiddenError for a non-manager. */
export function meetingForSummary(actor: SessionUser, meetingId: number, db: Db = getDb()) {
  const found = Number.isSafeInteger(meetingId)
    ? db
        .select({ meeting: meetings, boardName: boards.name, boardSlug: boards.slug })
        .from(meetings)
        .innerJoin(boards, eq(meetings.boardId, boards.id))
        .where(eq(meetings.id, meetingId))
        .get()
    : undefined;
  if (!found) throw new NotFoundError("meeting");
  if (!managesBoard(actor, found.meeting.boardId)) throw new ForbiddenError("meeting summary");
  const summary = db.select().from(meetingSummaries).where(eq(meetingSummaries.meetingId, meetingId)).get();
  return { ...found.meeting, boardName: found.boardName, boardSlug: found.boardSlug, summary: summary ?? null };
}

/**
 * Writes the summary, its rendered introduction and its
 * "meeting.summary_published" event: the one write of a summary, for the
 * command and the demo content's import alike. The meeting must be held.
 */
export function writeMeetingSummary(
  tx: Db,
  meetingId: number,
  introduction: string,
  by: { actorId: string | null; source: ChangeSource; now: Date },
): { updated: boolean } {
  const meeting = tx.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) throw new NotFoundError("meeting");
  if (meeting.status !== "held") throw new ValidationError({ introduction: ["summaries.notHeld"] });
  const rendered = renderForSave({ introduction });
  const existing = tx
    .select({ meetingId: meetingSummaries.meetingId })
    .from(meetingSummaries)
    .where(eq(meetingSummaries.meetingId, meetingId))
    .get();
  if (existing) {
    tx.update(meetingSummaries)
      .set({ introduction, rendered, updatedAt: by.now })
      .where(eq(meetingSummaries.meetingId, meetingId))
      .run();
  } else {
    tx.insert(meetingSummaries)
      .values({ meetingId, introduction, rendered, publishedBy: by.actorId, publishedAt: by.now, updatedAt: by.now })
      .run();
  }
  recordEvent(
    tx,
    {
      type: "meeting.summary_published",
      recordType: "meeting",
      recordId: meetingId,
      actorId: by.actorId,
      source: by.source,
      partnerIds: [],
      data: { updated: Boolean(existing) },
    },
    by.now,
  );
  return { updated: Boolean(existing) };
}

/**
 * Publishes or updates a held meeting's summary. Throws NotFoundError,
 * ForbiddenError (before any word on the input) or ValidationError (no
 * introduction, too long, the meeting not held).
 */
export function publishMeetingSummary({
  actor,
  meetingId,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  meetingId: number;
  fields: SummaryFields;
  db?: Db;
}): PublishedSummary {
  meetingForSummary(actor, meetingId, db);
  const { introduction } = validated(SummaryInputSchema, fields);
  return writeTransaction((tx) => {
    meetingForSummary(actor, meetingId, tx);
    const { updated } = writeMeetingSummary(tx, meetingId, introduction, {
      actorId: actor.id,
      source: "web",
      now: new Date(),
    });
    return { meetingId, updated, eventId: lastEventId(tx) };
  }, db);
}
