/**
 * What /metrics answers: the whole Hub's metrics, whichever process is asked.
 *
 * A single process answers from its own registry. With several worker
 * processes (node:cluster), each worker counts only the requests it served:
 * a worker asked for /metrics asks the primary, which gathers every worker's
 * metrics and its own and adds them up with prom-client's AggregatorRegistry
 * (counters and histograms summed; the state gauges, read from SQLite by the
 * primary alone, taken as they are). The messages are the Hub's own, over
 * the cluster's IPC channel.
 */
import cluster from "node:cluster";
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue, Registry } from "prom-client";
import { hubMetrics } from "../platform/metrics.server";
import { processWide } from "../platform/process-wide";
import { registerStateGauges } from "./state-gauges.server";

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** A worker asks the primary for the Hub's metrics. */
const ASK = "srs-hub:metrics:ask";
/** The primary answers the worker that asked, with the text or why not. */
const ANSWER = "srs-hub:metrics:answer";
/** The primary asks each worker for its own metrics... */
const COLLECT = "srs-hub:metrics:collect";
/** ...which each sends back. */
const COLLECTED = "srs-hub:metrics:collected";

/** How long the primary waits for all workers; a scrape gives up a little later. */
export const GATHER_TIMEOUT_MS = 5_000;
const ASK_TIMEOUT_MS = GATHER_TIMEOUT_MS + 1_000;

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

interface Message {
  type?: unknown;
  id?: unknown;
  metrics?: unknown;
  text?: unknown;
  error?: unknown;
}

function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null;
}

/** This process's metrics, with the state gauges: what a process serving alone answers. */
async function localMetricsJson(): Promise<MetricsJson> {
  const { registry } = hubMetrics();
  registerStateGauges(registry);
  return registry.getMetricsAsJSON();
}

/** The Prometheus text for a scrape of /metrics. Rejects if the cluster's primary does not answer. */
export async function metricsForScrape(): Promise<string> {
  if (cluster.isWorker) return askPrimary();
  const { registry } = hubMetrics();
  registerStateGauges(registry);
  return registry.metrics();
}

// ---- In a worker -------------------------------------------------------------

/** Shared by both copies of this module in a worker (see process-wide.ts): one listener, one set of asks. */
const worker = processWide("cluster-metrics.worker", () => ({
  listening: false,
  nextAsk: 0,
  pendingAsks: new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>(),
}));

/**
 * In a cluster worker: answer the primary's requests for this worker's
 * metrics, and its answers to this worker's scrapes. Call once at start
 * (more calls do nothing); outside a worker it does nothing.
 */
export function joinClusterMetrics(): void {
  if (!cluster.isWorker || worker.listening) return;
  worker.listening = true;
  process.on("message", (message: unknown) => {
    if (!isMessage(message)) return;
    if (message.type === COLLECT) {
      hubMetrics()
        .registry.getMetricsAsJSON()
        .then(
          (metrics) => process.send?.({ type: COLLECTED, id: message.id, metrics }),
          (error: unknown) => process.send?.({ type: COLLECTED, id: message.id, error: String(error) }),
        );
    } else if (message.type === ANSWER && typeof message.id === "number") {
      const pending = worker.pendingAsks.get(message.id);
      if (!pending) return;
      worker.pendingAsks.delete(message.id);
      if (typeof message.text === "string") pending.resolve(message.text);
      else pending.reject(new Error(`The primary could not gather the metrics: ${String(message.error)}`));
    }
  });
}

function askPrimary(): Promise<string> {
  joinClusterMetrics();
  const id = worker.nextAsk++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.pendingAsks.delete(id);
      reject(new Error("The primary did not answer a request for the metrics"));
    }, ASK_TIMEOUT_MS);
    timer.unref();
    worker.pendingAsks.set(id, {
      resolve: (text) => {
        clearTimeout(timer);
        resolve(text);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    process.send?.({ type: ASK, id });
  });
}

// ---- In the primary ----------------------------------------------------------

const primary = processWide("cluster-metrics.primary", () => ({
  listening: false,
  nextGather: 0,
  pendingGathers: new Map<number, (metrics: MetricsJson | Error) => void>(),
}));

/** Every connected worker's metrics, or an error if one does not answer in time. */
function gatherWorkers(): Promise<MetricsJson[]> {
  const workers = Object.values(cluster.workers ?? {}).filter((candidate) => candidate?.isConnected());
  return Promise.all(
    workers.map(
      (member) =>
        new Promise<MetricsJson>((resolve, reject) => {
          const id = primary.nextGather++;
          // A worker that dies while asked counts for nothing (its requests are gone with it), at once.
          const gone = () => settle([]);
          const settle = (metrics: MetricsJson | Error) => {
            clearTimeout(timer);
            member?.off("exit", gone);
            primary.pendingGathers.delete(id);
            if (metrics instanceof Error) reject(metrics);
            else resolve(metrics);
          };
          const timer = setTimeout(
            () => settle(new Error(`worker ${member?.process.pid} did not send its metrics in time`)),
            GATHER_TIMEOUT_MS,
          );
          timer.unref();
          primary.pendingGathers.set(id, settle);
          member?.once("exit", gone);
          member?.send({ type: COLLECT, id });
        }),
    ),
  );
}

/** The whole Hub's metrics as Prometheus text: every worker's and the primary's own, added up. */
export async function clusterMetricsText(): Promise<string> {
  const [workers, own] = await Promise.all([gatherWorkers(), localMetricsJson()]);
  return AggregatorRegistry.aggregate([...workers, own]).metrics();
}

/**
 * In the cluster's primary: answer the workers' requests for the Hub's
 * metrics. Call once, before forking workers (more calls do nothing).
 */
export function answerWorkerMetricsRequests(): void {
  if (!cluster.isPrimary || primary.listening) return;
  primary.listening = true;
  cluster.on("message", (sender, message: unknown) => {
    if (!isMessage(message) || typeof message.id !== "number") return;
    if (message.type === COLLECTED) {
      const settle = primary.pendingGathers.get(message.id);
      primary.pendingGathers.delete(message.id);
      settle?.(Array.isArray(message.metrics) ? (message.metrics as MetricsJson) : new Error(String(message.error)));
    } else if (message.type === ASK) {
      const answer = (reply: { text?: string; error?: string }) => {
        if (sender.isConnected()) sender.send({ type: ANSWER, id: message.id, ...reply });
      };
      clusterMetricsText().then(
        (text) => answer({ text }),
        (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
      );
    }
  });
}
