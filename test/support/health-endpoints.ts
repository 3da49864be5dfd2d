/**
 * The health endpoints as the Hub serves them (server/health-endpoints.ts),
 * on their own Express app on a free loopback port. Behind "a proxy" on
 * loopback: a test sends X-Forwarded-For to ask from elsewhere.
 */
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll } from "vitest";
import { healthEndpoints } from "../../server/health-endpoints";

export function serveHealthEndpoints() {
  let server: Server | undefined;
  let baseUrl = "";
  beforeAll(async () => {
    const app = express();
    app.set("trust proxy", "loopback");
    app.use(healthEndpoints());
    server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });
  return {
    get: (headers: Record<string, string> = {}, path = "/healthz") => fetch(`${baseUrl}${path}`, { headers }),
  };
}
