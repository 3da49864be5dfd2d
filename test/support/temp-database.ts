/**
 * Integration tests get a real SQLite file in a temporary folder, migrated
 * before the first test of each file and removed after the last.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-test-"));
process.env.DATA_DIR = dataDir;
process.env.NODE_ENV = "test";

beforeAll(async () => {
  const { migrateDatabase } = await import("~/platform/migrate.server");
  migrateDatabase();
});

afterAll(async () => {
  const { closeDb } = await import("~/platform/db.server");
  closeDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
