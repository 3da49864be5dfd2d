import path from "node:path";
import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import remixOptions from "./remix.config.js";
import { compressAssetsIn } from "./server/asset-compression";

/** Brotli and gzip copies of the browser's files, made once per build (server/asset-compression.ts). */
function precompressAssets(): Plugin {
  return {
    name: "srs-hub-precompress-assets",
    apply: "build",
    async writeBundle(options) {
      // The client build writes build/client; the server build has nothing a browser downloads.
      if (options.dir && path.basename(options.dir) === "client") {
        await compressAssetsIn(path.join(options.dir, "assets"));
      }
    },
  };
}

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [remix(remixOptions), precompressAssets()],
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
  build: {
    target: "es2022",
    // The build's gzip figures are never read (the assets are compressed by precompressAssets): skip the work.
    reportCompressedSize: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // Resource routes (logout, metrics, search suggestions) have no browser code: their empty chunks are expected.
        if (warning.code === "EMPTY_BUNDLE") return;
        warn(warning);
      },
    },
  },
  // Server-only packages: keep the dev dependency scanner from bundling them for the browser.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "meilisearch", "undici"] },
  // The dev server must never serve the data folder (database, Meilisearch key).
  server: { port: 5173, fs: { deny: [".env", ".env.*", "*.{crt,pem}", "data/**", "**/meili-master-key", "**/*.db"] } },
});
