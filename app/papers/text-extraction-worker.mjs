/**
 * Reads one paper's text, in a worker thread of its own (text-extraction.server.ts):
 * a hostile or broken file can use up this thread's time and memory, never
 * the Hub's event loop. Plain JavaScript so it runs as it is, however the
 * Hub was started. Answers { ok: true, text } or { ok: false, problem }, the
 * problem a message key for the paper's page.
 */
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const { file, type, maxChars } = workerData;

/** Text pieces gathered until the limit is reached; the rest of the file is not read. */
class Gathered {
  parts = [];
  length = 0;
  add(text) {
    if (!text || this.full) return;
    this.parts.push(text);
    this.length += text.length + 1;
  }
  get full() {
    return this.length >= maxChars;
  }
  text() {
    return this.parts
      .join("\n")
      .replace(/[ \t]+/g, " ")
      .replace(/ *\n */g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
      .slice(0, maxChars);
  }
}

async function pdfText(bytes, gathered) {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  }).promise;
  try {
    for (let number = 1; number <= document.numPages && !gathered.full; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      gathered.add(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
}

async function docxText(bytes, gathered) {
  const mammoth = (await import("mammoth")).default;
  const result = await mammoth.extractRawText({ buffer: bytes });
  gathered.add(result.value);
}

async function xlsxText(bytes, gathered) {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  workbook.eachSheet((sheet) => {
    gathered.add(sheet.name);
    sheet.eachRow((row) => {
      const cells = [];
      row.eachCell((cell) => {
        if (cell.text) cells.push(cell.text);
      });
      gathered.add(cells.join(" "));
    });
  });
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

async function markdownText(bytes, gathered) {
  const { marked } = await import("marked");
  const html = await marked.parse(bytes.toString("utf8"), { async: true });
  gathered.add(html.replace(/<[^>]*>/g, " ").replace(/&(amp|lt|gt|quot|#39);/g, (_match, name) => ENTITIES[name]));
}

const READERS = { pdf: pdfText, docx: docxText, xlsx: xlsxText, markdown: markdownText };

function problemOf(error) {
  const name = error && typeof error === "object" ? error.name : "";
  if (name === "PasswordException" || /encrypt|password/i.test(String(error?.message ?? "")))
    return "papers.textProblem.encrypted";
  return "papers.textProblem.damaged";
}

async function main() {
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return { ok: false, problem: "papers.textProblem.missing" };
  }
  const gathered = new Gathered();
  try {
    await READERS[type](bytes, gathered);
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
  const text = gathered.text();
  return text ? { ok: true, text } : { ok: false, problem: "papers.textProblem.noText" };
}

main().then(
  (answer) => parentPort.postMessage(answer),
  () => parentPort.postMessage({ ok: false, problem: "papers.textProblem.unknown" }),
);
