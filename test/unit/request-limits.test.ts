/**
 * The in-flight limit, the time-out and the request log on a real HTTP
 * server and real connections: pipelined requests dropped by their client,
 * a handler failing after its time-out, health checks under load, a body
 * that never arrives, and tokens kept out of the log.
 */
import type { AddressInfo } from "node:net";
import net from "node:net";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { StorageUnavailableError } from "~/platform/errors";
import { loggablePath } from "~/platform/log.server";
import { processWide } from "~/platform/process-wide";
import { lastResort } from "../../server/http-app";
import { requestLimits } from "../../server/request-limits";
import { requestLog } from "../../server/request-log";
import { createHubServer } from "../../server/serve";
import { withStorageErrorsAnswered } from "../../server/storage-errors";
import { eventually } from "../support/wait";

const TIMEOUT_MS = 300;
const MAX_IN_FLIGHT = 4;
const RECEIVE_TIMEOUT_MS = 1_000;
const TOKEN = "tGQ0Xq4r6yqVZB0dzE4xUunIH7u1wGWQzi5YE2wBE3E";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Errors a late handler met when it touched its response (none are expected). */
const lateErrors: unknown[] = [];

function hubLikeApp(timeoutMs: number) {
  const app = express();
  let next = 0;
  app.use((_req, res, proceed) => {
    res.locals.requestId = `req-${++next}`;
    res.setHeader("X-Request-Id", res.locals.requestId);
    proceed();
  });
  // The Hub names routes by their patterns; here the address, with a link's token taken out, will do.
  app.use(requestLog({ routeOf: loggablePath }));
  app.use(requestLimits({ maxInFlight: MAX_IN_FLIGHT, timeoutMs }));
  app.get("/x", (_req, res) => {
    setTimeout(() => res.type("text/plain").send("x"), 100);
  });
  app.get("/hang", () => {});
  app.get("/account/reset/:token", () => {});
  // Fails the moment its time-out answers, as a handler whose work ends late does.
  app.get("/late-fail", (_req: Request, res: Response, proceed: NextFunction) => {
    setTimeout(() => {
      try {
        res.writeHead(200);
        res.flushHeaders();
        res.destroy();
      } catch (error) {
        lateErrors.push(error);
      }
      proceed(new Error("failed after the time-out"));
    }, TIMEOUT_MS);
  });
  app.post("/upload", (req, res) => {
    req.resume();
    req.on("end", () => res.type("text/plain").send("received"));
  });
  app.use(lastResort);
  return app;
}

type Served = { server: ReturnType<typeof createHubServer>; port: number; base: string };

async function serve(timeoutMs: number): Promise<Served> {
  const server = createHubServer(hubLikeApp(timeoutMs), { receiveTimeoutMs: RECEIVE_TIMEOUT_MS });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port, base: `http://127.0.0.1:${port}` };
}

async function stop({ server }: Served) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

let served: Served;
let base: string;
let port: number;
/**
 * Far from its request time-out, so that only the client's leaving or the
 * receive time-out can end its requests.
 */
let patient: Served;
let written: string[] = [];

beforeAll(async () => {
  [served, patient] = await Promise.all([serve(TIMEOUT_MS), serve(30_000)]);
  ({ base, port } = served);
});

afterAll(async () => {
  await Promise.all([stop(served), stop(patient)]);
});

