/**
 * A backup taken while another process keeps writing is one consistent
 * moment of the database: restored into an empty data folder, every table
 * holds exactly what the source held at that moment (the last event in the
 * copy), and a relay started on it puts the search index in step with it.
 * The writer, the backup, the restore and the relay are separate processes.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepUpload, recordStoredFile, stageUpload, storedFilePath } from "~/files/file-storage.server";
import { getDb, writeTransaction } from "~/platform/db.server";
import { listFiles } from "~/platform/files.server";
import { getSearchClient } from "~/search/meili.server";
import type { SearchDocument } from "~/search/search-document.server";
import { relayAll } from "~/search/search-relay.server";
import { makeDocx } from "../../scripts/lib/paper-documents";
import { givenUser, unique } from "../support/factories";
import { startMeilisearchWithDemoContent, type TestMeilisearch } from "../support/meilisearch";
import { eventually } from "../support/wait";

const TSX = path.resolve("node_modules/.bin/tsx");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-backup-"));
const sourceDir = process.env.DATA_DIR ?? "";
const backups = path.join(work, "backups");
const restoredDir = path.join(work, "restored");
const word = unique("quokka").replace("-", "");

let meili: TestMeilisearch;
/** A paper's stored file in the source data folder, backed up with the database. */
let storedFile: { sha256: string; content: Buffer } = { sha256: "", content: Buffer.alloc(0) };

