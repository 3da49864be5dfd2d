/**
 * A decision as its forms send it: zod schemas and form reading, with each
 * form's field order for its error summary. Client-safe. Messages are
 * translation keys naming their field; what needs the database (the lead
 * officer is an active account, the agenda item is the meeting's, the
 * superseding decision exists) the commands check. No form has a reference
 * field: a reference is given once, by the numbering, and never typed.
 */
import { z } from "zod";
import { DECISION_STATUSES, type DecisionStatus } from "../../db/enums";
import { ValidationError } from "../platform/errors";
import { normaliseNewlines, oneLine } from "../platform/text";
import { type DateParts, type DateValue, readDate } from "../posts/post-dates";
import { fieldErrorsOf } from "../posts/post-schemas";
import { DECISION_LIMITS, INITIAL_DECISION_STATUSES } from "./decision-limits";

const lineOf = (field: string, max: number, required: boolean) =>
  z
    .string()
    .optional()
    .transform((value) => oneLine(value ?? "").trim())
    .pipe(
      z
        .string()
        .min(required ? 1 : 0, `decisions.errors.${field}.required`)
        .max(max, `decisions.errors.${field}.tooLong`),
    );

const DatePartsSchema = z.object({
  day: z.string().default(""),
  month: z.string().default(""),
  year: z.string().default(""),
});

const effectiveDate = z
  .union([z.string(), DatePartsSchema])
  .optional()
  .transform((value, ctx): string | null => {
    const read = readDate(value);
    if ("problem" in read) {
      ctx.addIssue({ code: "custom", message: `decisions.errors.effectiveDate.${read.problem}` });
      return z.NEVER;
    }
    return read.date;
  });

const optionalId = z
  .string()
  .optional()
  .transform((value) => value?.trim() || null);

/** The fields of a decision shared by recording and editing it. */
const DecisionContentSchema = z.object({
  title: lineOf("title", DECISION_LIMITS.title, true),
  text: z
    .string()
    .optional()
    .transform((value) => normaliseNewlines(value ?? "").trim())
    .pipe(
      z.string().min(1, "decisions.errors.text.required").max(DECISION_LIMITS.text, "decisions.errors.text.tooLong"),
    ),
  decisionMaker: lineOf("decisionMaker", DECISION_LIMITS.decisionMaker, true),
  effectiveDate,
  leadOfficer: optionalId,
  agendaItem: optionalId.pipe(
    z
      .string()
      .regex(/^\d{1,9}$/, "decisions.errors.agendaItem.unknown")
      .transform(Number)
      .nullable(),
  ),
  confidential: z
    .string()
    .optional()
    .transform((value) => value === "yes"),
});

export const RecordDecisionSchema = DecisionContentSchema.extend({
  status: z.enum(INITIAL_DECISION_STATUSES, { error: "decisions.errors.status.required" }),
});
export type RecordDecisionInput = z.output<typeof RecordDecisionSchema>;

export const EditDecisionSchema = DecisionContentSchema.extend({
  changeNote: lineOf("changeNote", DECISION_LIMITS.changeNote, false),
});
export type EditDecisionInput = z.output<typeof EditDecisionSchema>;

export const DecisionStatusSchema = z.object({
  status: z.enum(DECISION_STATUSES, { error: "decisions.errors.status.required" }),
  supersededBy: lineOf("supersededBy", 20, false),
  withdrawnReason: z
    .string()
    .optional()
    .transform((value) => normaliseNewlines(value ?? "").trim())
    .pipe(z.string().max(DECISION_LIMITS.withdrawnReason, "decisions.errors.withdrawnReason.tooLong")),
});
export type DecisionStatusInput = z.output<typeof DecisionStatusSchema>;

/** The decision form's fields as sent (the date as its three boxes). */
export interface DecisionFields {
  title?: string;
  text?: string;
  decisionMaker?: string;
  status?: string;
  effectiveDate?: DateValue;
  leadOfficer?: string;
  agendaItem?: string;
  confidential?: string;
  changeNote?: string;
}

export interface DecisionStatusFields {
  status?: string;
  supersededBy?: string;
  withdrawnReason?: string;
}

/** The decision form's fields in page order, for its error summary. */
export const DECISION_FIELD_ORDER = [
  "title",
  "agendaItem",
  "text",
  "decisionMaker",
  "status",
  "effectiveDate",
  "leadOfficer",
  "confidential",
  "changeNote",
] as const;

export const DECISION_STATUS_FIELD_ORDER = ["status", "supersededBy", "withdrawnReason"] as const;

function textOf(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

function dateOf(form: FormData, name: string): DateParts | undefined {
  const parts = ["day", "month", "year"].map((part) => textOf(form, `${name}-${part}`));
  if (parts.every((part) => part === undefined)) return undefined;
  const [day = "", month = "", year = ""] = parts.map((part) => part ?? "");
  return { day, month, year };
}

/** Reads the decision form. Anything else it carries (a `reference`, say) is not read at all. */
export function decisionFormToFields(form: FormData): DecisionFields {
  return {
    title: textOf(form, "title"),
    text: textOf(form, "text"),
    decisionMaker: textOf(form, "decisionMaker"),
    status: textOf(form, "status"),
    effectiveDate: dateOf(form, "effectiveDate"),
    leadOfficer: textOf(form, "leadOfficer"),
    agendaItem: textOf(form, "agendaItem"),
    confidential: textOf(form, "confidential"),
    changeNote: textOf(form, "changeNote"),
  };
}

export function decisionStatusFormToFields(form: FormData): DecisionStatusFields {
  return {
    status: textOf(form, "status"),
    supersededBy: textOf(form, "supersededBy"),
    withdrawnReason: textOf(form, "withdrawnReason"),
  };
}

/** The fields checked by `schema`; every problem at once, as a ValidationError keyed by field. */
export function validatedDecision<Schema extends z.ZodType>(schema: Schema, fields: unknown): z.output<Schema> {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** What was typed into the decision form, to show it again with its errors. */
export function echoDecisionForm(form: FormData) {
  const fields = decisionFormToFields(form);
  return {
    title: fields.title ?? "",
    text: fields.text ?? "",
    decisionMaker: fields.decisionMaker ?? "",
    status: fields.status ?? "",
    effectiveDate: (fields.effectiveDate as DateParts | undefined) ?? { day: "", month: "", year: "" },
    leadOfficer: fields.leadOfficer ?? "",
    agendaItem: fields.agendaItem ?? "",
    confidential: fields.confidential === "yes",
    changeNote: fields.changeNote ?? "",
  };
}
export type DecisionFormValues = ReturnType<typeof echoDecisionForm>;

export function echoDecisionStatusForm(form: FormData) {
  const fields = decisionStatusFormToFields(form);
  return {
    status: (fields.status ?? "") as DecisionStatus | "",
    supersededBy: fields.supersededBy ?? "",
    withdrawnReason: fields.withdrawnReason ?? "",
  };
}
