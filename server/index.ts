/**
 * The server's composition root. `npm start` (and `npm run dev` with --dev):
 * builds if needed, migrates, imports the demo content into an empty
 * database, starts search and its relay, then serves the Hub.
 */
import type { Server } from "node:http";
import { DEMO_PASSWORD } from "../app/content/demo-accounts.server";
import { OWNER_ONLY_UMASK } from "../app/platform/data-folder.server";
import { closeDb } from "../app/platform/db.server";
import { getEnv } from "../app/platform/env.server";
import { ensureBuild } from "./ensure-build";
import { createHubApp } from "./http-app";
import { prepareDatabase } from "./prepare-database";
import { startSearchRuntime } from "./search-runtime";

/** What has started so far, for stopping it in order; a signal during start-up just exits. */
let stopRunning: ((signal: string) => void) | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopRunning) stopRunning(signal);
    // Exiting runs the exit handlers, which kill a Meilisearch started so far.
    else process.exit(0);
  });
}

// Everything the Hub writes (database, journal, backups, search data) is readable by its own user only.
process.umask(OWNER_ONLY_UMASK);

async function main() {
  const dev = process.argv.includes("--dev");
  const env = getEnv();
  if (!dev) ensureBuild();
  const prepared = await prepareDatabase();
  const search = await startSearchRuntime();
  const { app, close } = await createHubApp({
    mode: dev ? "development" : "production",
    publicOrigin: env.PUBLIC_ORIGIN,
    trustProxy: env.TRUST_PROXY ?? false,
    // Choosing an organisation to sign in with posts a form that leads to Microsoft's sign-in page.
    formActionOrigins: env.entra ? [new URL(env.entra.authority).origin] : [],
  });

  // The demo accounts' password is public: while they exist, only this machine may reach the Hub unless HOST says otherwise.
  const demo = prepared.demoAccounts.length > 0;
  const host = env.HOST ?? (dev || demo ? "127.0.0.1" : "0.0.0.0");
  const server: Server = app.listen(env.PORT, host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    const url = env.PUBLIC_ORIGIN ?? `http://localhost:${port}`;
    const searchLine = {
      managed: `Search: Meilisearch started at ${search.url} (data in ${env.dataDir}/meili)`,
      external: `Search: using Meilisearch at ${search.url}`,
      shared: `Search: using the Meilisearch of the Hub already running on this data folder (${search.url})`,
      off: "Search: off (see above)",
    }[search.mode];
    const lines = [`SRS Knowledge Hub is running at ${url}`, `Data folder: ${env.dataDir}`, searchLine];
    if (demo) {
      lines.push("", `Demo accounts (password: ${DEMO_PASSWORD}):`);
      for (const account of prepared.demoAccounts) lines.push(`  ${account.email.padEnd(42)} ${account.role}`);
      if (!env.HOST) {
        lines.push(
          "",
          "Listening on 127.0.0.1 only, because demo accounts exist and their password is public.",
          "Set HOST (for example HOST=0.0.0.0) to let other machines reach this Hub.",
        );
      }
    }
    console.log(lines.join("\n"));
  });

  // Idle keep-alive connections stay open longer than browsers and proxies keep theirs: a client
  // must never send a request on a connection the Hub is closing that instant (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  let stopping = false;
  stopRunning = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}; stopping.`);
    server.close(() => {
      void Promise.allSettled([close(), search.stop()]).finally(() => {
        closeDb();
        process.exit(0);
      });
    });
    // Keep-alive connections or a slow Meilisearch task can hold the steps
    // above open: do not wait for ever. Exiting also kills a managed Meilisearch.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
