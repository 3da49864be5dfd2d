/**
 * Papers in the running Hub: the secretary uploads one through the form (a
 * real file chosen in Chromium), its text is read in the background, a reader
 * downloads an open paper with the headers a download needs, a confidential
 * one is 404 to non-members (page and download) and there for members, and an
 * upload refused (too large, a wrong type, cut off mid-body) leaves nothing
 * behind. One board of the file's own (seedBoard), so the demo's boards do
 * not matter.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeDocx, makePdf } from "../../scripts/lib/paper-documents";
import { expectAccessible } from "../support/browser";
import { type SeededBoard, seedBoard } from "../support/e2e-board-database";
import { e2eFixture } from "../support/e2e-fixtures";
import { type HubClient, signIn } from "../support/hub-client";
import { uniquePrefix } from "../support/unique-names";
import { eventually } from "../support/wait";

const e2e = e2eFixture();
const SECRETARY = "secretary@demo.srs-hub.test";
const MEMBER = "editor.newport@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";

let board: SeededBoard;
let secretary: HubClient;
let member: HubClient;
let reader: HubClient;

beforeAll(async () => {
  const suffix = Date.now().toString(36);
  board = seedBoard(e2e.hub.dataDir, {
    slug: `papers-board-${suffix}`,
    name: `Papers test board ${suffix}`,
    referencePrefix: uniquePrefix("P"),
    secretary: SECRETARY,
    members: [MEMBER],
  });
  [secretary, member, reader] = await Promise.all([
    signIn(e2e.baseUrl, SECRETARY),
    signIn(e2e.baseUrl, MEMBER),
    signIn(e2e.baseUrl, READER),
  ]);
});

const filesFolder = () => path.join(e2e.hub.dataDir, "files");
const temporaryUploads = () =>
  fs.existsSync(filesFolder()) ? fs.readdirSync(filesFolder()).filter((name) => name.startsWith(".upload-")) : [];

/** Uploads a paper as the secretary, over HTTP as the form sends it; the response (not followed). */
function upload(fields: Record<string, string>, file: { content: Buffer; name: string }): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(file.content)]), file.name);
  return fetch(`${e2e.baseUrl}/meetings/${board.meetingId}/papers/new`, {
    method: "POST",
    body: form,
    headers: { Cookie: secretary.cookie, Origin: e2e.baseUrl },
    redirect: "manual",
  });
}

async function uploadedPaperId(fields: Record<string, string>, file: { content: Buffer; name: string }) {
  const response = await upload(fields, file);
  const location = response.headers.get("location") ?? "";
  expect([response.status, location]).toEqual([302, expect.stringMatching(/^\/papers\/\d+$/)]);
  return Number(location.split("/").at(-1));
}

