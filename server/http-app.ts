import { randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import { REQUEST_ID_PATTERN } from "../app/platform/request-context";
import { isFormBody, isSameOriginRequest, MAX_REQUEST_BYTES } from "../app/platform/request-guards";

export interface HubServerOptions {
  mode: "production" | "development";
  publicOrigin?: string;
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

function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  next();
}

function requestGuards(publicOrigin: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    // Browsers always give a form's length; a body without one could be endless.
    if (req.headers["transfer-encoding"] && req.headers["content-length"] === undefined) {
      res.status(411).type("text/plain").send("A request body must state its length.");
      return;
    }
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > MAX_REQUEST_BYTES) {
      res.status(413).type("text/plain").send("The request is too large.");
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
    const expectedOrigin = publicOrigin ?? `${req.protocol}://${req.headers.host}`;
    const allowed = isSameOriginRequest({
      method: req.method,
      origin: req.headers.origin,
      referer: req.headers.referer,
      expectedOrigin,
    });
    if (!allowed) {
      res
        .status(403)
        .type("text/plain")
        .send("Cross-site request refused: this form must be sent from the Hub itself.");
      return;
    }
    next();
  };
}

/** The Hub's HTTP server: static files, request guards and the Remix handler. */
export async function createHubApp({ mode, publicOrigin }: HubServerOptions) {
  const app = express();
  app.disable("x-powered-by");
  if (publicOrigin) app.set("trust proxy", 1);
  app.use(requestIds);
  app.use(securityHeaders);
  app.get("/favicon.ico", (_req, res) => {
    res.status(204).end();
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let closeVite: (() => Promise<void>) | undefined;
  if (mode === "development") {
    const vite = await import("vite");
    const devServer = await vite.createServer({ server: { middlewareMode: true } });
    closeVite = () => devServer.close();
    app.use(devServer.middlewares);
    build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const clientDir = path.resolve("build/client");
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    // A missing asset is a plain 404, never a page: nothing under /assets reaches the app.
    app.use("/assets", (_req, res) => {
      res.status(404).type("text/plain").send("Not found");
    });
    app.use(express.static(clientDir, { maxAge: "1h" }));
    const serverBuildUrl = new URL(`file://${path.resolve("build/server/index.js")}`).href;
    build = (await import(serverBuildUrl)) as ServerBuild;
  }

  app.use(requestGuards(publicOrigin));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode,
      getLoadContext: (req, res) => ({
        requestId: String(res.locals.requestId),
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        cspNonce: String(res.locals.cspNonce ?? ""),
      }),
    }),
  );
  return { app, close: async () => closeVite?.() };
}
