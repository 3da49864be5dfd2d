/**
 * One process serving the Hub over HTTP: the Express app on PORT and HOST,
 * with keep-alive settings that suit browsers and proxies.
 */
import { createServer, type RequestListener, type Server, type ServerResponse } from "node:http";
import { getEnv } from "../app/platform/env.server";
import { markWaitingToSend } from "./expect-continue";
import { createHubApp } from "./http-app";

export interface Serving {
  port: number;
  /** Stops taking connections and lets requests in flight finish. */
  stop(): Promise<void>;
}

/**
 * The HTTP server around the app. A request counts among those in flight
 * from its headers on (decision 026), so one whose body trickles in, or never
 * comes, is answered 408 and its connection closed once `receiveTimeoutMs`
 * has passed since its first byte; the headers get no longer than the whole
 * request (Node requires that). Node looks for such requests once a second.
 */
export function createHubServer(app: RequestListener, { receiveTimeoutMs }: { receiveTimeoutMs: number }): Server {
  const server = createServer(
    {
      requestTimeout: receiveTimeoutMs,
      headersTimeout: receiveTimeoutMs,
      connectionsCheckingInterval: 1_000,
      // Idle keep-alive connections stay open longer than browsers and proxies keep theirs: a client
      // must never send a request on a connection the Hub is closing that instant (ECONNRESET).
      // Node's request and header time-outs do not apply to an idle connection.
      keepAliveTimeout: 65_000,
    },
    app,
  );
  // A client that asks before sending its body (Expect: 100-continue, as curl does with a large one) is
  // told to go on by the request guards, once they have passed the request: one refused (too large,
  // cross-site) hears so before it sends anything. Node would otherwise say "go on" to every request.
  server.on("checkContinue", (req, res) => {
    markWaitingToSend(req);
    server.emit("request", req, res);
  });
  return server;
}

export async function listenForRequests(
  { dev, host }: { dev: boolean; host: string },
  onListening: (port: number) => void,
): Promise<Serving> {
  const env = getEnv();
  const { app, close } = await createHubApp({
    mode: dev ? "development" : "production",
    publicOrigin: env.PUBLIC_ORIGIN,
    trustProxy: env.TRUST_PROXY ?? false,
    // Choosing an organisation to sign in with posts a form that leads to Microsoft's sign-in page.
    formActionOrigins: env.entra ? [new URL(env.entra.authority).origin] : [],
  });
  const server = createHubServer(app, { receiveTimeoutMs: env.REQUEST_RECEIVE_TIMEOUT_SECONDS * 1000 });
  server.listen(env.PORT, host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  onListening(port);
  let stopping = false;
  // Once stopping, every answer tells the browser not to send another request on its connection.
  server.on("request", (_req, res: ServerResponse) => {
    if (stopping && !res.headersSent) res.setHeader("Connection", "close");
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        // Kept-alive connections would hold close() open until they time out (65 s): each is closed
        // as soon as it falls idle, that is once its request in flight has been answered.
        const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
        server.close(() => {
          clearInterval(closeIdle);
          void close().finally(resolve);
        });
        server.closeIdleConnections();
      }),
  };
}