beforeEach(() => {
  written = [];
  lateErrors.length = 0;
  const capture = (chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
});

afterEach(() => {
  vi.mocked(process.stdout.write).mockRestore();
  vi.mocked(process.stderr.write).mockRestore();
});

function lines(): Record<string, unknown>[] {
  return written
    .join("")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function openRecords(): number {
  return processWide("request-records", () => ({ next: 0, open: new Map<string, unknown>() })).open.size;
}

/**
 * Sends raw bytes on a new connection; resolves with all it received once the
 * server closes it, after `ms`, or once `leaveWhen` resolves (the client
 * going away).
 */
function rawExchange(
  bytes: string,
  { leaveWhen, ms = 3_000, to = port }: { leaveWhen?: Promise<void>; ms?: number; to?: number } = {},
) {
  return new Promise<{ received: string; closedByServer: boolean; ms: number }>((resolve) => {
    const started = Date.now();
    let received = "";
    const socket = net.connect(to, "127.0.0.1", () => {
      socket.write(bytes);
      leaveWhen?.finally(() => socket.destroy()).catch(() => {});
    });
    const giveUp = setTimeout(() => socket.destroy(), ms);
    let closedByServer = false;
    socket.on("data", (chunk) => {
      received += String(chunk);
    });
    socket.on("end", () => {
      closedByServer = true;
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(giveUp);
      resolve({ received, closedByServer, ms: Date.now() - started });
    });
  });
}

/** Resolves once `condition` holds, looking every 10 ms; fails after three seconds. */
const until = (condition: () => boolean) => eventually(condition, 3_000, 10);

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;

describe("pipelined requests whose client goes away", () => {
  it("give back their places and get a log line each, their records closed", async () => {
    const recordsBefore = openRecords();
    // Node starts pipelined requests together: the four fill every place. The client leaves once they all wait.
    const allInFlight = until(() => openRecords() === recordsBefore + MAX_IN_FLIGHT);
    await Promise.all([
      rawExchange(get("/hang").repeat(MAX_IN_FLIGHT), { to: patient.port, ms: 10_000, leaveWhen: allInFlight }),
      allInFlight,
    ]);
    await until(() => openRecords() === recordsBefore);
    // As many requests at once as the limit allows: each gets its answer.
    const answers = await Promise.all(Array.from({ length: MAX_IN_FLIGHT }, () => fetch(`${patient.base}/x`)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(MAX_IN_FLIGHT).fill(200));
    const dropped = lines().filter((line) => line.message === "Request" && line.route === "/hang");
    expect(dropped).toHaveLength(MAX_IN_FLIGHT);
    for (const line of dropped) expect(line).toMatchObject({ status: 499, aborted: true, level: "info" });
  });
});

describe("a request that fails after its time-out answered", () => {
  it("leaves its 503 whole, closes the connection after it, and is logged as timed out", async () => {
    const exchange = await rawExchange(get("/late-fail"));
    expect(exchange.received).toMatch(/^HTTP\/1\.1 503 /);
    expect(exchange.received).toMatch(/\r\nConnection: close\r\n/i);
    expect(exchange.received).toContain("took too long to answer");
    expect(exchange.closedByServer).toBe(true);
    expect(lateErrors).toEqual([]);
    await sleep(50);
    const line = lines().find((each) => each.message === "Request" && each.route === "/late-fail");
    expect(line).toMatchObject({ status: 503, timedOut: true, level: "warn" });
    expect(line).not.toHaveProperty("aborted");
    expect((await fetch(`${base}/x`)).status).toBe(200);
  });
});

describe("a body that never arrives", () => {
  it("is answered 408 once the receive time-out has passed, and does not keep its place", async () => {
    const headersOnly =
      "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n";
    const recordsBefore = openRecords();
    const exchanges = Array.from({ length: MAX_IN_FLIGHT }, () =>
      rawExchange(headersOnly, { ms: 8_000, to: patient.port }),
    );
    await until(() => openRecords() === recordsBefore + MAX_IN_FLIGHT);
    expect((await fetch(`${patient.base}/x`)).status).toBe(503);
    for (const exchange of await Promise.all(exchanges)) {
      expect(exchange.received).toMatch(/^HTTP\/1\.1 408 /);
      // Node looks for late requests once a second; the client would give up after eight.
      expect(exchange.ms).toBeLessThan(RECEIVE_TIMEOUT_MS + 4_000);
    }
    await until(() => openRecords() === recordsBefore);
    expect((await fetch(`${patient.base}/x`)).status).toBe(200);
  }, 15_000);
});

describe("tokens in addresses", () => {
  it("never reach the time-out's log line", async () => {
    expect((await fetch(`${base}/account/reset/${TOKEN}`)).status).toBe(503);
    const line = lines().find((each) => each.message === "Request took too long; ended");
    expect(line?.path).toBe("/account/reset/:token");
    expect(written.join("")).not.toContain(TOKEN);
  });

  it.each(["reset", "accept"])("never reach the line about a write refused under /account/%s/", async (kind) => {
    const refusedWrite = async () => {
      throw new StorageUnavailableError("busy");
    };
    const build = withStorageErrorsAnswered({
      routes: { link: { id: "link", path: `account/${kind}/:token`, module: { action: refusedWrite } } },
    } as unknown as ServerBuild);
    const action = build.routes.link?.module.action as (args: unknown) => Promise<unknown>;
    await expect(
      action({ context: { requestId: "req-x" }, request: new Request(`http://hub.test/account/${kind}/${TOKEN}`) }),
    ).rejects.toMatchObject({ init: { status: 503 } });
    const line = lines().find((each) => each.message === "The database could not take a write; answered");
    expect(line?.path).toBe(`/account/${kind}/:token`);
    expect(written.join("")).not.toContain(TOKEN);
  });
});
