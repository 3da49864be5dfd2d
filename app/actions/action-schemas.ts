/**
 * An action and a change of its status as forms send them: zod schemas and
 * form reading. Client-safe. Messages are translation keys naming their
 * field; what needs the database (the owner is an active account, the
 * partner exists, the due date is not before the meeting) the commands check.
 */
import { z } from "zod";
import { ACTION_STATUSES } from "../../db/enums";
import { normaliseNewlines } from "../platform/text";
import { type DateParts, type DateValue, readDate, todayInUk } from "../posts/post-dates";
import { validated } from "../roadmap/roadmap-item-schemas";

export { validated };

export const ACTION_LIMITS = { description: 2000, note: 2000 } as const;

const DatePartsSchema = z.object({
  day: z.string().default(""),
  month: z.string().default(""),
  year: z.string().default(""),
});
const dateField = z.union([z.string(), DatePartsSchema]).optional();

/** A required real day; `notFuture` for a note's date, which speaks for a day that has come. */
function requiredDate(field: string, { notFuture }: { notFuture: boolean }) {
  return dateField.transform((value, ctx): string => {
    const read = readDate(value);
    if ("problem" in read) {
      ctx.addIssue({ code: "custom", message: `actions.errors.${field}.${read.problem}` });
      return z.NEVER;
    }
    if (!read.date) {
      ctx.addIssue({ code: "custom", message: `actions.errors.${field}.required` });
      return z.NEVER;
    }
    if (notFuture && read.date > todayInUk()) {
      ctx.addIssue({ code: "custom", message: `actions.errors.${field}.future` });
    }
    return read.date;
  });
}

function longText(field: string, limit: number) {
  return z
    .string({ error: `actions.errors.${field}.required` })
    .transform(normaliseNewlines)
    .pipe(z.string().trim().min(1, `actions.errors.${field}.required`).max(limit, `actions.errors.${field}.tooLong`));
}

export const ActionInputSchema = z.object({
  description: longText("description", ACTION_LIMITS.description),
  /** The owner's account id. */
  owner: z.string({ error: "actions.errors.owner.required" }).trim().min(1, "actions.errors.owner.required"),
  /** A partner slug; empty for the owner's own partner. */
  partner: z.string().trim().default(""),
  dueDate: requiredDate("dueDate", { notFuture: false }),
});

export type ActionInput = z.output<typeof ActionInputSchema>;

/** An action as a command receives it, before validation. */
export interface ActionFields {
  description?: string;
  owner?: string;
  partner?: string;
  dueDate?: DateValue;
}

export const ACTION_FIELD_ORDER = ["description", "owner", "partner", "dueDate"] as const;

export const ActionUpdateInputSchema = z.object({
  status: z.enum(ACTION_STATUSES, { error: "actions.errors.status.required" }),
  noteDate: requiredDate("noteDate", { notFuture: true }),
  note: longText("note", ACTION_LIMITS.note),
});

export type ActionUpdateInput = z.output<typeof ActionUpdateInputSchema>;

export interface ActionUpdateFields {
  status?: string;
  noteDate?: DateValue;
  note?: string;
}

export const ACTION_UPDATE_FIELD_ORDER = ["status", "noteDate", "note"] as const;

function textOf(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

function dateOf(form: FormData, name: string): DateParts | undefined {
  const day = textOf(form, `${name}-day`);
  const month = textOf(form, `${name}-month`);
  const year = textOf(form, `${name}-year`);
  if (day === undefined && month === undefined && year === undefined) return undefined;
  return { day: day ?? "", month: month ?? "", year: year ?? "" };
}

export function actionFormToFields(form: FormData): ActionFields {
  return {
    description: textOf(form, "description"),
    owner: textOf(form, "owner"),
    partner: textOf(form, "partner"),
    dueDate: dateOf(form, "dueDate"),
  };
}

export function actionUpdateFormToFields(form: FormData): ActionUpdateFields {
  return { status: textOf(form, "status"), noteDate: dateOf(form, "noteDate"), note: textOf(form, "note") };
}
