/**
 * A small cluster for test/integration/cluster-metrics.test.ts: a primary
 * that answers metrics requests (as the Hub's primary does) and two workers
 * serving HTTP on one port, each counting requests with the Hub's request
 * log middleware and answering /metrics as the Hub's route does. The primary
 * prints the port once both workers listen.
 */
import cluster from "node:cluster";
import express from "express";
import {
  answerWorkerMetricsRequests,
  joinClusterMetrics,
  metricsForScrape,
} from "../../app/operations/cluster-metrics.server";
import { countSearchError } from "../../app/platform/metrics.server";
import { requestLog } from "../../server/request-log";

const WORKERS = 2;

if (cluster.isPrimary) {
  answerWorkerMetricsRequests();
  // Counted by the primary itself, as the search relay's failures are.
  countSearchError("write");
  let listening = 0;
  cluster.on("listening", (_worker, address) => {
    listening++;
    if (listening === WORKERS) process.stdout.write(`${address.port}\n`);
  });
  for (let i = 0; i < WORKERS; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
    process.exit(0);
  });
} else {
  joinClusterMetrics();
  const app = express();
  app.use(requestLog({ routeOf: (pathname) => pathname }));
  app.get("/metrics", async (_req, res) => {
    res.setHeader("X-Worker", String(process.pid));
    res.type("text/plain").send(await metricsForScrape());
  });
  app.get("/count", (_req, res) => {
    res.setHeader("X-Worker", String(process.pid));
    res.send("counted");
  });
  app.listen(0, "127.0.0.1");
}
