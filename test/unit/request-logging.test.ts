import path from "node:path";
import { matchRoutes } from "@remix-run/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { log, loggablePath, REDACTED } from "~/platform/log.server";
import { methodLabel, statusClass } from "../../server/request-log";
import { createRouteNamer, type ManifestRoute, UNREADABLE } from "../../server/route-names";

type ConfigEntry = { id?: string; path?: string; index?: boolean; children?: ConfigEntry[] };
type RouterRoute = Parameters<typeof matchRoutes>[0][number];

/** The Hub's routes as the build's manifest has them, and as React Router's tree (the oracle). */
async function hubRoutes() {
  // What the Remix Vite plugin sets before it reads app/routes.ts.
  (globalThis as { __remixAppDirectory?: string }).__remixAppDirectory = path.resolve("app");
  const config = (await (await import("~/routes")).default) as ConfigEntry[];
  const manifest: Record<string, ManifestRoute> = { root: { id: "root", path: "" } };
  const toTree = (entries: ConfigEntry[], parentId: string): RouterRoute[] =>
    entries.map((entry) => {
      const id = entry.id ?? entry.path ?? "index";
      manifest[id] = { id, parentId, path: entry.path, index: entry.index };
      return entry.index
        ? { id, path: entry.path, index: true }
        : { id, path: entry.path, children: entry.children && toTree(entry.children, id) };
    });
  const tree: RouterRoute[] = [{ id: "root", path: "", children: toTree(config, "root") }];
  return { manifest, tree };
}

/** The route React Router matches, as "/a/:b": the paths of every match, joined. */
function oracle(tree: RouterRoute[], pathname: string): string {
  const matches = matchRoutes(tree, pathname) ?? [];
  const joined = matches
    .map((match) => match.route.path ?? "")
    .filter(Boolean)
    .join("/");
  return `/${joined}`;
}

describe("route names", () => {
  // Reading every route file takes seconds on a busy machine: a longer limit than other unit tests.
  it("name each request by the route React Router matches, never by its address", async () => {
    const { manifest, tree } = await hubRoutes();
    const routeOf = createRouteNamer(manifest);
    const patterns = Object.values(manifest).map((route) => route.path ?? "");
    const samples = [
      "/",
      "/posts",
      "/posts/new",
      "/posts/a-lesson",
      "/posts/a-lesson/edit",
      "/posts/a-lesson/history",
      "/posts/a-lesson/delete",
      "/account/reset",
      "/account/reset/tGQ0Xq4r6yqVZB0dzE4xUunIH7u1wGWQzi5YE2wBE3E",
      "/account/accept/tGQ0Xq4r6yqVZB0dzE4xUunIH7u1wGWQzi5YE2wBE3E",
      "/account/password",
      "/admin/users/new",
      "/admin/users/3f1c2e9a",
      "/healthz",
      "/healthz/live",
      "/healthz/ready",
      "/metrics",
      "/search",
      "/search/suggest",
      "/no/such/page",
      "/POSTS/A-Lesson/",
      "/posts/a-lesson/edit/more",
      // Every route of the config, with its parameters filled in.
      ...patterns.filter(Boolean).map((pattern) => `/${pattern.replace(/:[\w-]+/g, "x1").replace("*", "a/b")}`),
    ];
    for (const sample of samples) expect([sample, routeOf(sample)]).toEqual([sample, oracle(tree, sample)]);
    expect(routeOf("/account/reset/secret-token")).toBe("/account/reset/:token");
    expect(routeOf("/no/such/page")).toBe("/*");
  }, 20_000);

  it("name single-fetch data requests by the page they load", async () => {
    const routeOf = createRouteNamer((await hubRoutes()).manifest);
    expect(routeOf("/_root.data")).toBe("/");
    expect(routeOf("/posts/a-lesson.data")).toBe("/posts/:slug");
    expect(routeOf("/account/reset/secret-token.data")).toBe("/account/reset/:token");
  });

  it("name an address that cannot be decoded without trying to match it", async () => {
    const routeOf = createRouteNamer((await hubRoutes()).manifest);
    expect(routeOf("/posts/%E0%A4%A")).toBe(UNREADABLE);
  });

  it("label methods and statuses from short fixed lists", () => {
    expect(["GET", "POST", "HEAD", "OPTIONS", "PROPFIND", "DELETE"].map(methodLabel)).toEqual([
      "GET",
      "POST",
      "HEAD",
      "OPTIONS",
      "other",
      "other",
    ]);
    expect([200, 302, 404, 499, 503].map(statusClass)).toEqual(["2xx", "3xx", "4xx", "4xx", "5xx"]);
  });
});

describe("paths in error lines", () => {
  it.each([
    ["/account/reset/tGQ0Xq4r6yqVZB0dzE4x", "/account/reset/:token"],
    ["/account/accept/tGQ0Xq4r6yqVZB0dzE4x.data", "/account/accept/:token"],
    ["/account/reset", "/account/reset"],
    ["/posts/a-lesson", "/posts/a-lesson"],
  ])("%s is logged as %s", (pathname, logged) => {
    expect(loggablePath(pathname)).toBe(logged);
  });
});

describe("log lines", () => {
  let written: string[] = [];
  beforeEach(() => {
    written = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => vi.mocked(process.stdout.write).mockRestore());

  it("are one JSON object with the level as a word, the time and the message", () => {
    log("info", "Request", { requestId: "abc-12345678", status: 200 });
    expect(written).toHaveLength(1);
    const line = JSON.parse(written[0] ?? "{}");
    expect(line).toMatchObject({ level: "info", message: "Request", requestId: "abc-12345678", status: 200 });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it("never carry a password, token, cookie or Authorization header, even when a caller passes one", () => {
    log("warn", "Careless", {
      password: "correct horse battery staple",
      form: { newPassword: "another secret phrase" },
      token: "tGQ0Xq4r6yqVZB0dzE4x",
      headers: { cookie: "__Host-session=abc", authorization: "Bearer xyz" },
      request: { headers: { cookie: "__Host-session=def" } },
    });
    const text = written.join("");
    for (const secret of [
      "correct horse",
      "another secret",
      "tGQ0Xq4r6yqVZB0dzE4x",
      "session=abc",
      "Bearer",
      "session=def",
    ]) {
      expect(text).not.toContain(secret);
    }
    const line = JSON.parse(text);
    expect(line.password).toBe(REDACTED);
    expect(line.headers.authorization).toBe(REDACTED);
    expect(line.request.headers.cookie).toBe(REDACTED);
  });
});
