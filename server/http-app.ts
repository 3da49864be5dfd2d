import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import onHeaders from "on-headers";
import { joinClusterMetrics } from "../app/operations/cluster-metrics.server";
import { getEnv } from "../app/platform/env.server";
import { describeError, log, loggablePath } from "../app/platform/log.server";
import { REQUEST_ID_PATTERN } from "../app/platform/request-context";
import {
  ALLOWED_METHODS,
  hubOriginFor,
  isFormBody,
  isSameOriginRequest,
  MAX_REQUEST_BYTES,
  maxRequestBytesFor,
} from "../app/platform/request-guards";
import { servedOverHttps } from "../app/platform/transport.server";
import { clientAddressOf, fromTrustedProxy, monitoringAddressOf } from "./client-address";
import { isWaitingToSend } from "./expect-continue";
import { healthEndpoints } from "./health-endpoints";
import { requestLimits } from "./request-limits";
import { requestLog } from "./request-log";
import { createRouteNamer, type ManifestRoute } from "./route-names";
import { assetFiles } from "./static-assets";
import { withStorageErrorsAnswered } from "./storage-errors";

export interface HubServerOptions {
  mode: "production" | "development";
  publicOrigin?: string;
  /** Express's "trust proxy": which proxies' X-Forwarded-* headers count (TRUST_PROXY); off by default. */
  trustProxy?: number | string | false;
  /** Origins outside the Hub that a form may lead to, such as an identity provider's. */
  formActionOrigins?: string[];
}

/**
 * Every request gets an id: the one a proxy in front set, if it is well
 * formed, else a new one. It goes back in X-Request-Id, into every log line
 * about the request, and onto the error page.
 */
function requestIds(req: Request, res: Response, next: NextFunction) {
  const incoming = req.headers["x-request-id"];
  const requestId = typeof incoming === "string" && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader("X-Request-Id", requestId);
  next();
}

/**
 * Security headers through helmet: a Content-Security-Policy with a fresh
 * nonce per response for Remix's inline scripts (never 'unsafe-inline'
 * scripts in production), no framing, images from the Hub only (decision 021).
 */
function securityHeaders({
  mode,
  https,
  formActionOrigins,
}: {
  mode: HubServerOptions["mode"];
  https: boolean;
  formActionOrigins: string[];
}) {
  const dev = mode === "development";
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce}'`;
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Vite's development server injects inline scripts and styles, and talks over a websocket.
        scriptSrc: dev ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce],
        styleSrc: dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        imgSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: dev ? ["'self'", "ws:"] : ["'self'"],
        formAction: ["'self'", ...formActionOrigins],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
    xFrameOptions: { action: "deny" },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    headers(req, res, next);
  };
}

/**
 * Pages depend on who asks: no shared cache may keep them, and no browser may
 * reuse them after sign-out. Set as the headers go out, unless the route set
 * its own Cache-Control (the health check's "no-store", say).
 */
function privatePages(_req: Request, res: Response, next: NextFunction) {
  onHeaders(res, function (this: Response) {
    if (!this.hasHeader("Cache-Control")) this.setHeader("Cache-Control", "private, no-store");
    this.vary("Cookie");
  });
  next();
}

/**
 * An answer sent before the request's body was read (a refusal, a redirect
 * to sign in) closes the connection: the unread rest of the body would
 * otherwise be read as the client's next request, or the client would reuse
 * a connection the server is about to drop.
 */
function closeUnreadBodies(req: Request, res: Response, next: NextFunction) {
  // A request without a body is not "complete" until just after its handler starts: an answer sent
  // at once (the health checks, the favicon) must not close the connection for that.
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  onHeaders(res, () => {
    if (hasBody && !req.complete) res.setHeader("Connection", "close");
  });
  next();
}

/**
 * Only GET, HEAD, POST and OPTIONS mean anything here; anything else is 405.
 * OPTIONS says which methods there are.
 */
function allowedMethods(req: Request, res: Response, next: NextFunction) {
  const allow = ALLOWED_METHODS.join(", ");
  if (!ALLOWED_METHODS.includes(req.method as (typeof ALLOWED_METHODS)[number])) {
    res.status(405).setHeader("Allow", allow).type("text/plain").send("Method not allowed.");
    return;
  }
  if (req.method === "OPTIONS") {
    res.status(204).setHeader("Allow", allow).end();
    return;
  }
  next();
}

/**
 * The Hub answers only for the names it is served under: PUBLIC_ORIGIN when
 * set, the loopback names, and the address and port the request actually
 * arrived on. Another name (a DNS-rebinding page, a stray proxy) is refused.
 * The expected origin of forms comes from this list, never from the Host
 * header; and the headers Remix builds the request's address from are set
 * to the name matched, so nothing unchecked reaches it.
 */
