import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import remixOptions from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [remix(remixOptions)],
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  css: {
    preprocessorOptions: {
      scss: {
        // govuk-frontend 5 still uses @import and global functions internally.
        silenceDeprecations: ["import", "global-builtin", "slash-div", "if-function"],
        quietDeps: true,
      },
    },
  },
  build: { target: "es2022" },
  // Server-only packages: keep the dev dependency scanner from bundling them for the browser.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "meilisearch", "undici"] },
  // The dev server must never serve the data folder (database, Meilisearch key).
  server: { port: 5173, fs: { deny: [".env", ".env.*", "*.{crt,pem}", "data/**", "**/meili-master-key", "**/*.db"] } },
});
