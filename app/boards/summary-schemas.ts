/**
 * A meeting's summary for partners as its form sends it. Client-safe.
 * Messages are translation keys naming their field.
 */
import { z } from "zod";
import { normaliseNewlines } from "../platform/text";

/** Short enough to be read instead of the minutes; the decisions and actions follow it. */
export const SUMMARY_INTRODUCTION_LIMIT = 2000;

export const SUMMARY_FIELD_ORDER = ["introduction"] as const;

export const SummaryInputSchema = z.object({
  introduction: z
    .string({ error: "summaries.errors.introduction.required" })
    .transform(normaliseNewlines)
    .pipe(
      z
        .string()
        .trim()
        .min(1, "summaries.errors.introduction.required")
        .max(SUMMARY_INTRODUCTION_LIMIT, "summaries.errors.introduction.tooLong"),
    ),
});

export type SummaryFields = { introduction?: string };

export function summaryFormToFields(form: FormData): SummaryFields {
  const value = form.get("introduction");
  return { introduction: typeof value === "string" ? value : undefined };
}
