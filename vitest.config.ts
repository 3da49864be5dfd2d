import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "~": fileURLToPath(new URL("./app", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    // Two workers on a two-core machine: unit and integration files wait on Meilisearch and
    // SQLite as much as on the CPU. The e2e project keeps to one thread of its own (below).
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          setupFiles: ["test/support/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["test/support/fail-on-console-error.ts", "test/support/temp-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          // One Hub and one Chromium for the run; each file connects through test/support/e2e-fixtures.ts.
          globalSetup: ["test/support/e2e-global-setup.ts"],
          // One test file at a time: they share the Hub's log, read after each test. A pool of its own
          // (threads, where the other projects use forks) lets it run alongside the unit and integration
          // files: vitest runs one pool's single-fork files only after its other files.
          pool: "threads",
          poolOptions: { threads: { singleThread: true } },
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // A page's script may take more than vitest's default second to run on a loaded machine.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
