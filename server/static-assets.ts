/**
 * The browser's files (build/client/assets): named by their content's hash,
 * so cached for a year as immutable, and compressed once at build time
 * (Brotli and gzip beside each file) rather than on every request.
 */
import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import { listFiles } from "../app/platform/files.server";
import { ENCODINGS } from "./asset-compression";

/**
 * Serves `dir` at the mount point with a year's immutable caching, choosing
 * the precompressed copy the browser accepts. Nothing else reaches the app:
 * a missing asset is a plain 404.
 */
export function assetFiles(dir: string) {
  const available = new Set(listFiles(dir).map((file) => `/${file}`));
  const serve = express.static(dir, { immutable: true, maxAge: "1y", index: false, redirect: false });
  const router = express.Router();
  router.use((req: Request, res: Response, next: NextFunction) => {
    const name = req.path;
    const variants = ENCODINGS.filter((encoding) => available.has(`${name}${encoding.suffix}`));
    if (variants.length > 0) {
      res.vary("Accept-Encoding");
      // Browsers list "gzip, deflate, br" with equal weight: the smaller Brotli copy wins a tie.
      const variant = variants.find((encoding) => req.acceptsEncodings(encoding.name) === encoding.name);
      if (variant) {
        res.setHeader("Content-Encoding", variant.name);
        // The type of the file itself, not of its compressed copy.
        res.type(path.extname(name));
        req.url = `${name}${variant.suffix}`;
      }
    }
    next();
  });
  router.use(serve);
  router.use((_req: Request, res: Response) => {
    res.status(404).type("text/plain").send("Not found");
  });
  return router;
}
