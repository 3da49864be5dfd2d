/**
 * Server rendering, and the one place unexpected errors are logged: as one
 * structured line carrying the request id that the error page shows.
 */
import { PassThrough } from "node:stream";
import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  type EntryContext,
  type HandleErrorFunction,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./components/nonce";
import { describeError, log, loggablePath } from "./platform/log.server";
import "./platform/request-context";

const ABORT_DELAY = 5_000;

/** The pages use no deferred data, so each is sent whole once rendered. */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    const nonce = loadContext.cspNonce;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status }));
          pipe(body);
        },
        onShellError: reject,
        onError(error) {
          status = 500;
          logUnexpected(error, request, loadContext);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

function logUnexpected(error: unknown, request: Request, context: AppLoadContext | undefined) {
  const url = new URL(request.url);
  log("error", "Unexpected server error", {
    requestId: context?.requestId,
    method: request.method,
    path: loggablePath(url.pathname),
    error: describeError(error),
  });
}

/**
 * Remix calls this for every error a loader, action or render throws.
 * Expected answers (404, 403, 405...) are not errors; a request the browser
 * abandoned is not either.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logUnexpected(error, request, context);
};
