/** What `npm start` prints: one line for the build (all of it when it fails), then a short banner. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBuild } from "../../server/ensure-build";
import { startBanner } from "../../server/start-banner";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-start-output-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A stand-in for Vite that prints what Vite prints: a line per file, and a warning. */
const chattyBuild = (exitCode: number) => ({
  file: process.execPath,
  args: [
    "-e",
    `for (let i = 0; i < 60; i++) console.log("build/client/assets/chunk-" + i + ".js  1.00 kB");
     console.error(${exitCode === 0 ? '"(!) a warning"' : '"error: app/root.tsx (12:3): Unexpected token"'});
     process.exit(${exitCode});`,
  ],
});

describe("the build at start", () => {
  it("prints two lines and keeps the rest in a log file under the data folder", () => {
    const lines: string[] = [];
    const logFile = path.join(scratch, "data", "build.log");
    const result = runBuild((line) => lines.push(line), { logFile, command: chattyBuild(0) });
    expect(result).toEqual({ ok: true });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(logFile);
    expect(lines[1]).toMatch(/^Built in \d+ s\.$/);
    const kept = fs.readFileSync(logFile, "utf8");
    expect(kept).toContain("chunk-59.js");
    expect(kept).toContain("(!) a warning");
  });

  it("gives back the whole output when the build fails", () => {
    const lines: string[] = [];
    const logFile = path.join(scratch, "failing", "build.log");
    const result = runBuild((line) => lines.push(line), { logFile, command: chattyBuild(2) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(2);
    expect(result.output).toContain("chunk-0.js");
    expect(result.output).toContain("error: app/root.tsx (12:3): Unexpected token");
    expect(lines).toHaveLength(1);
  });
});

describe("the start banner", () => {
  const facts = {
    url: "http://localhost:3000",
    dataDir: "/srv/hub/data",
    search: { mode: "managed" as const, url: "http://127.0.0.1:7700" },
    workers: 1,
    demoPassword: "demo-password-1",
    host: undefined,
  };

  it("says where the Hub is, where its data lives, how to sign in and how to stop, in a screenful", () => {
    const banner = startBanner({
      ...facts,
      demoAccounts: [
        { email: "admin@demo.srs-hub.test", role: "admin" },
        { email: "reader@demo.srs-hub.test", role: "reader" },
      ],
    });
    expect(banner).toContain("SRS Knowledge Hub is running at http://localhost:3000");
    expect(banner).toContain("Data folder: /srv/hub/data");
    expect(banner).toContain("Demo accounts (password: demo-password-1):");
    expect(banner).toMatch(/^ {2}admin@demo\.srs-hub\.test +admin$/m);
    expect(banner).toContain("Listening on 127.0.0.1 only");
    expect(banner.trimEnd().split("\n").at(-1)).toBe("Press Ctrl+C to stop.");
    expect(banner.split("\n").length).toBeLessThan(25);
  });

  it("names no password when there are no demo accounts", () => {
    const banner = startBanner({ ...facts, demoAccounts: [], host: "0.0.0.0" });
    expect(banner).not.toContain("password");
    expect(banner).not.toContain("127.0.0.1 only");
    expect(banner).toContain("Press Ctrl+C to stop.");
  });
});
