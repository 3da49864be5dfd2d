/**
 * With route config (app/routes.ts), files in app/routes that are not routes
 * are ignored only through the options given to flatRoutes there: Remix's own
 * `ignoredRouteFiles` in remix.config.js is not read.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const appDir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-routes-"));

afterAll(() => fs.rmSync(appDir, { recursive: true, force: true }));

describe("app/routes.ts", () => {
  it("makes routes of route modules only, not of tests, styles or notes kept beside them", async () => {
    const routes = path.join(appDir, "routes");
    fs.mkdirSync(routes);
    fs.writeFileSync(path.join(appDir, "root.tsx"), "export default function Root() { return null; }\n");
    for (const file of [
      "_index.tsx",
      "posts.$slug.tsx",
      "posts.$slug.test.tsx",
      "posts.$slug.spec.ts",
      "search.css",
      "README.md",
      ".DS_Store",
    ]) {
      fs.writeFileSync(path.join(routes, file), "export default function Page() { return null; }\n");
    }
    // The Remix Vite plugin sets this before it reads app/routes.ts.
    (globalThis as { __remixAppDirectory?: string }).__remixAppDirectory = appDir;
    const config = await (await import("~/routes")).default;
    expect(config.map((route) => route.file).sort()).toEqual(["routes/_index.tsx", "routes/posts.$slug.tsx"]);
  });
});
