/**
 * The "paper-text" consumer of the event log (decision 051): for each
 * "paper.uploaded" event it reads the paper's text (text-extraction.server.ts)
 * and stores it, or marks the paper unreadable with the reason, and records
 * "paper.text_extracted", which is what makes the search relay index the
 * paper again with its text. It has its own cursor, apart from the search
 * relay's batches, and moves it after each event: a file that cannot be read
 * is marked and passed, and never holds up the rest.
 */
import { and, eq } from "drizzle-orm";
import { papers, storedFiles } from "../../db/schema";
import { advanceConsumer, consumerPosition } from "../events/consumers.server";
import { eventsAfter, recordEvent } from "../events/event-log.server";
import { storedFileForReading } from "../files/file-storage.server";
import { getDb, writeTransaction } from "../platform/db.server";
import { type Extraction, extractText } from "./text-extraction.server";

export const PAPER_TEXT_CONSUMER = "paper-text";
const EVENTS_PER_READ = 200;

export interface PaperTextOptions {
  timeLimitMs?: number;
  maxChars?: number;
  dataDir?: string;
  /** Asked before each paper: true to stop (the lease was lost, the Hub is stopping). */
  shouldStop?: () => boolean;
}

export interface PaperTextReport {
  extracted: number;
  unreadable: number;
}

/** Reads one paper's text and stores the outcome, if it still waits for it. */
async function readPaperText(paperId: number, options: PaperTextOptions, report: PaperTextReport): Promise<void> {
  const paper = getDb()
    .select({ sha256: papers.fileSha256, textState: papers.textState, fileType: storedFiles.fileType })
    .from(papers)
    .innerJoin(storedFiles, eq(storedFiles.sha256, papers.fileSha256))
    .where(eq(papers.id, paperId))
    .get();
  // Removed since, or read already (an event replayed after a crash).
  if (paper?.textState !== "pending") return;
  const outcome: Extraction = await extractText(storedFileForReading(paper.sha256, options.dataDir), paper.fileType, {
    timeLimitMs: options.timeLimitMs,
    maxChars: options.maxChars,
  });
  const state = outcome.ok ? "extracted" : "unreadable";
  writeTransaction((tx) => {
    const changed = tx
      .update(papers)
      .set({
        textState: state,
        extractedText: outcome.ok ? outcome.text : null,
        textProblem: outcome.ok ? null : outcome.problem,
      })
      .where(and(eq(papers.id, paperId), eq(papers.textState, "pending")))
      .run().changes;
    if (changed === 0) return;
    recordEvent(tx, {
      type: "paper.text_extracted",
      recordType: "paper",
      recordId: paperId,
      actorId: null,
      source: "system",
      partnerIds: [],
      data: { state },
    });
  });
  if (outcome.ok) report.extracted++;
  else report.unreadable++;
}

/** Handles every event not yet handled (or until told to stop); what it did. */
export async function readPendingPaperText(options: PaperTextOptions = {}): Promise<PaperTextReport> {
  const report: PaperTextReport = { extracted: 0, unreadable: 0 };
  for (;;) {
    let position = consumerPosition(PAPER_TEXT_CONSUMER);
    const events = eventsAfter(position, EVENTS_PER_READ);
    if (events.length === 0) return report;
    for (const event of events) {
      if (options.shouldStop?.()) return report;
      if (event.type === "paper.uploaded") await readPaperText(Number(event.recordId), options, report);
      // Someone else moved the cursor meanwhile (another holder): leave the rest to them.
      if (!advanceConsumer(getDb(), PAPER_TEXT_CONSUMER, position, event.id)) return report;
      position = event.id;
    }
  }
}
