/**
 * A paper's text, read in a worker thread with a time limit (then the
 * worker is ended) and a memory limit, and capped in length: a hostile or
 * broken file costs that worker, never the Hub's event loop (decision 051).
 */
import { Worker } from "node:worker_threads";
import type { PaperFileType } from "../../db/enums";

export type Extraction = { ok: true; text: string } | { ok: false; problem: string };

/** How long one file may take to read. */
export const TEXT_TIME_LIMIT_MS = 20_000;
/** How much of a paper's text is kept for search (about 2 MB). */
export const MAX_TEXT_CHARS = 2_000_000;
const WORKER_MEMORY_MB = 512;

const WORKER_FILE = new URL("./text-extraction-worker.mjs", import.meta.url);

export function extractText(
  file: string,
  type: PaperFileType,
  { timeLimitMs = TEXT_TIME_LIMIT_MS, maxChars = MAX_TEXT_CHARS }: { timeLimitMs?: number; maxChars?: number } = {},
): Promise<Extraction> {
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER_FILE, {
      workerData: { file, type, maxChars },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB },
      stdout: true,
      stderr: true,
    });
    // What the libraries print about a broken file is not the Hub's to log.
    worker.stdout.resume();
    worker.stderr.resume();
    const settle = (answer: Extraction) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    };
    const timer = setTimeout(() => settle({ ok: false, problem: "papers.textProblem.timeout" }), timeLimitMs);
    worker.on("message", (answer: Extraction) => settle(answer));
    worker.on("error", () => settle({ ok: false, problem: "papers.textProblem.unknown" }));
    worker.on("exit", () => settle({ ok: false, problem: "papers.textProblem.unknown" }));
  });
}
