/**
 * Board papers' commands: upload (a staged file kept and recorded with its
 * paper), edit (title, agenda item, confidential) and remove (the paper,
 * and its stored file when no other paper uses it). Each checks the paper
 * policy itself and records its event in the same transaction. A paper on
 * a confidential agenda item is written confidential whatever the form said.
 * Events carry facts, never a title (events are not filtered by board).
 */
import { and, eq } from "drizzle-orm";
import type { ChangeSource } from "../../db/enums";
import { agendaItems, papers } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { authorizePaper } from "../boards/paper-policy.server";
import { recordEvent } from "../events/event-log.server";
import {
  forgetStoredFileIfUnused,
  keepUpload,
  recordStoredFile,
  removeStoredFile,
  removeUnusedStoredFile,
  type StagedUpload,
} from "../files/file-storage.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ValidationError } from "../platform/errors";
import { fieldErrorsOf } from "../posts/post-schemas";
import { type PaperFields, PaperFieldsSchema } from "./paper-schemas";
import { getPaperFor, getPaperMeeting, type PaperMeeting } from "./papers.server";

interface Actor {
  actorId: string | null;
  source: ChangeSource;
}

/** Checks the form's fields (400 with field errors when wrong). */
export function parsePaperFields(raw: Record<string, unknown>): PaperFields {
  const parsed = PaperFieldsSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** The agenda item chosen, which must be one of the meeting's; whether it is confidential. */
function chosenAgendaItem(tx: Db, meeting: PaperMeeting, agendaItemId: number | null) {
  if (agendaItemId === null) return null;
  const item = tx
    .select({ id: agendaItems.id, confidential: agendaItems.confidential })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, meeting.id)))
    .get();
  if (!item) throw new ValidationError({ agendaItem: ["papers.errors.agendaItemUnknown"] });
  return item;
}

/**
 * Writes a paper's row and its "paper.uploaded" event, with its stored file's
 * row; the file must be in place already. Shared by the upload and the import.
 */
export function writePaper(
  tx: Db,
  input: { meeting: PaperMeeting; fields: PaperFields; upload: Omit<StagedUpload, "temporaryPath">; by: Actor },
  now = new Date(),
): number {
  const item = chosenAgendaItem(tx, input.meeting, input.fields.agendaItem);
  recordStoredFile(tx, input.upload);
  const paper = tx
    .insert(papers)
    .values({
      meetingId: input.meeting.id,
      agendaItemId: item?.id ?? null,
      title: input.fields.title,
      fileSha256: input.upload.sha256,
      fileName: input.upload.fileName,
      confidential: input.fields.confidential || Boolean(item?.confidential),
      textState: "pending",
      uploadedBy: input.by.actorId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: papers.id })
    .get();
  recordEvent(
    tx,
    {
      type: "paper.uploaded",
      recordType: "paper",
      recordId: paper.id,
      ...input.by,
      partnerIds: [],
      data: { meetingId: input.meeting.id, fileType: input.upload.fileType, size: input.upload.size },
    },
    now,
  );
  return paper.id;
}

/**
 * Uploads a paper to a meeting: the staged file is kept (content-addressed)
 * and the paper recorded. Field errors leave the staged file to the caller,
 * which discards it.
 */
export function uploadPaper(input: {
  actor: SessionUser;
  meetingId: number;
  fields: PaperFields;
  upload: StagedUpload;
}): number {
  const meeting = getPaperMeeting(input.meetingId);
  authorizePaper(input.actor, "manage", { boardId: meeting.boardId, confidential: false });
  // The agenda item is checked before the file moves, so a wrong one leaves nothing behind.
  chosenAgendaItem(getDb(), meeting, input.fields.agendaItem);
  try {
    // The file is moved into place under the write lock, so a removal of the same content cannot come between.
    return writeTransaction((tx) => {
      keepUpload(input.upload);
      return writePaper(tx, {
        meeting,
        fields: input.fields,
        upload: input.upload,
        by: { actorId: input.actor.id, source: "web" },
      });
    });
  } catch (error) {
    removeUnusedStoredFile(getDb(), input.upload.sha256);
    throw error;
  }
}

/** Retitles a paper, moves it to another agenda item of its meeting, or changes its confidentiality. */
export function editPaper(input: { actor: SessionUser; paperId: number; fields: PaperFields }): void {
  const paper = getPaperFor(input.actor, "manage", input.paperId);
  writeTransaction((tx) => {
    const item = chosenAgendaItem(tx, paper.meeting, input.fields.agendaItem);
    const confidential = input.fields.confidential || Boolean(item?.confidential);
    tx.update(papers)
      .set({ title: input.fields.title, agendaItemId: item?.id ?? null, confidential, updatedAt: new Date() })
      .where(eq(papers.id, paper.id))
      .run();
    recordEvent(tx, {
      type: "paper.edited",
      recordType: "paper",
      recordId: paper.id,
      actorId: input.actor.id,
      source: "web",
      partnerIds: [],
      data: { meetingId: paper.meeting.id, confidential },
    });
  });
}

/** Removes a paper; its stored file goes too when no other paper uses it. Returns the meeting's id. */
export function removePaper(input: { actor: SessionUser; paperId: number }): number {
  const paper = getPaperFor(input.actor, "manage", input.paperId);
  writeTransaction((tx) => {
    tx.delete(papers).where(eq(papers.id, paper.id)).run();
    recordEvent(tx, {
      type: "paper.removed",
      recordType: "paper",
      recordId: paper.id,
      actorId: input.actor.id,
      source: "web",
      partnerIds: [],
      data: { meetingId: paper.meeting.id },
    });
    // Last, under the write lock: an upload of the same content waits for it, and then stores the file again.
    if (forgetStoredFileIfUnused(tx, paper.fileSha256)) removeStoredFile(paper.fileSha256);
  });
  return paper.meeting.id;
}
