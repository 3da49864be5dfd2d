/**
 * One log line and one observation in the metrics per request, written when
 * the response has ended: method, route pattern, status, duration, request
 * id and, when someone is signed in, their user id. Never the address (it
 * can hold a token, and its query string anything), never a header.
 *
 * Every request gets one: answered by Remix, by a static file, refused by a
 * guard, failed, or abandoned by the client (status 499, as proxies write it,
 * when the client closed the connection before the response was complete).
 */
import { performance } from "node:perf_hooks";
import type { NextFunction, Request, Response } from "express";
import { log } from "../app/platform/log.server";
import { hubMetrics } from "../app/platform/metrics.server";
import { ALLOWED_METHODS } from "../app/platform/request-guards";
import { openRequestRecord } from "../app/platform/request-record.server";
import { onRequestEnded } from "./request-end";

/** What nginx and others log for a request whose client went away before the answer was complete. */
export const CLIENT_CLOSED_REQUEST = 499;

/** A method label from a short, fixed list: the metrics must not grow with whatever clients send. */
export function methodLabel(method: string): string {
  return (ALLOWED_METHODS as readonly string[]).includes(method) ? method : "other";
}

export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

export interface RequestLogOptions {
  /** Names the route of a path (server/route-names.ts); a handler may name it first in res.locals.route. */
  routeOf: (pathname: string) => string;
}

export function requestLog({ routeOf }: RequestLogOptions) {
  const metrics = hubMetrics();
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    const { record, close } = openRequestRecord(req.headers);
    // The response's "close" comes after "finish" when the answer was sent whole, and alone when the client left first.
    onRequestEnded(req, res, () => {
      close();
      const durationMs = performance.now() - started;
      // The time-out's 503 was the answer, whatever the handler did to the response afterwards.
      const timedOut = res.locals.timedOut === true;
      const aborted = !timedOut && !res.writableFinished;
      const status = aborted ? CLIENT_CLOSED_REQUEST : timedOut ? 503 : res.statusCode;
      const method = methodLabel(req.method);
      // The address as it arrived (a mounted handler shortens req.url), without its query string.
      const pathname = req.originalUrl.split("?")[0] ?? "/";
      const route = typeof res.locals.route === "string" ? res.locals.route : routeOf(pathname);
      metrics.httpRequests.inc({ method, route, status: String(status) });
      metrics.httpRequestDuration.observe({ method, route, status_class: statusClass(status) }, durationMs / 1000);
      log(status >= 500 && !aborted ? "warn" : "info", "Request", {
        requestId: res.locals.requestId,
        method,
        route,
        status,
        durationMs: Math.round(durationMs * 10) / 10,
        ...(record.userId ? { userId: record.userId } : {}),
        ...(aborted ? { aborted: true } : {}),
        ...(timedOut ? { timedOut: true } : {}),
      });
    });
    next();
  };
}