function knownHosts(publicOrigin: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    // Behind a trusted proxy, the name the browser used is the one it forwards (the first, if several).
    const forwarded = req.headers["x-forwarded-host"];
    const origin = hubOriginFor({
      host: typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : req.headers.host,
      publicOrigin,
      localAddress: req.socket.localAddress,
      localPort: req.socket.localPort,
      // From the connection, or from a trusted proxy's X-Forwarded-Proto: never from the Host header.
      protocol: req.protocol,
    });
    if (!origin) {
      res
        .status(421)
        .type("text/plain")
        .send("This Hub is not served under that name. Use its address, or set PUBLIC_ORIGIN.");
      return;
    }
    const { host } = new URL(origin);
    req.headers.host = host;
    if (forwarded !== undefined) req.headers["x-forwarded-host"] = host;
    if (req.headers["x-forwarded-proto"] !== undefined) req.headers["x-forwarded-proto"] = req.protocol;
    res.locals.hubOrigin = origin;
    next();
  };
}

/**
 * Addresses the Hub cannot read are 400, before anything tries to decode
 * them. `?_data=` requests come from clients older than single fetch (a tab
 * left open across an upgrade, a crawler): they get a plain 400 asking for a
 * reload, and no line in the error log.
 */
function readableUrls(req: Request, res: Response, next: NextFunction) {
  try {
    decodeURIComponent(req.path);
  } catch {
    res.status(400).type("text/plain").send("This address is not valid.");
    return;
  }
  if (new URLSearchParams(req.url.split("?")[1] ?? "").has("_data")) {
    res.status(400).type("text/plain").send("This page was loaded by an older version of the Hub: reload it.");
    return;
  }
  next();
}

/**
 * The last resort: whatever fails outside Remix is logged as one line with
 * the request id, and the person sees a plain message with that id, never a
 * stack trace or a file path (Express's own handler would show them outside production).
 */
export function lastResort(error: unknown, req: Request, res: Response, next: NextFunction) {
  const status = (error as { status?: unknown }).status;
  const clientError = typeof status === "number" && status >= 400 && status < 500;
  if (!clientError) {
    log("error", "Unexpected server error", {
      requestId: res.locals.requestId,
      method: req.method,
      path: loggablePath(req.path),
      error: describeError(error),
    });
  }
  // The time-out has answered already; Express's own handler would drop the connection under its 503.
  if (res.locals.timedOut === true) return;
  if (res.headersSent) {
    next(error);
    return;
  }
  res
    .status(clientError ? status : 500)
    .type("text/plain")
    .send(
      clientError
        ? "The request is not valid."
        : `Sorry, there is a problem with the service. Quote this reference if you report it: ${res.locals.requestId}`,
    );
}

/**
 * X-Forwarded-Host and -Proto decide the address Remix sees. From anyone but
 * a trusted proxy they are dropped; from a trusted proxy the protocol must be
 * "http" or "https" (400), and the host one the Hub serves (421, knownHosts).
 */
function forwardedHeaders(req: Request, res: Response, next: NextFunction) {
  if (!fromTrustedProxy(req)) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    next();
    return;
  }
  const proto = req.headers["x-forwarded-proto"];
  if (proto !== undefined && !/^https?(\s*,\s*https?)*$/.test(String(proto))) {
    res.status(400).type("text/plain").send("The proxy's forwarding headers are not valid.");
    return;
  }
  next();
}

/** The largest refused body still read to its end (see requestGuards): eight times the limit, or twice an upload's. */
const drainedBodyBytes = (limit: number) => Math.max(8 * MAX_REQUEST_BYTES, 2 * limit);