describe("papers", () => {
  it("the secretary uploads one through the form, and its text is read", async () => {
    const page = await e2e.signedInPage(SECRETARY);
    await page.goto(`${e2e.baseUrl}/meetings/${board.meetingId}/papers/new`);
    const content = await makePdf("Storage options", ["Moving to tiered storage saves £84,000 a year."]);
    await page.getByLabel("Title").fill("Storage options appraisal");
    await page.getByLabel("Agenda item").selectOption({ label: "Item 1: Service performance report" });
    await page
      .getByLabel("Upload a file")
      .setInputFiles({ name: "Storage options.pdf", mimeType: "application/pdf", buffer: content });
    await page.getByRole("button", { name: "Upload paper" }).click();
    await page.waitForURL(/\/papers\/\d+$/);
    // The address changes before the paper's page renders: wait for its heading, not any heading.
    await page.getByRole("heading", { level: 1, name: "Storage options appraisal", exact: true }).waitFor();
    await expect(page.locator(".govuk-notification-banner").textContent()).resolves.toContain("Paper uploaded");
    const facts = await page.locator(".govuk-summary-list").textContent();
    expect(facts).toContain("Item 1: Service performance report");
    expect(facts).toContain("Storage options.pdf (PDF,");
    expect(facts).toContain("Demo Secretary");
    await expectAccessible(page);

    // The Hub reads its text in the background; the page then says nothing about it.
    await eventually(async () => {
      await page.reload();
      return !(await page.content()).includes("Text not yet read");
    }, 30_000);
  });

  it("a reader downloads an open paper with the headers of a download", async () => {
    const content = makeDocx("Options", ["The shared service desk option is preferred."]);
    const id = await uploadedPaperId({ title: "Options appraisal" }, { content, name: "../Options – final.docx" });
    const response = await reader.get(`/papers/${id}/download`);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="Options  final.docx"; filename*=UTF-8''Options%20%E2%80%93%20final.docx`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(content)).toBe(true);
  });

  it("a confidential paper is 404 to non-members, page and download, and there for members", async () => {
    const content = await makePdf("Supplier terms", ["The preferred bidder's price."]);
    const id = await uploadedPaperId(
      { title: "Supplier terms", agendaItem: String(board.confidentialAgendaItemId) },
      { content, name: "terms.pdf" },
    );
    for (const target of [`/papers/${id}`, `/papers/${id}/download`]) {
      const refused = await reader.get(target);
      expect([target, refused.status]).toEqual([target, 404]);
      expect(await refused.text()).not.toContain("Supplier terms");
      expect([target, (await member.get(target)).status]).toEqual([target, 200]);
    }
    const page = await (await member.get(`/papers/${id}`)).text();
    expect(page).toContain("Confidential");
    const download = await member.get(`/papers/${id}/download`);
    expect(download.headers.get("content-type")).toBe("application/pdf");
  });

  it("refuses a file of the wrong type or none with a message, and keeps nothing", async () => {
    const executable = Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), Buffer.alloc(4000)]);
    const wrongType = await upload({ title: "Board pack" }, { content: executable, name: "board-pack.pdf" });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.text()).toContain(
      "The selected file must be a PDF, Word document (.docx), Excel spreadsheet (.xlsx) or Markdown file (.md)",
    );
    const noTitle = await upload({ title: "" }, { content: await makePdf("x", ["y"]), name: "x.pdf" });
    expect(noTitle.status).toBe(400);
    expect(await noTitle.text()).toContain("Enter the paper’s title");
    expect(temporaryUploads()).toEqual([]);
  });

  it("refuses a body over the route's limit, at once when far over it, while other routes keep the small limit", async () => {
    /** Declares `length` bytes and sends only the start of them, or all of them when `whole`. */
    const status = (target: string, length: number, whole = false) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request(`${e2e.baseUrl}${target}`, {
          method: "POST",
          headers: {
            Cookie: secretary.cookie,
            Origin: e2e.baseUrl,
            "Content-Type": "multipart/form-data; boundary=x",
            "Content-Length": String(length),
          },
        });
        request.on("response", (response) => {
          let body = "";
          response.on("data", (chunk) => {
            body += chunk;
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        });
        request.on("error", reject);
        if (whole) request.end(`--x\r\n${"x".repeat(length - 5)}`);
        else request.write("--x\r\n");
      });
    const tooLarge = await status(`/meetings/${board.meetingId}/papers/new`, 200 * 1024 * 1024);
    expect(tooLarge).toEqual({
      status: 413,
      body: "The file is too large: a paper can be up to 20 MB. Nothing was uploaded.",
    });
    // Two megabytes: over the limit for every other route (so little past it that the body is read first).
    expect((await status("/posts/new", 2 * 1024 * 1024, true)).status).toBe(413);
    // A paper a little over its limit is read to its end, then refused with the paper's message.
    expect(await status(`/meetings/${board.meetingId}/papers/new`, 21 * 1024 * 1024, true)).toEqual({
      status: 413,
      body: "The file is too large: a paper can be up to 20 MB. Nothing was uploaded.",
    });
    expect(temporaryUploads()).toEqual([]);
  });

  it("an upload cut off mid-body leaves no file behind", async () => {
    const boundary = "----cut-off";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nCut off\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`;
    const request = http.request(`${e2e.baseUrl}/meetings/${board.meetingId}/papers/new`, {
      method: "POST",
      headers: {
        Cookie: secretary.cookie,
        Origin: e2e.baseUrl,
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        "Content-Length": String(10 * 1024 * 1024),
      },
    });
    request.on("error", () => {});
    request.write(head);
    request.write(Buffer.alloc(2 * 1024 * 1024, 0x41));
    // The upload is under way: a temporary file is being written.
    await eventually(() => temporaryUploads().length > 0, 10_000);
    request.destroy();
    await eventually(() => temporaryUploads().length === 0, 10_000);
  });
});
