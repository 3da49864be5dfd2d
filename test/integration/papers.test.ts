/**
 * Papers on a real SQLite file and a real data folder: uploads streamed to
 * disk and refused with nothing left behind (too large, a wrong type, a body
 * cut off mid-upload), the same file stored once, confidentiality from the
 * agenda item, who may see and change a paper, and removal taking the
 * stored file once no paper uses it.
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { type StagedUpload, stageUpload, storedFilePath, temporaryUploads } from "~/files/file-storage.server";
import { editPaper, removePaper, uploadPaper } from "~/papers/paper-commands.server";
import { readPaperUploadForm, UnreadableUploadError } from "~/papers/paper-upload.server";
import { getPaperFor, papersForMeeting } from "~/papers/papers.server";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/platform/errors";
import { events, papers, storedFiles } from "../../db/schema";
import { makeDocx, makePdf } from "../../scripts/lib/paper-documents";
import { givenAgendaItem, givenBoard, givenMeeting, givenSeat } from "../support/board-rows";
import { givenUser, unique } from "../support/factories";

let secretary: SessionUser;
let member: SessionUser;
let reader: SessionUser;
let meetingId: number;
let openItemId: number;
let confidentialItemId: number;

beforeAll(async () => {
  const board = givenBoard();
  secretary = givenSeat(await givenUser("reader"), board.id, "secretary");
  member = givenSeat(await givenUser("reader"), board.id, "member");
  reader = await givenUser("reader");
  meetingId = givenMeeting(board.id).id;
  openItemId = givenAgendaItem(meetingId, { position: 1, title: "Performance report" }).id;
  confidentialItemId = givenAgendaItem(meetingId, { position: 2, title: "Supplier contract", confidential: true }).id;
});

const storedRows = () => getDb().select().from(storedFiles).all();

async function staged(content: Buffer, name: string, maxBytes = 1024 * 1024): Promise<StagedUpload> {
  const outcome = await stageUpload(Readable.from([content]), { name, maxBytes });
  if (!outcome.ok) throw new Error(`Not staged: ${outcome.problem}`);
  return outcome.upload;
}

/** A multipart request as a browser sends the upload form. */
function uploadRequest(fields: Record<string, string>, file?: { content: Buffer; name: string }): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("file", new Blob([new Uint8Array(file.content)]), file.name);
  return new Request("http://hub.test/meetings/1/papers/new", { method: "POST", body: form });
}

describe("an upload", () => {
  it("over the size limit is refused, leaving no temporary file and no row", async () => {
    const before = storedRows().length;
    const form = await readPaperUploadForm(
      uploadRequest({ title: "Too big" }, { content: Buffer.alloc(50_000, "%PDF-"), name: "big.pdf" }),
      { maxBytes: 10_000 },
    );
    expect(form.file).toEqual({ ok: false, problem: "too-large" });
    // The fields after the file were still read.
    expect(form.fields.title).toBe("Too big");
    expect(temporaryUploads()).toEqual([]);
    expect(storedRows().length).toBe(before);
  });

  it("of a type not allowed is refused, leaving nothing", async () => {
    const executable = Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), Buffer.alloc(2000)]);
    const form = await readPaperUploadForm(uploadRequest({ title: "Pack" }, { content: executable, name: "pack.pdf" }));
    expect(form.file).toEqual({ ok: false, problem: "wrong-type" });
    expect(temporaryUploads()).toEqual([]);
  });

  it("cut off mid-body (the client left) fails and leaves no temporary file", async () => {
    const boundary = "----hub-test-boundary";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHalf\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
    );
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        else if (sent < 20) controller.enqueue(new Uint8Array(64 * 1024).fill(65));
        else controller.error(new Error("aborted"));
        sent++;
      },
    });
    const request = new Request("http://hub.test/meetings/1/papers/new", {
      method: "POST",
      body,
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      duplex: "half",
    } as RequestInit);
    await expect(readPaperUploadForm(request)).rejects.toBeInstanceOf(UnreadableUploadError);
    expect(temporaryUploads()).toEqual([]);
  });

  it("that is not a multipart form is unreadable", async () => {
    const request = new Request("http://hub.test/x", {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json" },
    });
    await expect(readPaperUploadForm(request)).rejects.toBeInstanceOf(UnreadableUploadError);
  });

  it("of a good file streams it to disk, owner-only, named by its hash", async () => {
    const content = makeDocx("Options appraisal", [unique("wombat")]);
    const form = await readPaperUploadForm(
      uploadRequest({ title: "Options" }, { content, name: "../../Options.docx" }),
    );
    if (!form.file?.ok) throw new Error("not staged");
    expect(form.file.upload).toMatchObject({ fileType: "docx", size: content.length, fileName: "Options.docx" });
    expect(fs.statSync(form.file.upload.temporaryPath).mode & 0o777).toBe(0o600);
    const id = uploadPaper({
      actor: secretary,
      meetingId,
      fields: { title: "Options", agendaItem: null, confidential: false },
      upload: form.file.upload,
    });
    const stored = storedFilePath(form.file.upload.sha256);
    expect(fs.readFileSync(stored).equals(content)).toBe(true);
    expect(fs.statSync(stored).mode & 0o777).toBe(0o600);
    expect(temporaryUploads()).toEqual([]);
    const [event] = getDb()
      .select()
      .from(events)
      .where(and(eq(events.recordType, "paper"), eq(events.recordId, String(id))))
      .all();
    expect(event).toMatchObject({ type: "paper.uploaded", recordType: "paper", actorId: secretary.id });
    // No title in the event: events are not filtered by board.
    expect(JSON.stringify(event?.data)).not.toContain("Options");
  });
});

