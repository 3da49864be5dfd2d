/** Starts the real Hub (server/index.ts, production build) on a free port with its own data folder. */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { freeLocalPort } from "../../server/meilisearch-process";

export interface RunningHub {
  url: string;
  dataDir: string;
  /**
   * The Hub's standard output and error, interleaved as written. They go
   * straight to this file (not through a pipe), so a line the Hub wrote before
   * answering a request is in the file by the time the answer arrives, and a
   * test in another process can read it.
   */
  logPath: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function waitForHealthy(url: string, child: ChildProcess, output: () => string, deadline: number) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Hub exited with ${child.exitCode}:\n${output()}`);
    try {
      // Never waits long on one answer: another process may hold the port for a moment (it was free when
      // chosen) and accept without answering, and the Hub's own exit must still be seen.
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The Hub did not become healthy in time:\n${output()}`);
}

/**
 * Without `dataDir`, the Hub gets a new data folder, removed when it stops.
 * With one (another running Hub's, say), it uses that folder and leaves it.
 */
export async function startHub({
  env = {},
  unset = [],
  dataDir: givenDataDir,
  // Below the test files' hook time-outs, so that a Hub that never starts fails with its own output.
  timeoutMs = 150_000,
}: {
  env?: Record<string, string>;
  /** Variables the Hub must not see at all (HOST, to see what it chooses itself). */
  unset?: string[];
  dataDir?: string;
  timeoutMs?: number;
} = {}): Promise<RunningHub> {
  const dataDir = givenDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-e2e-"));
  // As a folder made by hand under a usual umask would be: the Hub must make it owner-only itself.
  if (!givenDataDir) fs.chmodSync(dataDir, 0o755);
  // A test that must know the address before the Hub starts (for PUBLIC_ORIGIN) chooses the port itself.
  const port = env.PORT ? Number(env.PORT) : await freeLocalPort();
  // One log per Hub, even when two share a data folder.
  const logPath = path.join(dataDir, `hub-${port}.log`);
  const logFd = fs.openSync(logPath, "a");
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: dataDir,
    ...env,
  };
  for (const name of unset) delete childEnv[name];
  // Node itself runs the Hub, as `npm start` does: a SIGTERM reaches the Hub, never a wrapper (decision 065).
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: childEnv,
    stdio: ["ignore", logFd, logFd],
  });
  fs.closeSync(logFd);
  const output = () => {
    try {
      return fs.readFileSync(logPath, "utf8");
    } catch {
      return "";
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      // A Hub stuck while stopping must not hold up the run: its own stop gives up after 10 seconds.
      const stuck = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(stuck);
    }
    if (!givenDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // One deadline for the whole start.
    const deadline = Date.now() + timeoutMs;
    await waitForHealthy(url, child, output, deadline);
    await waitForPaperText(dataDir, deadline, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, logPath, output, stop };
}

/**
 * The demo papers' text is read in the background just after start, each
 * with an event: a test that counts rows or events from the start must not
 * see those arrive mid-test. Waits until no paper is left unread.
 */
async function waitForPaperText(dataDir: string, deadline: number, output: () => string): Promise<void> {
  const file = path.join(dataDir, "hub.db");
  for (;;) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    let pending: number;
    try {
      db.pragma("busy_timeout = 5000");
      pending = (db.prepare("select count(*) as n from papers where text_state = 'pending'").get() as { n: number }).n;
    } finally {
      db.close();
    }
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`The Hub left ${pending} paper(s) unread:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
