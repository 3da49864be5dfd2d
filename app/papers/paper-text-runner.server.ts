/**
 * Runs the paper-text consumer for the life of a Hub process, in whichever
 * process holds its lease (one per data folder, as the search relay does;
 * lease.server.ts), polling the event log. Papers are read one at a time,
 * each in a worker thread with its time limit, so the lease (renewed before
 * each paper) outlives the longest read.
 */
import { withBusyTimeout } from "../platform/db.server";
import { acquireLease, newHolderId, releaseLease } from "../platform/lease.server";
import { PAPER_TEXT_CONSUMER, readPendingPaperText } from "./paper-text.server";
import { TEXT_TIME_LIMIT_MS } from "./text-extraction.server";

export const PAPER_TEXT_LEASE = PAPER_TEXT_CONSUMER;

export interface PaperTextRunnerOptions {
  pollMs?: number;
  standbyCheckMs?: number;
  holder?: string;
  log?: (line: string) => void;
}

export function startPaperTextReader({
  pollMs = 1_000,
  standbyCheckMs = 5_000,
  holder = newHolderId(),
  log = console.log,
}: PaperTextRunnerOptions = {}) {
  // Long enough for a paper's read to finish between renewals.
  const leaseTtlMs = 3 * TEXT_TIME_LIMIT_MS;
  let stopped = false;
  let holding = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let failures = 0;

  const holdLease = (): boolean => {
    try {
      holding = withBusyTimeout(100, () => acquireLease(PAPER_TEXT_LEASE, holder, leaseTtlMs));
    } catch {
      // Another process's write held the lock: try again next round.
      holding = false;
    }
    return holding;
  };

  const tick = async (): Promise<number> => {
    try {
      if (!holdLease()) return standbyCheckMs;
      const report = await readPendingPaperText({ shouldStop: () => stopped || !holdLease() });
      if (report.extracted + report.unreadable > 0) {
        log(`Papers: read the text of ${report.extracted}; ${report.unreadable} could not be read.`);
      }
      failures = 0;
      return pollMs;
    } catch (error) {
      failures++;
      if (failures === 1 || failures % 10 === 0) {
        log(`Reading papers' text failed (attempt ${failures}): ${error instanceof Error ? error.message : error}`);
      }
      return Math.min(60_000, 1_000 * 2 ** (failures - 1));
    }
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().then(schedule);
    }, delay);
    timer.unref();
  };
  schedule(0);

  return {
    holder,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      if (holding) releaseLease(PAPER_TEXT_LEASE, holder);
    },
  };
}
