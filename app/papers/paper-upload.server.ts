/**
 * Reading the paper upload form as it streams in (busboy): its text fields
 * kept in memory (small, limited), its one file streamed through the storage
 * module to a temporary file (file-storage.server.ts). Only this route reads
 * a body this large; the server lets it through for this route alone
 * (request-guards.ts). A body that is not a well-formed multipart form, or a
 * client that leaves mid-upload, rejects with the temporary file removed.
 */
import { Readable } from "node:stream";
import busboy from "busboy";
import { type StageOutcome, stageUpload } from "../files/file-storage.server";
import { getEnv } from "../platform/env.server";

export interface PaperUploadForm {
  fields: Record<string, string>;
  /** The file chosen, staged or refused; null when none was chosen. */
  file: StageOutcome | null;
}

/** Thrown for a body that cannot be read as the upload form: answered 400. */
export class UnreadableUploadError extends Error {
  override name = "UnreadableUploadError";
}

const MAX_FIELD_BYTES = 8 * 1024;

export function paperMaxBytes(): number {
  return getEnv().PAPER_MAX_MB * 1024 * 1024;
}

/** Reads the upload form from the request, staging its file; maxBytes defaults to PAPER_MAX_MB. */
export async function readPaperUploadForm(
  request: Request,
  { maxBytes = paperMaxBytes(), dataDir }: { maxBytes?: number; dataDir?: string } = {},
): Promise<PaperUploadForm> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) {
    // A form sent without its file (scripts off on a very old browser, or a hand-made request).
    if (contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      const fields = Object.fromEntries(new URLSearchParams(await request.text()));
      return { fields, file: null };
    }
    throw new UnreadableUploadError("Not a multipart form");
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      limits: { files: 1, fields: 20, parts: 25, fieldSize: MAX_FIELD_BYTES },
      defParamCharset: "utf8",
    });
  } catch {
    throw new UnreadableUploadError("Not a multipart form");
  }
  const fields: Record<string, string> = {};
  let staging: Promise<StageOutcome> | null = null;
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "file" || staging || !info.filename) {
        // An empty file input sends a part with no name and no bytes; anything else is not this form's.
        stream.resume();
        return;
      }
      staging = stageUpload(stream, { name: info.filename, maxBytes, dataDir });
      // Seen when awaited below; a rejection here must not go unhandled meanwhile.
      staging.catch(() => {});
    });
    parser.on("close", resolve);
    parser.on("error", (error) => reject(new UnreadableUploadError(String(error))));
  });
  const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
  body.on("error", (error) => parser.destroy(error));
  body.pipe(parser);
  try {
    await parsed;
  } catch (error) {
    // The file's stream failed too (its temporary file is gone once staging settles).
    await (staging as Promise<StageOutcome> | null)?.catch(() => {});
    throw error;
  }
  let file: StageOutcome | null = null;
  try {
    file = staging ? await staging : null;
  } catch (error) {
    throw new UnreadableUploadError(String(error));
  }
  return { fields, file };
}
