/**
 * What an uploaded file is, decided from its content, never from its name
 * (decision 050): a PDF starts with `%PDF-`; DOCX and XLSX are ZIP archives
 * told apart by the parts their central directory lists (`word/document.xml`,
 * `xl/workbook.xml`); Markdown has no signature, so it is the one type whose
 * name counts too: a `.md` name and valid UTF-8 text without NUL bytes.
 * Anything else (an executable, an image, another archive) is refused.
 */
import fs from "node:fs";
import type { PaperFileType } from "../../db/enums";

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const PDF_SIGNATURE = Buffer.from("%PDF-", "latin1");
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
/** The end record (22 bytes) plus the longest archive comment. */
const END_RECORD_SEARCH = 22 + 0xffff;
/** A paper's central directory is a few kilobytes; a bigger one is not worth reading to find two names. */
const MAX_CENTRAL_DIRECTORY = 4 * 1024 * 1024;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/**
 * The names a ZIP archive's central directory lists (where a reader looks;
 * the local headers can lie), or null when it has none that can be read.
 */
export function zipEntryNames(file: string): string[] | null {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const tailStart = Math.max(0, size - END_RECORD_SEARCH);
    const tail = readAt(fd, tailStart, size - tailStart);
    let end = -1;
    for (let at = tail.length - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
        end = at;
        break;
      }
    }
    if (end < 0) return null;
    const entries = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directorySize > MAX_CENTRAL_DIRECTORY || directoryOffset + directorySize > size) return null;
    const directory = readAt(fd, directoryOffset, directorySize);
    const names: string[] = [];
    let at = 0;
    for (let index = 0; index < entries; index++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return null;
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      names.push(directory.subarray(at + 46, at + 46 + nameLength).toString("utf8"));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } finally {
    fs.closeSync(fd);
  }
}

const MARKDOWN_NAME = /\.(md|markdown)$/i;

function isUtf8TextWithoutNul(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The type of the file at `file`, uploaded as `name`; null when it is not one a paper may be. */
export function detectFileType(file: string, name: string): PaperFileType | null {
  const fd = fs.openSync(file, "r");
  let head: Buffer;
  try {
    head = readAt(fd, 0, 8);
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE)) return "pdf";
  if (head.subarray(0, ZIP_LOCAL_HEADER.length).equals(ZIP_LOCAL_HEADER)) {
    const names = zipEntryNames(file);
    if (names?.includes("word/document.xml")) return "docx";
    if (names?.includes("xl/workbook.xml")) return "xlsx";
    return null;
  }
  if (MARKDOWN_NAME.test(name) && head.length > 0 && isUtf8TextWithoutNul(fs.readFileSync(file))) return "markdown";
  return null;
}
