/**
 * A paper's file as a download: authorised by the paper policy (a
 * confidential paper is not found for anyone outside its board), sent with
 * its stored type's Content-Type, as an attachment under its cleaned name,
 * never cached, streamed from the disk. (X-Content-Type-Options: nosniff is
 * on every response the Hub sends: helmet, server/http-app.ts.)
 */
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { SessionUser } from "../auth/principals";
import { openStoredFile } from "../files/file-storage.server";
import { FILE_TYPE_CONTENT_TYPES } from "../files/file-types";
import { NotFoundError } from "../platform/errors";
import { log } from "../platform/log.server";
import { getPaperFor } from "./papers.server";

/** `attachment; filename="…"; filename*=UTF-8''…`: a plain-ASCII name for old clients, the real one for the rest. */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || "paper";
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function paperDownload(user: SessionUser, paperId: number): Response {
  const paper = getPaperFor(user, "read", paperId);
  const stream = openStoredFile(paper.fileSha256);
  if (!stream) {
    // Its row says it is stored: a file missing from the disk is the data folder's problem, said once in the log.
    log("error", "A paper's stored file is missing", { paperId: paper.id });
    throw new NotFoundError("paper file");
  }
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": FILE_TYPE_CONTENT_TYPES[paper.fileType],
      "Content-Length": String(paper.size),
      "Content-Disposition": contentDisposition(paper.fileName),
      "Cache-Control": "private, no-store",
    },
  });
}
