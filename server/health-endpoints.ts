/**
 * /healthz, /healthz/live and /healthz/ready, answered by Express before
 * Remix: monitors and load balancers ask every few seconds, and going
 * through Remix's routing and document machinery cost more than the checks
 * themselves (decision 023).
 *
 * - /healthz/live: the process answers. Nothing that could make a living
 *   process look dead; restart it only when this fails.
 * - /healthz/ready: send this process traffic. 200 while the database answers
 *   and has every migration this code needs, else 503. Search being down does
 *   not make the Hub unready: everything but search still works.
 * - /healthz: 200 while the database answers, 503 when it does not, with
 *   "degraded" for search trouble (app/operations/health-report.server.ts).
 *   Anyone may ask for the status; the details only from this machine or as
 *   an administrator (the same rule as /metrics).
 */
import type { NextFunction, Request, Response } from "express";
import { signedInUserOf } from "../app/auth/session.server";
import { currentHealth } from "../app/operations/health-report.server";
import { mayMonitor } from "../app/operations/monitoring-access.server";
import { checkReadiness } from "../app/platform/health.server";
import { monitoringAddressOf } from "./client-address";

/** The addresses served here, as the request log and the metrics name them. */
export const HEALTH_PATHS = ["/healthz", "/healthz/live", "/healthz/ready"] as const;
type HealthPath = (typeof HEALTH_PATHS)[number];

async function health(req: Request, res: Response) {
  const [details, report] = await Promise.all([
    mayMonitor(monitoringAddressOf(req), () => signedInUserOf(req)),
    currentHealth(),
  ]);
  res.status(report.httpStatus).json(details ? report.body : { status: report.body.status });
}

function live(_req: Request, res: Response) {
  res.type("text/plain").send("live");
}

function ready(_req: Request, res: Response) {
  const { ready, database, migrations } = checkReadiness();
  res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unready", database, migrations });
}

const HANDLERS: Record<HealthPath, (req: Request, res: Response) => void | Promise<void>> = {
  "/healthz": health,
  "/healthz/live": live,
  "/healthz/ready": ready,
};

/** As Remix matched these routes: any case, with or without trailing slashes. */
function healthPathOf(path: string): HealthPath | undefined {
  if (path.length > 24) return undefined;
  const normal = path.toLowerCase().replace(/\/+$/, "");
  return (HEALTH_PATHS as readonly string[]).includes(normal) ? (normal as HealthPath) : undefined;
}

export function healthEndpoints() {
  return (req: Request, res: Response, next: NextFunction) => {
    const path = healthPathOf(req.path);
    if (!path) {
      next();
      return;
    }
    res.locals.route = path;
    // No cache may keep an answer about this moment; the body is never to be read as anything but its type.
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.status(405).setHeader("Allow", "GET, HEAD").type("text/plain").send("Method not allowed.");
      return;
    }
    Promise.resolve(HANDLERS[path](req, res)).catch(next);
  };
}
