/**
 * A data folder the Hub cannot use: it stops at once with one message that
 * says what to change and a non-zero exit, before it opens the database.
 * And a disk that fills up during a write (SQLite's page-count limit stands
 * in for it): the write fails whole, and the person is told nothing was saved.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { StorageUnavailableError } from "~/platform/errors";
import { storageErrorResponse } from "~/platform/http.server";
import { createPost } from "~/posts/save-post.server";
import { events, posts, revisions } from "../../db/schema";
import { checkDataFolder } from "../../server/data-folder-check";
import { ensureBuild } from "../../server/ensure-build";
import { givenPartner, givenUser, lessonInput } from "../support/factories";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-data-folder-"));

/** Running the Hub as another user takes root and setpriv; elsewhere that case is skipped, not failed. */
const SETPRIV = "/usr/bin/setpriv";
const canRunAsNobody = process.getuid?.() === 0 && fs.existsSync(SETPRIV);

/**
 * The folders a Hub running as nobody passes through to find the build (it only checks the build
 * exists and is newer than the sources, then stops at the data folder check). A build a Hub made is
 * owner-only (its umask), so they get search permission for the test, and their own mode back after.
 */
const BUILD_FOLDERS = ["build", "build/server"];
const buildFolderModes = new Map<string, number>();

// Built here: the Hub that runs as nobody could not write a build of its own.
beforeAll(() => {
  ensureBuild(() => {});
  if (!canRunAsNobody) return;
  for (const folder of BUILD_FOLDERS) {
    const mode = fs.statSync(folder).mode & 0o7777;
    buildFolderModes.set(folder, mode);
    fs.chmodSync(folder, mode | 0o111);
  }
}, 240_000);

afterAll(() => {
  for (const [folder, mode] of buildFolderModes) fs.chmodSync(folder, mode);
  fs.rmSync(scratch, { recursive: true, force: true });
});

interface Exit {
  code: number | null;
  output: string;
  ms: number;
}

/** Starts the Hub as `npm start` would, as another user if `asUid` is given, and waits for it to exit. */
function startHubExpectingExit(dataDir: string, asUid?: string): Promise<Exit> {
  // One process (not the tsx launcher, which a kill on time-out would leave running).
  const hub = [process.execPath, "--import", "tsx", "server/index.ts"];
  const [command, args] = asUid
    ? [SETPRIV, ["--reuid", asUid, "--regid", asUid, "--clear-groups", "--", ...hub]]
    : [process.execPath, hub.slice(1)];
  const started = Date.now();
  const child = spawn(command, args, {
    env: { ...process.env, NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, HOME: scratch },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

describe("a data folder the Hub cannot use", () => {
  it("is a file: the Hub says so and exits non-zero, without a stack trace", async () => {
    const file = path.join(scratch, "not-a-folder");
    fs.writeFileSync(file, "");
    const { code, output } = await startHubExpectingExit(file);
    expect(code).not.toBe(0);
    expect(output).toContain(`DATA_DIR (${file}) is a file, not a folder.`);
    expect(output).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(file, "utf8")).toBe("");
  });

  it.skipIf(!canRunAsNobody)(
    "is not writable by the Hub's user: the Hub says which user, exits non-zero and leaves nothing behind",
    async () => {
      // Root may write anywhere: the Hub runs as nobody, in a folder that belongs to root.
      const folder = path.join(scratch, "roots-folder");
      fs.mkdirSync(folder, { mode: 0o755 });
      fs.chmodSync(scratch, 0o755);
      const { code, output } = await startHubExpectingExit(folder, "65534");
      expect(code).not.toBe(0);
      expect(output).toContain(`The data folder ${folder} is not writable by the user the Hub runs as (nobody).`);
      expect(output).not.toMatch(/\n\s+at /);
      expect(fs.readdirSync(folder)).toEqual([]);
    },
  );

  it("is checked for room: too little free space is refused with the figures", () => {
    const folder = path.join(scratch, "small-disk");
    const free = fs.statfsSync(scratch).bavail * fs.statfsSync(scratch).bsize;
    expect(() => checkDataFolder(folder, free * 2)).toThrow(/has \d+ MB free; the Hub needs at least \d+ MB/);
    expect(() => checkDataFolder(folder)).not.toThrow();
  });
});

describe("a disk that fills up during a write", () => {
  it("fails the whole write, keeps nothing of it, and is answered 507 saying nothing was saved", async () => {
    givenPartner("torfaen");
    const author = await givenUser("admin");
    const sqlite = getDb().$client;
    const rows = () => ({
      posts: getDb().select({ n: count() }).from(posts).get()?.n,
      revisions: getDb().select({ n: count() }).from(revisions).get()?.n,
      events: getDb().select({ n: count() }).from(events).get()?.n,
    });
    const before = rows();
    const pages = sqlite.pragma("page_count", { simple: true }) as number;
    // The file may not grow past its current size: the next write that needs a new page finds the "disk" full.
    sqlite.pragma(`max_page_count = ${pages}`);
    let thrown: unknown;
    try {
      createPost({ actor: author, fields: lessonInput("torfaen", { body: "A long account. ".repeat(4000) }) });
    } catch (error) {
      thrown = error;
    } finally {
      sqlite.pragma("max_page_count = 1073741823");
    }
    expect(thrown).toBeInstanceOf(StorageUnavailableError);
    expect((thrown as StorageUnavailableError).reason).toBe("full");
    expect(rows()).toEqual(before);
    const answer = storageErrorResponse(thrown);
    expect(answer?.init?.status).toBe(507);
    expect(answer?.data).toEqual({ message: "The Hub's storage is full: nothing was saved." });
    // The same write goes through once there is room.
    createPost({ actor: author, fields: lessonInput("torfaen", { body: "A long account. ".repeat(4000) }) });
    expect(rows().posts).toBe((before.posts ?? 0) + 1);
  });
});
