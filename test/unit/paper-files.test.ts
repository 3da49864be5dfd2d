/**
 * What an uploaded file is, from its content (decision 050), and the name
 * its download suggests: never a path, never a control character.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectFileType } from "~/files/file-detection.server";
import { cleanFileName } from "~/files/file-types";
import { contentDisposition } from "~/papers/paper-download.server";
import { MAX_REQUEST_BYTES, maxRequestBytesFor, UPLOAD_FORM_OVERHEAD_BYTES } from "~/platform/request-guards";
import { zipOf } from "../../scripts/lib/zip-writer";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-file-types-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let made = 0;
/** The type of `content` uploaded under `name`. */
function typeOf(content: Buffer | string, name: string) {
  const file = path.join(folder, `upload-${++made}`);
  fs.writeFileSync(file, content);
  return detectFileType(file, name);
}

const PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
/** The start of a Windows executable and of a Linux one. */
const WINDOWS_EXECUTABLE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(120)]);
const LINUX_EXECUTABLE = Buffer.concat([Buffer.from("\x7fELF\x02\x01\x01\x00", "latin1"), Buffer.alloc(120)]);
const DOCX = zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" });
const XLSX = zipOf({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" });

describe("a file's type, from its content", () => {
  it("knows a PDF, a DOCX and an XLSX by their content, whatever their names", () => {
    expect(typeOf(PDF, "minutes.pdf")).toBe("pdf");
    expect(typeOf(DOCX, "report.docx")).toBe("docx");
    expect(typeOf(XLSX, "budget.xlsx")).toBe("xlsx");
    // Named as something else, they are still what they are (and download under their real type's extension).
    expect(typeOf(PDF, "report.docx")).toBe("pdf");
    expect(typeOf(DOCX, "report.pdf")).toBe("docx");
    expect(typeOf(XLSX, "no-extension")).toBe("xlsx");
  });

  it("refuses a renamed executable", () => {
    expect(typeOf(WINDOWS_EXECUTABLE, "board-pack.pdf")).toBeNull();
    expect(typeOf(LINUX_EXECUTABLE, "board-pack.pdf")).toBeNull();
    expect(typeOf(WINDOWS_EXECUTABLE, "board-pack.docx")).toBeNull();
    // Not text either: it holds NUL bytes.
    expect(typeOf(LINUX_EXECUTABLE, "notes.md")).toBeNull();
  });

  it("refuses a ZIP archive that is neither a DOCX nor an XLSX, looking inside its directory", () => {
    expect(typeOf(zipOf({ "notes.txt": "hello" }), "report.docx")).toBeNull();
    expect(typeOf(zipOf({ "word/other.xml": "<x/>", "xl/styles.xml": "<x/>" }), "report.xlsx")).toBeNull();
    // A ZIP's start without a readable directory.
    expect(typeOf(DOCX.subarray(0, DOCX.length - 22), "report.docx")).toBeNull();
  });

  it("takes Markdown only as valid UTF-8 text under a .md name (text has no signature)", () => {
    expect(typeOf("# Agenda\n\nItem 1: café", "agenda.md")).toBe("markdown");
    expect(typeOf("# Agenda", "agenda.markdown")).toBe("markdown");
    expect(typeOf("# Agenda", "agenda.txt")).toBeNull();
    expect(typeOf(Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41]), "agenda.md")).toBeNull();
    expect(typeOf("", "agenda.md")).toBeNull();
  });
});

describe("the name a download suggests", () => {
  it("keeps only the last part of a path, whichever the separator", () => {
    expect(cleanFileName("../../etc/passwd.pdf", "pdf")).toBe("passwd.pdf");
    expect(cleanFileName("C:\\Users\\clerk\\Board pack.pdf", "pdf")).toBe("Board pack.pdf");
    expect(cleanFileName("/", "pdf")).toBe("paper.pdf");
  });

  it("drops control and formatting characters, quotes and leading dots", () => {
    expect(cleanFileName("bad\u0000na\u001b[31mme\r\n.pdf", "pdf")).toBe("badna[31mme.pdf");
    expect(cleanFileName('"quoted"\u202e.pdf', "pdf")).toBe("quoted.pdf");
    expect(cleanFileName("..hidden.pdf", "pdf")).toBe("hidden.pdf");
    expect(cleanFileName("", "docx")).toBe("paper.docx");
  });

  it("ends in the stored type's extension and is at most 120 characters", () => {
    expect(cleanFileName("report.docx", "pdf")).toBe("report.pdf");
    expect(cleanFileName("notes", "markdown")).toBe("notes.md");
    const long = cleanFileName(`${"a".repeat(300)}.xlsx`, "xlsx");
    expect(long.length).toBe(120);
    expect(long.endsWith(".xlsx")).toBe(true);
  });

  it("is sent as an ASCII name and as UTF-8", () => {
    expect(contentDisposition("Adroddiad ariannol – Chwefror.pdf")).toBe(
      `attachment; filename="Adroddiad ariannol  Chwefror.pdf"; filename*=UTF-8''Adroddiad%20ariannol%20%E2%80%93%20Chwefror.pdf`,
    );
  });
});

describe("the body limit", () => {
  it("is the paper limit on the upload route only, Remix's data requests included", () => {
    const paper = 20 * 1024 * 1024;
    expect(maxRequestBytesFor("POST", "/meetings/12/papers/new", paper)).toBe(paper + UPLOAD_FORM_OVERHEAD_BYTES);
    expect(maxRequestBytesFor("POST", "/meetings/12/papers/new.data", paper)).toBe(paper + UPLOAD_FORM_OVERHEAD_BYTES);
    expect(maxRequestBytesFor("POST", "/papers/12/edit", paper)).toBe(MAX_REQUEST_BYTES);
    expect(maxRequestBytesFor("POST", "/meetings/12/papers/new/x", paper)).toBe(MAX_REQUEST_BYTES);
    expect(maxRequestBytesFor("POST", "/posts/new", paper)).toBe(MAX_REQUEST_BYTES);
  });
});
