import type { TestProject } from "vitest/node";
import { launchBrowserServer } from "./e2e-chromium";
import { startHub } from "./hub-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared Hub's address, such as http://127.0.0.1:40123. */
    baseUrl: string;
    /** The file the shared Hub writes its standard output and error to (see e2e-hub-log.ts). */
    hubLogPath: string;
    /** The shared Hub's data folder: its SQLite database is hub.db in here. */
    hubDataDir: string;
    /** The run's Chromium, for test files to connect to (see connectBrowser). */
    browserWsEndpoint: string;
  }
}

/**
 * One built Hub with the demo content, and one Chromium, for the whole
 * end-to-end run. This runs in vitest's main process and the test files in a
 * worker thread: what they need to know crosses over through provide().
 */
export default async function setup(project: TestProject) {
  const [hubStarted, browserStarted] = await Promise.allSettled([
    // Its tests prove a confirmed save is found, not how fast search confirms it (bench:load measures that).
    startHub({ env: { SEARCH_CONFIRM_SECONDS: "20" } }),
    launchBrowserServer(),
  ]);
  if (hubStarted.status === "rejected" || browserStarted.status === "rejected") {
    if (hubStarted.status === "fulfilled") await hubStarted.value.stop();
    if (browserStarted.status === "fulfilled") await browserStarted.value.close();
    throw hubStarted.status === "rejected" ? hubStarted.reason : (browserStarted as PromiseRejectedResult).reason;
  }
  const hub = hubStarted.value;
  const browserServer = browserStarted.value;
  project.provide("baseUrl", hub.url);
  project.provide("hubLogPath", hub.logPath);
  project.provide("hubDataDir", hub.dataDir);
  project.provide("browserWsEndpoint", browserServer.wsEndpoint());
  return async () => {
    await Promise.all([hub.stop(), browserServer.close()]);
  };
}