beforeAll(async () => {
  meili = await startMeilisearchWithDemoContent();
  await givenUser("admin");
  const content = makeDocx("Backed-up paper", [`${word} inside a stored file`]);
  const staged = await stageUpload(Readable.from([content]), { name: "paper.docx", maxBytes: 1024 * 1024 });
  if (!staged.ok) throw new Error(staged.problem);
  keepUpload(staged.upload);
  writeTransaction((tx) => recordStoredFile(tx, staged.upload));
  storedFile = { sha256: staged.upload.sha256, content };
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Runs one of the Hub's scripts as its own process. */
function runScript(script: string, args: string[], dataDir: string) {
  const result = spawnSync(TSX, [script, ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

interface Write {
  slug: string;
  title: string;
  eventId: number;
}

const readWrites = (file: string): Write[] =>
  fs.existsSync(file)
    ? fs
        .readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Write)
    : [];

type Row = Record<string, unknown>;
const rowsOf = (sqlite: Database.Database, table: string): Row[] =>
  sqlite.prepare(`select * from "${table}" order by rowid`).all() as Row[];
const tablesOf = (sqlite: Database.Database): string[] =>
  sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];

describe("a backup during continuous writes, restored into an empty data folder", () => {
  let backupFolder = "";
  let writes: Write[] = [];

  it("is taken while another process writes, and restores only into an empty folder", async () => {
    const writerLog = path.join(work, "writes.jsonl");
    // Straight to Node, not through the tsx command: that kills a child slow to answer a signal (decision 065).
    const writer = spawn(process.execPath, ["--import", "tsx", "test/support/post-writer.ts"], {
      env: { ...process.env, DATA_DIR: sourceDir, WRITER_LOG: writerLog, WRITER_WORD: word },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => writer.on("exit", resolve));
    try {
      await eventually(() => readWrites(writerLog).length >= 20, 30_000);
      const backup = runScript("scripts/backup.ts", [backups], sourceDir);
      expect(backup.output).toMatch(/Backed up the database/);
      expect(backup.status).toBe(0);
      // The writer kept going while the backup ran and after it.
      const atBackup = readWrites(writerLog).length;
      await eventually(() => readWrites(writerLog).length >= atBackup + 10, 30_000);
    } finally {
      writer.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    writes = readWrites(writerLog);

    const [name, ...others] = fs.readdirSync(backups);
    expect(others).toEqual([]);
    expect(name).toMatch(/^hub-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    backupFolder = path.join(backups, name ?? "");
    expect(fs.statSync(backups).mode & 0o777).toBe(0o700);
    expect(fs.statSync(backupFolder).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(backupFolder, "hub.db")).mode & 0o777).toBe(0o600);

    // The stored files are in the backup, each listed with its hash.
    const manifest = JSON.parse(fs.readFileSync(path.join(backupFolder, "manifest.json"), "utf8"));
    const papersSet = manifest.files.find((set: { name: string }) => set.name === "papers");
    expect(papersSet.entries).toContainEqual({
      path: `${storedFile.sha256.slice(0, 2)}/${storedFile.sha256.slice(2)}`,
      sha256: storedFile.sha256,
      bytes: storedFile.content.length,
    });

    const restore = runScript("scripts/restore.ts", [backupFolder], restoredDir);
    expect(restore.output).toMatch(/Restored the backup/);
    expect(restore.status).toBe(0);
    const restoredFile = storedFilePath(storedFile.sha256, restoredDir);
    expect(fs.readFileSync(restoredFile).equals(storedFile.content)).toBe(true);
    expect(fs.statSync(restoredFile).mode & 0o777).toBe(0o600);
    // A second restore would overwrite a database: refused.
    const again = runScript("scripts/restore.ts", [backupFolder], restoredDir);
    expect(again.status).toBe(1);
    expect(again.output).toMatch(/already holds a database \(hub\.db\)/);
  }, 120_000);

  it("holds every table's rows exactly as they were at the backup's moment", () => {
    const restored = new Database(path.join(restoredDir, "hub.db"), { readonly: true });
    const source = getDb().$client;
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(backupFolder, "manifest.json"), "utf8"));
      const moment = restored.prepare("select max(id) from events").pluck().get() as number;
      expect(manifest.database.lastEventId).toBe(moment);

      // The backup fell in the middle of the writes: some before it, some after.
      const before = writes.filter((write) => write.eventId <= moment);
      const after = writes.filter((write) => write.eventId > moment);
      expect(before.length).toBeGreaterThan(10);
      expect(after.length).toBeGreaterThan(5);

      // What the source held at that moment: its posts as the last acknowledged write before it left them.
      const titleAt = new Map<string, string>();
      for (const write of before) titleAt.set(write.slug, write.title);
      const changedAfter = new Set(after.map((write) => write.slug));

      expect(tablesOf(restored)).toEqual(tablesOf(source));
      for (const table of tablesOf(source)) {
        const rows = rowsOf(restored, table);
        expect(rows.length, table).toBe(manifest.database.tables[table]);
        if (table === "events" || table === "revisions") {
          // Kept logs: the copy is exactly the source's up to the moment.
          const maxId = Math.max(0, ...rows.map((row) => Number(row.id)));
          expect(rows, table).toEqual(rowsOf(source, table).filter((row) => Number(row.id) <= maxId));
          if (table === "events") expect(maxId).toBe(moment);
        } else if (table === "posts" || table === "post_tags") {
          const slugOf = new Map(rowsOf(source, "posts").map((row) => [row.id, String(row.slug)]));
          const unchanged = (row: Row) => !changedAfter.has(slugOf.get(table === "posts" ? row.id : row.post_id) ?? "");
          expect(rows.filter(unchanged), table).toEqual(rowsOf(source, table).filter(unchanged));
        } else {
          // The writer touched nothing else.
          expect(rows, table).toEqual(rowsOf(source, table));
        }
      }

      // Posts the writer changed after the moment are as they were at it (or absent, if made after it).
      const restoredPosts = new Map(rowsOf(restored, "posts").map((row) => [String(row.slug), row]));
      for (const slug of changedAfter) {
        expect(restoredPosts.get(slug)?.title, slug).toBe(titleAt.get(slug));
      }
      for (const [slug, title] of titleAt) expect(restoredPosts.get(slug)?.title).toBe(title);

      // Nothing half-written: every post has its events and a revision per save, the last one its current text.
      for (const post of restoredPosts.values()) {
        const id = String(post.id);
        const eventCount = restored
          .prepare("select count(*) from events where record_type = 'post' and record_id = ?")
          .pluck()
          .get(id) as number;
        const last = restored
          .prepare(
            "select snapshot, number from revisions where record_type = 'post' and record_id = ? order by number desc limit 1",
          )
          .get(id) as { snapshot: string; number: number } | undefined;
        expect(eventCount, String(post.slug)).toBeGreaterThan(0);
        expect(JSON.parse(last?.snapshot ?? "{}").title, String(post.slug)).toBe(post.title);
      }
      const orphans = restored
        .prepare(
          "select count(*) from revisions where record_type = 'post' and record_id not in (select cast(id as text) from posts)",
        )
        .pluck()
        .get();
      expect(orphans).toBe(0);
    } finally {
      restored.close();
    }
  });

  it("is searchable in full once a relay starts on it, even against an index from after the backup", async () => {
    // The index follows the source past the backup, as it would until the source was lost.
    await relayAll();
    const ahead = await getSearchClient().index<SearchDocument>("records").getDocuments({ limit: 10_000 });
    const restored = new Database(path.join(restoredDir, "hub.db"), { readonly: true });
    const titles = (query: string) => restored.prepare(query).all() as { id: number; title: string }[];
    const expected = new Map([
      ...titles("select id, title from posts where status != 'archived'").map(
        (row) => [`post-${row.id}`, row.title] as const,
      ),
      ...titles("select id, title from roadmap_items").map((row) => [`roadmap_item-${row.id}`, row.title] as const),
    ]);
    restored.close();
    expect(ahead.total).toBeGreaterThan(expected.size);

    const relay = spawnSync(TSX, ["test/support/relay-until-checked.ts"], {
      env: { ...process.env, DATA_DIR: restoredDir, MEILI_URL: meili.url },
      encoding: "utf8",
      timeout: 90_000,
    });
    expect(relay.stderr).toBe("");
    expect(relay.status).toBe(0);
    const { check } = JSON.parse(relay.stdout.trim().split("\n").at(-1) ?? "{}");
    expect(check.outcome).toMatch(/patched|rebuilt/);

    const documents = await getSearchClient()
      .index<SearchDocument>("records")
      .getDocuments({ limit: 10_000, fields: ["id", "title"] });
    expect(new Map(documents.results.map((document) => [document.id, document.title]))).toEqual(expected);
    const hits = await getSearchClient()
      .index("records")
      .search(word, { limit: 1000, attributesToRetrieve: ["id"] });
    expect(hits.hits.length).toBe([...expected.values()].filter((title) => title.startsWith(word)).length);
  }, 120_000);
});

describe("a backup into a folder the operator names", () => {
  it("leaves that folder's mode alone; only the dated folder it makes is owner-only", () => {
    // A shared folder such as /tmp: owner-only would lock everyone else out of it.
    const shared = path.join(work, "shared");
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o755);
    const backup = runScript("scripts/backup.ts", [shared], sourceDir);
    expect(backup.output).toMatch(/Backed up the database/);
    expect(backup.status).toBe(0);
    expect(fs.statSync(shared).mode & 0o777).toBe(0o755);
    const [name, ...others] = fs.readdirSync(shared);
    expect(others).toEqual([]);
    expect(fs.statSync(path.join(shared, name ?? "")).mode & 0o777).toBe(0o700);
  });
});

describe("a restore that is refused", () => {
  const refusal = (args: string[], dataDir = fs.mkdtempSync(path.join(work, "empty-"))) => {
    const result = runScript("scripts/restore.ts", args, dataDir);
    expect(fs.existsSync(path.join(dataDir, "hub.db"))).toBe(false);
    return result;
  };

  /** A copy of the backup to damage. */
  function copyOfBackup(): string {
    const [name] = fs.readdirSync(backups);
    const copy = fs.mkdtempSync(path.join(work, "damaged-"));
    fs.cpSync(path.join(backups, name ?? ""), copy, { recursive: true });
    return copy;
  }

  it("needs a folder", () => {
    expect(refusal([])).toMatchObject({ status: 2, output: expect.stringMatching(/Usage: npm run restore/) });
  });

  it("refuses a backup without its manifest", () => {
    const copy = copyOfBackup();
    fs.rmSync(path.join(copy, "manifest.json"));
    expect(refusal([copy])).toMatchObject({ status: 1, output: expect.stringMatching(/not a complete backup/) });
  });

  it("refuses a backup whose database was cut short", () => {
    const copy = copyOfBackup();
    const file = path.join(copy, "hub.db");
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    expect(refusal([copy])).toMatchObject({ status: 1, output: expect.stringMatching(/not a complete backup/) });
  });

  it("refuses a backup whose database fails SQLite's integrity check", () => {
    const copy = copyOfBackup();
    const file = path.join(copy, "hub.db");
    // Scribble over pages in the middle of the file, keeping its size (and its header).
    const fd = fs.openSync(file, "r+");
    const size = fs.statSync(file).size;
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    expect(refusal([copy])).toMatchObject({
      status: 1,
      output: expect.stringMatching(/failed SQLite.s integrity check/),
    });
  });

  it("refuses a backup whose rows do not match its manifest", () => {
    const copy = copyOfBackup();
    const manifestFile = path.join(copy, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    manifest.database.tables.posts += 1;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(refusal([copy])).toMatchObject({ status: 1, output: expect.stringMatching(/does not match its manifest/) });
  });

  it("refuses a manifest whose stored files lie outside the backup, before counting them", () => {
    const copy = copyOfBackup();
    const manifestFile = path.join(copy, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    // files/../.. is the folder the backup sits in; with its true count the restore would otherwise go through.
    manifest.files = [{ name: "../..", files: listFiles(path.dirname(copy)).length, bytes: 0 }];
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(refusal([copy])).toMatchObject({
      status: 1,
      output: expect.stringMatching(
        /lists stored files under "\.\.\/\.\.", which is not a set of files this Hub keeps/,
      ),
    });
  });

  it("refuses a manifest naming a set of stored files this Hub does not keep", () => {
    const copy = copyOfBackup();
    const manifestFile = path.join(copy, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    manifest.files = [{ name: "photos", files: 0, bytes: 0 }];
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(refusal([copy])).toMatchObject({
      status: 1,
      output: expect.stringMatching(/lists stored files under "photos", which is not a set of files this Hub keeps/),
    });
  });

  const backedUpFile = (copy: string) =>
    path.join(copy, "files", "papers", storedFile.sha256.slice(0, 2), storedFile.sha256.slice(2));

  it("refuses a backup whose stored file is missing, restoring no file", () => {
    const copy = copyOfBackup();
    fs.rmSync(backedUpFile(copy));
    const dataDir = fs.mkdtempSync(path.join(work, "empty-"));
    expect(refusal([copy], dataDir)).toMatchObject({ status: 1, output: expect.stringMatching(/lacks files/) });
    expect(fs.existsSync(path.join(dataDir, "files"))).toBe(false);
  });

  it("refuses a backup whose stored file was altered, restoring no file", () => {
    const copy = copyOfBackup();
    const file = backedUpFile(copy);
    const altered = fs.readFileSync(file);
    altered.writeUInt8((altered.at(-30) ?? 0) ^ 0xff, altered.length - 30);
    fs.writeFileSync(file, altered);
    const dataDir = fs.mkdtempSync(path.join(work, "empty-"));
    expect(refusal([copy], dataDir)).toMatchObject({
      status: 1,
      output: expect.stringMatching(/has a stored file that was changed after the backup/),
    });
    expect(fs.existsSync(path.join(dataDir, "files"))).toBe(false);
  });
});
