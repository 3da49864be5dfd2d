/** A paper's form fields, their limits and their order in the error summary (client-safe). */
import { z } from "zod";

export const PAPER_TITLE_MAX = 200;

/** The upload form's fields in page order, for the error summary. */
export const PAPER_FIELD_ORDER = ["file", "title", "agendaItem", "confidential"] as const;

const agendaItem = z.preprocess(
  (value) => (value === "" || value === undefined || value === null ? null : value),
  z.coerce
    .number("papers.errors.agendaItemUnknown")
    .int("papers.errors.agendaItemUnknown")
    .positive("papers.errors.agendaItemUnknown")
    .nullable(),
);

/** What the upload and edit forms send besides the file. */
export const PaperFieldsSchema = z.object({
  title: z.string().trim().min(1, "papers.errors.titleRequired").max(PAPER_TITLE_MAX, "papers.errors.titleTooLong"),
  agendaItem,
  confidential: z.preprocess(
    (value) => value === true || value === "yes" || value === "on" || value === "true",
    z.boolean(),
  ),
});

export type PaperFields = z.infer<typeof PaperFieldsSchema>;

/** The form's raw values, kept to show the form again. */
export interface PaperFormValues {
  title: string;
  agendaItem: string;
  confidential: boolean;
}

export function paperFormValues(raw: Record<string, string>): PaperFormValues {
  return {
    title: raw.title ?? "",
    agendaItem: raw.agendaItem ?? "",
    confidential: raw.confidential === "yes",
  };
}
