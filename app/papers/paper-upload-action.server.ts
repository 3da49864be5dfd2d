/**
 * The upload form's action: who may upload is checked before the body is
 * read; the form is read as it streams (paper-upload.server.ts); the file's
 * problems and the fields' come back together as field errors, with nothing
 * kept; a good upload is kept and recorded (uploadPaper).
 */
import { data } from "@remix-run/node";
import type { SessionUser } from "../auth/principals";
import { discardUpload, type StagedUpload } from "../files/file-storage.server";
import { withParams } from "../i18n/translate";
import { getEnv } from "../platform/env.server";
import { type FieldErrors, ValidationError } from "../platform/errors";
import { orRespond, rethrowAsResponse } from "../platform/http.server";
import { redirectWithNotice } from "../platform/notice.server";
import { parsePaperFields, uploadPaper } from "./paper-commands.server";
import { type PaperFields, type PaperFormValues, paperFormValues } from "./paper-schemas";
import { readPaperUploadForm, UnreadableUploadError } from "./paper-upload.server";
import { getMeetingForPapers } from "./papers.server";

export type UploadActionResult =
  | { ok: true; response: Response }
  | { ok: false; errors: FieldErrors; values: PaperFormValues };

const FILE_PROBLEMS = {
  empty: "papers.errors.fileEmpty",
  "wrong-type": "papers.errors.fileType",
} as const;

export async function uploadPaperFromRequest(
  user: SessionUser,
  meetingId: number,
  request: Request,
): Promise<UploadActionResult> {
  orRespond(() => getMeetingForPapers(user, meetingId));
  let form: Awaited<ReturnType<typeof readPaperUploadForm>>;
  try {
    form = await readPaperUploadForm(request);
  } catch (error) {
    if (error instanceof UnreadableUploadError) throw data({ message: "The form could not be read" }, { status: 400 });
    throw error;
  }
  const values = paperFormValues(form.fields);
  const errors: FieldErrors = {};
  let fields: PaperFields | null = null;
  try {
    fields = parsePaperFields(form.fields);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(errors, error.fieldErrors);
  }
  let upload: StagedUpload | null = null;
  if (!form.file) errors.file = ["papers.errors.fileRequired"];
  else if (form.file.ok) upload = form.file.upload;
  else if (form.file.problem === "too-large") {
    errors.file = [withParams("papers.errors.fileTooLarge", { megabytes: getEnv().PAPER_MAX_MB })];
  } else errors.file = [FILE_PROBLEMS[form.file.problem]];

  if (!upload || !fields || Object.keys(errors).length > 0) {
    if (upload) discardUpload(upload);
    return { ok: false, errors, values };
  }
  try {
    const paperId = uploadPaper({ actor: user, meetingId, fields, upload });
    return { ok: true, response: redirectWithNotice(`/papers/${paperId}`, { key: "notices.papers.uploaded" }) };
  } catch (error) {
    discardUpload(upload);
    if (error instanceof ValidationError) return { ok: false, errors: error.fieldErrors, values };
    rethrowAsResponse(error);
  }
}
