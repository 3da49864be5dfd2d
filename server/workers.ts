/**
 * Several processes serving HTTP on one port (node:cluster): the primary
 * prepares the database and runs search and its relay; each worker only
 * serves requests, sharing the SQLite database (WAL) and the one Meilisearch.
 * A worker that dies is replaced; one that dies at start, again and again,
 * stops the Hub instead of looping (decision 027).
 */
import cluster, { type Worker } from "node:cluster";
import { WORKER_HOST_VARIABLE } from "../app/platform/env.server";

export interface WorkerPool {
  /** The port every worker listens on, once all of them do. */
  listening: Promise<number>;
  /** Stops every worker, letting requests in flight finish. */
  stop(): Promise<void>;
}

/** A worker that dies within this long of starting counts as failing to start. */
const STARTUP_GRACE_MS = 30_000;
/** Replacements for workers that fail to start, in a row, before the Hub gives up. */
const MAX_FAILED_STARTS = 5;
/** How long a worker has to finish its requests after being asked to stop. */
const STOP_TIMEOUT_MS = 9_000;

export function runWorkers({
  count,
  host,
  log,
}: {
  count: number;
  host: string;
  log: (line: string) => void;
}): WorkerPool {
  let stopping = false;
  let failedStarts = 0;
  let resolveListening: (port: number) => void = () => {};
  let rejectListening: (error: Error) => void = () => {};
  const listening = new Promise<number>((resolve, reject) => {
    resolveListening = resolve;
    rejectListening = reject;
  });
  const ready = new Set<number>();
  const startedAt = new Map<number, number>();

  const fork = (): Worker => {
    const worker = cluster.fork({ [WORKER_HOST_VARIABLE]: host });
    startedAt.set(worker.id, Date.now());
    worker.on("message", (message: { listening?: number }) => {
      if (typeof message?.listening !== "number") return;
      failedStarts = 0;
      ready.add(worker.id);
      if (ready.size === count) resolveListening(message.listening);
    });
    return worker;
  };

  cluster.on("exit", (worker, code, signal) => {
    ready.delete(worker.id);
    // A worker told to stop by someone else (a service manager signalling the whole group) is not replaced.
    if (stopping || code === 0 || signal === "SIGTERM" || signal === "SIGINT") return;
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (lived < STARTUP_GRACE_MS && ++failedStarts >= MAX_FAILED_STARTS) {
      log(`Worker ${worker.process.pid} exited (${how}); ${failedStarts} workers in a row failed to start: stopping.`);
      rejectListening(new Error("Worker processes keep failing to start; see the lines above."));
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exitCode = 1;
      setTimeout(() => process.exit(1), STOP_TIMEOUT_MS).unref();
      return;
    }
    log(`Worker ${worker.process.pid} exited (${how}); starting another.`);
    // A worker failing at start is retried after a pause that grows, not in a tight loop.
    setTimeout(() => !stopping && fork(), failedStarts === 0 ? 0 : 500 * 2 ** failedStarts);
  });

  for (let i = 0; i < count; i++) fork();

  return {
    listening,
    stop: async () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once("exit", () => resolve());
              worker.process.kill("SIGTERM");
              setTimeout(() => {
                worker.process.kill("SIGKILL");
                resolve();
              }, STOP_TIMEOUT_MS).unref();
            }),
        ),
      );
    },
  };
}
