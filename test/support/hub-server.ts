/** Starts the real Hub (server/index.ts, production build) on a free port with its own data folder. */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freeLocalPort } from "../../server/meilisearch-process";

export interface RunningHub {
  url: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function waitForHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Hub exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The Hub did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

export async function startHub({
  env = {},
  timeoutMs = 240_000,
}: {
  env?: Record<string, string>;
  timeoutMs?: number;
} = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-e2e-"));
  const port = await freeLocalPort();
  let log = "";
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["server/index.ts"], {
    env: { ...process.env, NODE_ENV: "test", HOST: "127.0.0.1", PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    log += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealthy(url, child, () => log, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, output: () => log, stop } satisfies RunningHub;
}
