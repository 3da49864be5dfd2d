/** Stored files' types as the Hub sends and names them, and their sizes in words (client-safe). */
import type { PaperFileType } from "../../db/enums";

/** The extension each type is downloaded with, whatever the name it was uploaded as. */
export const FILE_TYPE_EXTENSIONS: Record<PaperFileType, string> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  markdown: "md",
};

/** The Content-Type each stored type is sent with. */
export const FILE_TYPE_CONTENT_TYPES: Record<PaperFileType, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  markdown: "text/markdown; charset=utf-8",
};

const MAX_NAME_LENGTH = 120;

/**
 * The name a paper's download suggests: the uploaded name's last part only (no
 * folders, whichever separator), without control or formatting characters or
 * quotes, at most 120 characters, ending in its stored type's extension (a
 * PDF uploaded as `report.docx` downloads as `report.pdf`). Never a path:
 * stored files are named by their hash.
 */
export function cleanFileName(uploaded: string, type: PaperFileType): string {
  const lastPart = uploaded.split(/[/\\]/).pop() ?? "";
  const cleaned = lastPart
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"*:<>?|]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const stem = cleaned.replace(/\.[^.]*$/, "").trim() || "paper";
  const extension = FILE_TYPE_EXTENSIONS[type];
  return `${[...stem].slice(0, MAX_NAME_LENGTH - extension.length - 1).join("")}.${extension}`;
}

/** A size as the message it is shown with: bytes, KB or MB (one decimal). */
export function fileSizeMessage(bytes: number): {
  key: "files.size.bytes" | "files.size.kb" | "files.size.mb";
  size: string;
} {
  if (bytes < 1024) return { key: "files.size.bytes", size: String(bytes) };
  if (bytes < 1024 * 1024) return { key: "files.size.kb", size: String(Math.max(1, Math.round(bytes / 1024))) };
  return { key: "files.size.mb", size: (bytes / (1024 * 1024)).toFixed(1) };
}
