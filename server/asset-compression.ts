/**
 * The browser's files are compressed once, at build time: Brotli and gzip
 * copies beside each text file, which server/static-assets.ts serves.
 */
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { listFiles } from "../app/platform/files.server";

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|map)$/;
/** Below this, compression saves less than the headers it adds. */
const MIN_BYTES = 1024;

export const ENCODINGS = [
  {
    name: "br",
    suffix: ".br",
    compress: promisify(zlib.brotliCompress),
    options: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY } },
  },
  {
    name: "gzip",
    suffix: ".gz",
    compress: promisify(zlib.gzip),
    options: { level: zlib.constants.Z_BEST_COMPRESSION },
  },
] as const;

/** Writes `name.br` and `name.gz` beside every compressible file under `dir` (run after a build). */
export async function compressAssetsIn(dir: string): Promise<number> {
  let compressed = 0;
  for (const file of listFiles(dir).map((name) => path.join(dir, name))) {
    if (!COMPRESSIBLE.test(file)) continue;
    const content = fs.readFileSync(file);
    if (content.length < MIN_BYTES) continue;
    for (const encoding of ENCODINGS) {
      fs.writeFileSync(`${file}${encoding.suffix}`, await encoding.compress(content, encoding.options));
    }
    compressed++;
  }
  return compressed;
}
