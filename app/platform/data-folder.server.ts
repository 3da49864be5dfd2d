/**
 * The data folder holds the database, the search engine's data and generated
 * keys: only the Hub's own user may read it. It is made (or tightened) to
 * 0700, and what the Hub keeps directly in it to 0600 (files) or 0700
 * (folders). The server also sets its umask to 077, so every file made later
 * (SQLite's journal files, backups, Meilisearch's data) is owner-only too.
 */
import fs from "node:fs";
import path from "node:path";

export const OWNER_ONLY_UMASK = 0o077;

export function secureDataFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) fs.chmodSync(file, 0o700);
    else if (entry.isFile()) fs.chmodSync(file, 0o600);
  }
}
