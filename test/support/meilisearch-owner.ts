/**
 * A stand-in for a Hub process that owns a Meilisearch: starts one (data in
 * the folder given as the first argument), prints its process id, and waits
 * to be killed. Run with `node --import tsx`, so that it is one process.
 */
import { randomBytes } from "node:crypto";
import { findMeilisearchBinary, startMeilisearch } from "../../server/meilisearch-process";

const binary = findMeilisearchBinary();
if (!binary) throw new Error("No Meilisearch binary");
const meili = await startMeilisearch({
  binary: binary.path,
  dir: process.argv[2] ?? "",
  masterKey: randomBytes(16).toString("hex"),
  restart: false,
  log: () => {},
});
process.stdout.write(`${meili.pid}\n`);
setInterval(() => {}, 60_000);
