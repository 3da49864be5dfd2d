/**
 * Finding, launching and sharing Debian's Chromium. Free of vitest imports,
 * so that the e2e global setup (which runs outside any test) can use it.
 */
import fs from "node:fs";
import { type Browser, type BrowserServer, chromium } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium", "/usr/bin/chromium"];

export function chromiumPath(): string {
  const found = CANDIDATES.find((candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate)));
  if (!found) throw new Error("Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH");
  return found;
}

/** Headless, with nothing that reaches for the network. */
const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** A Chromium of the caller's own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
}

/**
 * A Chromium for several processes to share: the e2e global setup starts one
 * for the run, and each test file connects to it (connectBrowser), which is a
 * second or so quicker than launching its own.
 */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
}

/** Connects to a browser started by launchBrowserServer; closing the result disconnects and leaves it running. */
export function connectBrowser(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
