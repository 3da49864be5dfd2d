/**
 * The built Hub in production mode (`npm start`'s server/index.ts) as a
 * benchmark's subject: started on a loopback port with its own log file,
 * optionally under V8's CPU profiler, and stopped with SIGTERM like any
 * service manager would.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freeLocalPort } from "../../server/meilisearch-process";

export interface BenchHub {
  url: string;
  /** The Hub's standard output and error so far. */
  output(): string;
  /** SIGTERM, then waits for the Hub (and so its CPU profiles and managed Meilisearch) to finish. */
  stop(): Promise<void>;
}

export interface BenchHubOptions {
  dataDir: string;
  /** Added to a clean environment (PATH, HOME, TMPDIR, NODE_ENV=production, DATA_DIR, HOST, PORT). */
  env?: Record<string, string | undefined>;
  /** Run under `node --cpu-prof`, writing a .cpuprofile per process here when it exits. */
  profileDir?: string;
  timeoutMs?: number;
}

function tail(text: string, lines = 40): string {
  return text.split("\n").slice(-lines).join("\n");
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The Hub exited (${child.exitCode ?? child.signalCode}):\n${tail(output())}`);
    }
    const ok = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The Hub did not answer /healthz within ${timeoutMs / 1000} s:\n${tail(output())}`);
}

export async function startBenchHub({
  dataDir,
  env = {},
  profileDir,
  timeoutMs = 240_000,
}: BenchHubOptions): Promise<BenchHub> {
  const port = await freeLocalPort();
  const url = `http://127.0.0.1:${port}`;
  const logPath = path.join(dataDir, `hub-${port}.log`);
  const logFd = fs.openSync(logPath, "a");
  // Nothing of the caller's environment (a MEILI_URL, a PUBLIC_ORIGIN) changes what is measured.
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: String(port),
  };
  for (const [name, value] of Object.entries(env)) if (value !== undefined) childEnv[name] = value;
  const profiling = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const child = spawn(process.execPath, [...profiling, "--import", "tsx", "server/index.ts"], {
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
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    // The Hub gives itself 10 s to stop; past that it is stuck.
    const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(kill);
  };
  try {
    await waitForHealth(url, child, output, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output, stop };
}

/**
 * Signs in through the login form, as a browser would (its Origin, a form
 * body), and returns the session cookie as `name=value`.
 */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Signing in as ${email} answered ${response.status}`);
  return cookie;
}