function requestGuards() {
  const uploadBytes = getEnv().PAPER_MAX_MB * 1024 * 1024;
  return (req: Request, res: Response, next: NextFunction) => {
    // Browsers always give a form's length; a body without one could be endless.
    if (req.headers["transfer-encoding"] && req.headers["content-length"] === undefined) {
      res.status(411).type("text/plain").send("A request body must state its length.");
      return;
    }
    const length = Number(req.headers["content-length"] ?? 0);
    const limit = maxRequestBytesFor(req.method, req.path, uploadBytes);
    // The client waits for a "100 Continue" before sending its body (see createHubServer).
    const waitsToSend = isWaitingToSend(req);
    if (length > limit) {
      const refuse = () =>
        res
          .status(413)
          .type("text/plain")
          .send(
            limit > MAX_REQUEST_BYTES
              ? `The file is too large: a paper can be up to ${getEnv().PAPER_MAX_MB} MB. Nothing was uploaded.`
              : "The request is too large.",
          );
      // A body merely too large is read to its end and dropped, and only then refused, so that the client
      // finishes sending it and reads the answer on a connection still open: an answer sent mid-body closes
      // the connection (closeUnreadBodies), which resets the upload, and a browser shows its own error
      // instead. A client that gives up sending is not answered; the receive time-out ends one that stalls.
      // One far past the limit is not worth reading: it is refused at once and the connection closed.
      // A client waiting to be told to go on is refused at once, before it has sent anything, and the
      // connection closed (one that sends its body anyway, after its own wait, may see a reset).
      if (length <= drainedBodyBytes(limit) && !waitsToSend) {
        req.once("end", refuse);
        req.resume();
      } else refuse();
      return;
    }
    const hasBody = length > 0 || req.headers["transfer-encoding"] !== undefined;
    if (!isFormBody({ method: req.method, contentType: req.headers["content-type"], hasBody })) {
      res
        .status(415)
        .type("text/plain")
        .send("Send this as a form (application/x-www-form-urlencoded or multipart/form-data).");
      return;
    }
    const allowed = isSameOriginRequest({
      method: req.method,
      origin: req.headers.origin,
      referer: req.headers.referer,
      fetchSite: req.headers["sec-fetch-site"],
      expectedOrigin: String(res.locals.hubOrigin),
    });
    if (!allowed) {
      res
        .status(403)
        .type("text/plain")
        .send("Cross-site request refused: this form must be sent from the Hub itself.");
      return;
    }
    if (waitsToSend) res.writeContinue();
    next();
  };
}

/** The Hub's HTTP server: static files, request guards and the Remix handler. */
export async function createHubApp({
  mode,
  publicOrigin,
  trustProxy = false,
  formActionOrigins = [],
}: HubServerOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  // In a cluster worker, the primary gathers this process's metrics for /metrics.
  joinClusterMetrics();
  app.use(requestIds);
  // Routes are named from the build's manifest; in development, from the build last loaded.
  let routeOf = createRouteNamer({});
  const nameRoutesOf = (loaded: ServerBuild) => {
    routeOf = createRouteNamer(loaded.routes as Record<string, ManifestRoute>);
  };
  app.use(requestLog({ routeOf: (pathname) => routeOf(pathname) }));
  app.use(closeUnreadBodies);
  app.use(allowedMethods);
  app.use(forwardedHeaders);
  app.use(knownHosts(publicOrigin));
  // Monitoring asks often: answered here, before the security headers' nonce, the body guards and Remix.
  app.use(healthEndpoints());
  // HSTS on the same condition as Secure __Host- cookies: production (NODE_ENV), served over https.
  const https = servedOverHttps();
  app.use(securityHeaders({ mode, https, formActionOrigins }));
  app.get("/favicon.ico", (_req, res) => {
    res.locals.route = "/favicon.ico";
    res.status(204).end();
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let closeVite: (() => Promise<void>) | undefined;
  if (mode === "development") {
    const vite = await import("vite");
    const devServer = await vite.createServer({ server: { middlewareMode: true } });
    closeVite = () => devServer.close();
    app.use(devServer.middlewares);
    build = async () => {
      const loaded = withStorageErrorsAnswered(
        (await devServer.ssrLoadModule("virtual:remix/server-build")) as ServerBuild,
      );
      nameRoutesOf(loaded);
      return loaded;
    };
  } else {
    // Everything under /assets is one route for the log and the metrics, found or not.
    app.use("/assets", (_req, res, next) => {
      res.locals.route = "/assets/*";
      next();
    });
    // Only /assets holds files; other addresses never touch the disk before reaching the app.
    app.use("/assets", assetFiles(path.resolve("build/client/assets")));
    const serverBuildUrl = new URL(`file://${path.resolve("build/server/index.js")}`).href;
    build = withStorageErrorsAnswered((await import(serverBuildUrl)) as ServerBuild);
    nameRoutesOf(build);
  }

  // After the static files, which are cheap and never refused.
  // The health checks were answered above, so load never refuses them (an orchestrator would restart a busy process).
  app.use(requestLimits());
  app.use(readableUrls);
  app.use(requestGuards());
  app.use(privatePages);
  app.use(
    createRequestHandler({
      build,
      // Remix's development mode puts stack traces into the page; the Hub never does, in any mode.
      mode: "production",
      getLoadContext: (req, res) => ({
        requestId: String(res.locals.requestId),
        clientAddress: clientAddressOf(req),
        monitoringAddress: monitoringAddressOf(req),
        cspNonce: String(res.locals.cspNonce ?? ""),
      }),
    }),
  );
  app.use(lastResort);
  return { app, close: async () => closeVite?.() };
}
