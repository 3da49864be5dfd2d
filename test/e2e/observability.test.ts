/**
 * What an operator sees (decision 023): one log line per request with its
 * route, status, duration, request id and user, and never a password, a
 * link's token or a session cookie; /metrics for this machine and for
 * administrators only; liveness and readiness. A Hub of its own, behind a
 * proxy it trusts (the test plays the proxy, from loopback), so that a
 * request can come from another address.
 */
import { execFile } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { serverHasRead } from "../support/tcp-peer";
import { eventually } from "../support/wait";

const e2e = e2eFixture({ env: { TRUST_PROXY: "loopback" } });

const READER = "reader@demo.srs-hub.test";
const ADMIN = "admin@demo.srs-hub.test";
const EDITOR = "editor.newport@demo.srs-hub.test";
const NEW_PASSWORD = "harbour lantern fossil 3";
/** A client elsewhere, as the trusted proxy reports it. */
const ELSEWHERE = { "X-Forwarded-For": "203.0.113.7" };

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(
  target: string,
  {
    method = "GET",
    headers = {},
    form,
  }: { method?: string; headers?: Record<string, string>; form?: Record<string, string> } = {},
): Promise<Answer> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  const allHeaders: Record<string, string> = { ...headers };
  if (body !== undefined) {
    allHeaders["Content-Type"] = "application/x-www-form-urlencoded";
    allHeaders.Origin = e2e.baseUrl;
  }
  return new Promise((resolve, reject) => {
    const request = http.request(`${e2e.baseUrl}${target}`, { method, headers: allHeaders }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

function cookieOf(answer: Answer): string {
  const cookie = answer.headers["set-cookie"]?.[0]?.split(";")[0];
  if (!cookie) throw new Error(`No cookie in an answer with status ${answer.status}`);
  return cookie;
}

async function signIn(email: string, password: string): Promise<string> {
  const answer = await send("/login", { method: "POST", form: { email, password, redirectTo: "/" } });
  expect(answer.status).toBe(302);
  return cookieOf(answer);
}

/** A reset link from the service desk's script, as the Hub's operators make one. */
async function resetLink(email: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    path.resolve("node_modules/.bin/tsx"),
    ["scripts/reset-link.ts", "--email", email],
    { env: { ...process.env, DATA_DIR: e2e.hub.dataDir, PUBLIC_ORIGIN: e2e.baseUrl, NODE_ENV: "test" } },
  );
  const link = /https?:\/\/\S+\/account\/reset\/[A-Za-z0-9_-]{43}/.exec(stdout)?.[0];
  if (!link) throw new Error(`No link in the script's output:\n${stdout}`);
  return new URL(link).pathname;
}

type LogLine = Record<string, unknown>;

function requestLines(): LogLine[] {
  return e2e.hub
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine)
    .filter((line) => line.message === "Request");
}

/** The request log line of the answer with this X-Request-Id, once written. */
async function lineFor(answer: Answer): Promise<LogLine> {
  const requestId = answer.headers["x-request-id"];
  let found: LogLine | undefined;
  await eventually(() => {
    found = requestLines().find((line) => line.requestId === requestId);
    return found !== undefined;
  });
  return found as LogLine;
}

function userIdOf(email: string): string {
  const db = new Database(path.join(e2e.hub.dataDir, "hub.db"), { readonly: true });
  try {
    return (db.prepare("select id from users where email = ?").get(email) as { id: string }).id;
  } finally {
    db.close();
  }
}

describe("request logs", () => {
  it("have a line per request with its route, status, duration, id and user, and no password, token or cookie", async () => {
    const linkPath = await resetLink(READER);
    const token = linkPath.split("/").pop() ?? "";
    const page = await send(`${linkPath}?from=email`);
    expect(page.status).toBe(200);
    const reset = await send(linkPath, {
      method: "POST",
      form: { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(reset.status).toBe(302);
    const resetCookie = cookieOf(reset);
    const cookie = await signIn(READER, NEW_PASSWORD);
    const home = await send("/", { headers: { Cookie: cookie } });
    expect(home.status).toBe(200);
    const anonymous = await send("/login");

    expect(await lineFor(page)).toMatchObject({
      level: "info",
      method: "GET",
      route: "/account/reset/:token",
      status: 200,
      requestId: page.headers["x-request-id"],
    });
    const homeLine = await lineFor(home);
    expect(homeLine).toMatchObject({ method: "GET", route: "/", status: 200, userId: userIdOf(READER) });
    expect(typeof homeLine.durationMs).toBe("number");
    expect(homeLine.durationMs).toBeGreaterThan(0);
    expect(typeof homeLine.time).toBe("string");
    expect(await lineFor(reset)).toMatchObject({ method: "POST", route: "/account/reset/:token", status: 302 });
    expect((await lineFor(anonymous)).userId).toBeUndefined();

    const output = e2e.hub.output();
    for (const secret of [
      NEW_PASSWORD,
      encodeURIComponent(NEW_PASSWORD),
      new URLSearchParams({ p: NEW_PASSWORD }).toString().slice(2),
      token,
      cookie.split("=")[1] ?? "",
      resetCookie.split("=")[1] ?? "",
      "from=email",
    ]) {
      expect(secret.length).toBeGreaterThan(5);
      expect(output).not.toContain(secret);
    }
  });

  it("have a line for requests a guard refused, and for requests the client abandoned", async () => {
    const refusedMethod = await send("/posts", { method: "PUT" });
    expect(refusedMethod.status).toBe(405);
    expect(await lineFor(refusedMethod)).toMatchObject({ method: "other", route: "/posts", status: 405 });
    const crossSite = await send("/login", {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(crossSite.status).toBe(403);
    expect(await lineFor(crossSite)).toMatchObject({ method: "POST", route: "/login", status: 403 });
    const missingAsset = await send("/assets/no-such-file.js");
    expect(await lineFor(missingAsset)).toMatchObject({ route: "/assets/*", status: 404 });

    // A form whose body never comes in full: the client gives up waiting on the Hub's answer.
    const before = requestLines().length;
    const requestId = "abandoned-request-0001";
    const socket = net.connect(Number(new URL(e2e.baseUrl).port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(
      [
        "POST /login HTTP/1.1",
        `Host: ${new URL(e2e.baseUrl).host}`,
        `Origin: ${e2e.baseUrl}`,
        `X-Request-Id: ${requestId}`,
        "Content-Type: application/x-www-form-urlencoded",
        "Content-Length: 500",
        "",
        "email=reader",
      ].join("\r\n"),
    );
    // The client leaves once the Hub has read the headers and the start of the body, and waits for the rest.
    await eventually(() => serverHasRead(socket, Number(new URL(e2e.baseUrl).port)));
    socket.destroy();
    let abandoned: LogLine | undefined;
    await eventually(() => {
      abandoned = requestLines()
        .slice(before)
        .find((line) => line.requestId === requestId);
      return abandoned !== undefined;
    });
    expect(abandoned).toMatchObject({ method: "POST", route: "/login", status: 499, aborted: true });
  });
});

describe("/metrics", () => {
  const NAMES = [
    "hub_http_requests_total",
    "hub_http_request_duration_seconds_bucket",
    "hub_event_backlog_events",
    "hub_event_backlog_oldest_seconds",
    "hub_consumer_records_parked",
    "hub_consumer_records_retrying",
    "hub_search_relay_running",
    "hub_search_errors_total",
    "hub_sign_in_throttled_total",
    "hub_sign_in_blocked_keys",
    "process_cpu_user_seconds_total",
    "nodejs_eventloop_lag_seconds",
  ];

  it("answers this machine with the Hub's metrics in Prometheus's format", async () => {
    await send("/healthz/live");
    const metrics = await send("/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of NAMES) expect(metrics.body).toContain(name);
    expect(metrics.body).toMatch(
      /^hub_http_requests_total\{method="GET",route="\/healthz\/live",status="200"\} [1-9]/m,
    );
    expect(metrics.body).toMatch(/^hub_event_backlog_events\{consumer="search"\} \d+$/m);
  });

  it("counts throttled sign-ins and the accounts that must wait", async () => {
    const email = `throttled.${Date.now()}@example.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await send("/login", { method: "POST", form: { email, password: "not the password" } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const { body } = await send("/metrics");
    expect(body).toMatch(/^hub_sign_in_throttled_total\{scope="account"\} 1$/m);
    expect(body).toMatch(/^hub_sign_in_blocked_keys\{scope="account"\} 1$/m);
  });

  it("is for administrators only from elsewhere: visitors are asked to sign in, others are told it is not there", async () => {
    const anonymous = await send("/metrics", { headers: ELSEWHERE });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.location).toBe("/login?redirectTo=%2Fmetrics");
    const editor = await send("/metrics", { headers: { ...ELSEWHERE, Cookie: await signIn(EDITOR, DEMO_PASSWORD) } });
    expect(editor.status).toBe(404);
    expect(editor.body).not.toContain("hub_");
    const admin = await send("/metrics", { headers: { ...ELSEWHERE, Cookie: await signIn(ADMIN, DEMO_PASSWORD) } });
    expect(admin.status).toBe(200);
    expect(admin.body).toContain("hub_http_requests_total");
  });
});

describe("liveness and readiness", () => {
  it("keep the connection open for the next check, but close it after a body left unread", async () => {
    for (const target of ["/healthz", "/healthz/live", "/healthz/ready"]) {
      const answer = await fetch(`${e2e.baseUrl}${target}`);
      expect([target, answer.status, answer.headers.get("connection")]).toEqual([target, 200, "keep-alive"]);
      await answer.body?.cancel();
    }
    const refused = await fetch(`${e2e.baseUrl}/healthz`, { method: "POST", body: "x".repeat(100_000) });
    expect([refused.status, refused.headers.get("allow"), refused.headers.get("connection")]).toEqual([
      405,
      "GET, HEAD",
      "close",
    ]);
  });

  it("are live and ready while the database answers with every migration; unready, but live, without them", async () => {
    const live = await send("/healthz/live", { headers: ELSEWHERE });
    expect([live.status, live.headers["cache-control"]]).toEqual([200, "no-store"]);
    const ready = await send("/healthz/ready", { headers: ELSEWHERE });
    expect([ready.status, JSON.parse(ready.body)]).toEqual([
      200,
      { status: "ready", database: "ok", migrations: "applied" },
    ]);

    // As if the database were restored from before the last migration.
    const db = new Database(path.join(e2e.hub.dataDir, "hub.db"));
    db.pragma("busy_timeout = 5000");
    const newest = db.prepare("select * from __drizzle_migrations order by created_at desc limit 1").get() as Record<
      string,
      unknown
    >;
    db.prepare("delete from __drizzle_migrations where created_at = ?").run(newest.created_at);
    try {
      const unready = await send("/healthz/ready");
      expect([unready.status, JSON.parse(unready.body)]).toEqual([
        503,
        { status: "unready", database: "ok", migrations: "pending" },
      ]);
      expect((await send("/healthz/live")).status).toBe(200);
    } finally {
      const columns = Object.keys(newest);
      db.prepare(
        `insert into __drizzle_migrations (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`,
      ).run(...Object.values(newest));
      db.close();
    }
    expect((await send("/healthz/ready")).status).toBe(200);
  });
});