describe("papers", () => {
  it("store the same file once, and remove it with the last paper that uses it", async () => {
    const content = await makePdf("Storage review", [unique("numbat")]);
    const first = uploadPaper({
      actor: secretary,
      meetingId,
      fields: { title: "Storage review", agendaItem: openItemId, confidential: false },
      upload: await staged(content, "storage.pdf"),
    });
    const upload = await staged(content, "copy of storage.pdf");
    const second = uploadPaper({
      actor: secretary,
      meetingId,
      fields: { title: "Storage review (copy)", agendaItem: null, confidential: false },
      upload,
    });
    const file = storedFilePath(upload.sha256);
    expect(storedRows().filter((row) => row.sha256 === upload.sha256)).toHaveLength(1);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name === path.basename(file))).toHaveLength(1);
    expect(temporaryUploads()).toEqual([]);

    removePaper({ actor: secretary, paperId: first });
    expect(fs.existsSync(file)).toBe(true);
    removePaper({ actor: secretary, paperId: second });
    expect(fs.existsSync(file)).toBe(false);
    expect(storedRows().filter((row) => row.sha256 === upload.sha256)).toHaveLength(0);
  });

  it("on a confidential agenda item are written confidential, and hidden from everyone outside the board", async () => {
    const id = uploadPaper({
      actor: secretary,
      meetingId,
      fields: { title: "Supplier terms", agendaItem: confidentialItemId, confidential: false },
      upload: await staged(await makePdf("Terms", [unique("bilby")]), "terms.pdf"),
    });
    expect(getDb().select().from(papers).where(eq(papers.id, id)).get()?.confidential).toBe(true);
    expect(getPaperFor(member, "read", id).title).toBe("Supplier terms");
    expect(() => getPaperFor(reader, "read", id)).toThrow(NotFoundError);
    expect(papersForMeeting(member, meetingId).papers.map((paper) => paper.id)).toContain(id);
    expect(papersForMeeting(reader, meetingId).papers.map((paper) => paper.id)).not.toContain(id);
    expect(papersForMeeting(reader, meetingId).canManage).toBe(false);
    expect(papersForMeeting(secretary, meetingId).canManage).toBe(true);
  });

  it("marked confidential by hand are hidden from non-members, and open ones are seen by all", async () => {
    const upload = await staged(await makePdf("Budget", [unique("potoroo")]), "budget.pdf");
    const id = uploadPaper({
      actor: secretary,
      meetingId,
      fields: { title: "Budget", agendaItem: openItemId, confidential: false },
      upload,
    });
    expect(getPaperFor(reader, "read", id).fileType).toBe("pdf");
    editPaper({
      actor: secretary,
      paperId: id,
      fields: { title: "Budget (restricted)", agendaItem: null, confidential: true },
    });
    expect(() => getPaperFor(reader, "read", id)).toThrow(NotFoundError);
    expect(getPaperFor(member, "read", id).title).toBe("Budget (restricted)");
  });

  it("are uploaded, edited and removed by the board's managers only", async () => {
    const upload = await staged(await makePdf("Minutes", [unique("quoll")]), "minutes.pdf");
    const fields = { title: "Minutes", agendaItem: null, confidential: false };
    expect(() => uploadPaper({ actor: member, meetingId, fields, upload })).toThrow(ForbiddenError);
    expect(() => uploadPaper({ actor: reader, meetingId, fields, upload })).toThrow(ForbiddenError);
    const id = uploadPaper({ actor: secretary, meetingId, fields, upload });
    expect(() => editPaper({ actor: member, paperId: id, fields })).toThrow(ForbiddenError);
    expect(() => removePaper({ actor: reader, paperId: id })).toThrow(ForbiddenError);
    expect(getPaperFor(reader, "read", id).title).toBe("Minutes");
  });

  it("refuse an agenda item of another meeting, keeping nothing", async () => {
    const other = givenMeeting(givenBoard().id);
    const otherItem = givenAgendaItem(other.id, { position: 1 });
    const before = storedRows().length;
    const upload = await staged(await makePdf("Stray", [unique("dunnart")]), "stray.pdf");
    expect(() =>
      uploadPaper({
        actor: secretary,
        meetingId,
        fields: { title: "Stray", agendaItem: otherItem.id, confidential: false },
        upload,
      }),
    ).toThrow(ValidationError);
    expect(storedRows().length).toBe(before);
    expect(fs.existsSync(storedFilePath(upload.sha256))).toBe(false);
  });
});
