/**
 * Overload and slow requests (decision 026). One Hub process works on at
 * most MAX_REQUESTS_IN_FLIGHT requests at once: the next is answered 503
 * with Retry-After at once, so a surge is refused early instead of piling up
 * until every answer is late. A request still unanswered after
 * REQUEST_TIMEOUT_SECONDS is ended with a 503 that quotes its id, and logged.
 */
import type { NextFunction, Request, Response } from "express";
import onHeaders from "on-headers";
import { getEnv } from "../app/platform/env.server";
import { RETRY_AFTER_SECONDS } from "../app/platform/http.server";
import { log, loggablePath } from "../app/platform/log.server";
import { onRequestEnded } from "./request-end";

export interface RequestLimits {
  maxInFlight: number;
  timeoutMs: number;
}

export function requestLimitsFromEnv(): RequestLimits {
  const env = getEnv();
  return { maxInFlight: env.MAX_REQUESTS_IN_FLIGHT, timeoutMs: env.REQUEST_TIMEOUT_SECONDS * 1000 };
}

function refuse(res: Response, message: string) {
  res
    .status(503)
    .setHeader("Retry-After", String(RETRY_AFTER_SECONDS))
    .setHeader("Cache-Control", "no-store")
    .type("text/plain")
    .send(message);
}

/**
 * Once the time-out has answered, whatever the request's handler sends later
 * goes nowhere: it must neither fail on headers already sent, nor write into
 * the connection's next answer, nor cut off the 503 on its way out.
 */
function dropLateWrites(res: Response) {
  res.append = () => res;
  res.setHeader = () => res;
  res.writeHead = () => res;
  res.flushHeaders = () => {};
  res.write = () => true;
  res.end = () => res;
  res.destroy = () => res;
}

/** Refuses requests past the in-flight limit, and ends those that outlast the time-out. */
export function requestLimits({ maxInFlight, timeoutMs }: RequestLimits = requestLimitsFromEnv()) {
  let inFlight = 0;
  return (req: Request, res: Response, next: NextFunction) => {
    // Every 503 says when to try again, whichever part of the Hub answered it (a page's thrown answer loses its headers).
    onHeaders(res, () => {
      if (res.statusCode === 503 && !res.hasHeader("Retry-After"))
        res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    });
    if (inFlight >= maxInFlight) {
      refuse(res, "The Hub is busy with other requests. Try again in a few seconds.");
      return;
    }
    inFlight++;
    const started = Date.now();
    const timer = setTimeout(() => {
      log("warn", "Request took too long; ended", {
        requestId: res.locals.requestId,
        method: req.method,
        path: loggablePath(req.path),
        ms: Date.now() - started,
        answered: res.headersSent,
      });
      // A response already under way cannot change its status: it is cut off instead.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // The handler may still fail later, and Express would then drop the connection: no next request may be on it.
      res.shouldKeepAlive = false;
      res.locals.timedOut = true;
      refuse(
        res,
        `Sorry, this took too long to answer. Try again in a few seconds. Quote this reference if you report it: ${res.locals.requestId}`,
      );
      dropLateWrites(res);
    }, timeoutMs);
    onRequestEnded(req, res, () => {
      clearTimeout(timer);
      inFlight--;
    });
    next();
  };
}
