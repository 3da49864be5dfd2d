/**
 * A roadmap item, its progress updates and themes as forms send them:
 * zod schemas and form reading. Client-safe. Messages are translation keys
 * that name their field; what needs the database (the theme, partners and
 * owner exist; the slug is free) the commands check.
 */
import { z } from "zod";
import { RAG_RATINGS, ROADMAP_STATUSES } from "../../db/enums";
import { ValidationError } from "../platform/errors";
import { normaliseNewlines, oneLine } from "../platform/text";
import { type DateParts, type DateValue, readDate, todayInUk } from "../posts/post-dates";
import { fieldErrorsOf } from "../posts/post-schemas";
import { SLUG_PATTERN } from "../posts/slug";
import { parseQuarter } from "./quarters";
import { ROADMAP_LIMITS } from "./roadmap-limits";

export { fieldErrorsOf };

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** Addresses under /roadmap/ that are pages, not items. */
export const RESERVED_ROADMAP_SLUGS: ReadonlySet<string> = new Set(["new", "demand"]);
/** Far more partners than the SRS has: a longer list is not from the form, and is refused before any look-up. */
const MOST_PARTNERS = 50;

const DatePartsSchema = z.object({
  day: z.string().default(""),
  month: z.string().default(""),
  year: z.string().default(""),
});
const dateField = z.union([z.string(), DatePartsSchema]).optional();

/** A date that must be a real day, not after today; `required` for the update date. */
function pastDate(field: string, { required }: { required: boolean }) {
  return dateField.transform((value, ctx): string | null => {
    const read = readDate(value);
    if ("problem" in read) {
      ctx.addIssue({ code: "custom", message: `roadmap.errors.${field}.${read.problem}` });
      return z.NEVER;
    }
    if (!read.date) {
      if (required) ctx.addIssue({ code: "custom", message: `roadmap.errors.${field}.required` });
      return null;
    }
    if (read.date > todayInUk()) ctx.addIssue({ code: "custom", message: `roadmap.errors.${field}.future` });
    return read.date;
  });
}

function quarterField(field: "startQuarter" | "targetQuarter") {
  return z
    .string({ error: `roadmap.errors.${field}.required` })
    .trim()
    .min(1, `roadmap.errors.${field}.required`)
    .transform((value, ctx) => {
      const quarter = parseQuarter(value);
      if (!quarter) {
        ctx.addIssue({ code: "custom", message: `roadmap.errors.${field}.invalid` });
        return z.NEVER;
      }
      return `${quarter.year}-Q${quarter.quarter}`;
    });
}

export const RoadmapItemInputSchema = z
  .object({
    title: z
      .string({ error: "roadmap.errors.title.required" })
      .transform(oneLine)
      .pipe(
        z
          .string()
          .trim()
          .min(1, "roadmap.errors.title.required")
          .max(ROADMAP_LIMITS.title, "roadmap.errors.title.tooLong"),
      ),
    slug: z
      .string()
      .trim()
      .max(ROADMAP_LIMITS.slug, "roadmap.errors.slug.tooLong")
      .refine((slug) => slug === "" || SLUG_PATTERN.test(slug), "roadmap.errors.slug.invalid")
      .refine((slug) => !RESERVED_ROADMAP_SLUGS.has(slug), "roadmap.errors.slug.reserved")
      .default(""),
    summary: z
      .string({ error: "roadmap.errors.summary.required" })
      .transform(normaliseNewlines)
      .pipe(
        z
          .string()
          .trim()
          .min(1, "roadmap.errors.summary.required")
          .max(ROADMAP_LIMITS.summary, "roadmap.errors.summary.tooLong"),
      ),
    description: z
      .string({ error: "roadmap.errors.description.required" })
      .transform(normaliseNewlines)
      .refine((text) => text.trim().length > 0, "roadmap.errors.description.required")
      .refine((text) => utf8Length(text) <= ROADMAP_LIMITS.descriptionBytes, "roadmap.errors.description.tooLong"),
    theme: z.string({ error: "roadmap.errors.theme.required" }).trim().min(1, "roadmap.errors.theme.required"),
    status: z.enum(ROADMAP_STATUSES, { error: "roadmap.errors.status.required" }),
    startQuarter: quarterField("startQuarter"),
    targetQuarter: quarterField("targetQuarter"),
    partners: z
      .union([z.string(), z.array(z.string())])
      .default([])
      .transform((value) => [...new Set((Array.isArray(value) ? value : [value]).map((slug) => slug.trim()))])
      .transform((slugs) => slugs.filter(Boolean))
      .refine((slugs) => slugs.length > 0, "roadmap.errors.partners.required")
      .refine((slugs) => slugs.length <= MOST_PARTNERS, "roadmap.errors.partners.unknown"),
    owner: z.string({ error: "roadmap.errors.owner.required" }).trim().min(1, "roadmap.errors.owner.required"),
    /** Empty for "today" on a new item, and for "as it is" on an edit. */
    reviewedAt: pastDate("reviewedAt", { required: false }),
  })
  .superRefine((item, ctx) => {
    // Compared only once both are quarters: each field reports its own problem first.
    const start = parseQuarter(item.startQuarter);
    const target = parseQuarter(item.targetQuarter);
    if (start && target && target.year * 4 + target.quarter < start.year * 4 + start.quarter) {
      ctx.addIssue({ code: "custom", path: ["targetQuarter"], message: "roadmap.errors.targetQuarter.beforeStart" });
    }
  });

export type RoadmapItemInput = z.output<typeof RoadmapItemInputSchema>;

/** A roadmap item as a command receives it, before validation. */
export interface RoadmapItemFields {
  title?: string;
  slug?: string;
  summary?: string;
  description?: string;
  theme?: string;
  status?: string;
  startQuarter?: string;
  targetQuarter?: string;
  /** Partner slugs. */
  partners?: string | string[];
  /** The owner's user id. */
  owner?: string;
  reviewedAt?: DateValue;
}

/** The form's fields in the order the page shows them, for an error summary that reads top to bottom. */
export const ROADMAP_ITEM_FIELD_ORDER = [
  "title",
  "summary",
  "description",
  "theme",
  "status",
  "startQuarter",
  "targetQuarter",
  "partners",
  "owner",
  "reviewedAt",
  "changeNote",
  "slug",
] as const;

export const ProgressUpdateInputSchema = z.object({
  updateDate: pastDate("updateDate", { required: true }),
  rating: z.enum(RAG_RATINGS, { error: "roadmap.errors.rating.required" }),
  note: z
    .string({ error: "roadmap.errors.note.required" })
    .transform(normaliseNewlines)
    .pipe(
      z
        .string()
        .trim()
        .min(1, "roadmap.errors.note.required")
        .max(ROADMAP_LIMITS.updateNote, "roadmap.errors.note.tooLong"),
    ),
});

export type ProgressUpdateInput = z.output<typeof ProgressUpdateInputSchema>;

export interface ProgressUpdateFields {
  updateDate?: DateValue;
  rating?: string;
  note?: string;
}

export const PROGRESS_UPDATE_FIELD_ORDER = ["updateDate", "rating", "note"] as const;

export const RoadmapThemeInputSchema = z.object({
  name: z
    .string({ error: "roadmap.errors.themeName.required" })
    .transform(oneLine)
    .pipe(
      z
        .string()
        .trim()
        .min(1, "roadmap.errors.themeName.required")
        .max(ROADMAP_LIMITS.themeName, "roadmap.errors.themeName.tooLong"),
    ),
});

/** The note that explains an edit in the item's history. */
export const RoadmapChangeNoteSchema = z
  .string()
  .transform(oneLine)
  .pipe(z.string().trim().max(ROADMAP_LIMITS.changeNote, "roadmap.errors.changeNote.tooLong"))
  .optional()
  .transform((note) => note || null);

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

/** Reads the item form; partners are checkboxes named `partners`, the last reviewed date three boxes. */
export function roadmapItemFormToFields(form: FormData): { fields: RoadmapItemFields; changeNote: string | undefined } {
  return {
    fields: {
      title: textOf(form, "title"),
      slug: textOf(form, "slug"),
      summary: textOf(form, "summary"),
      description: textOf(form, "description"),
      theme: textOf(form, "theme"),
      status: textOf(form, "status"),
      startQuarter: textOf(form, "startQuarter"),
      targetQuarter: textOf(form, "targetQuarter"),
      partners: form.getAll("partners").filter((value): value is string => typeof value === "string"),
      owner: textOf(form, "owner"),
      reviewedAt: dateOf(form, "reviewedAt"),
    },
    changeNote: textOf(form, "changeNote"),
  };
}

export function progressUpdateFormToFields(form: FormData): ProgressUpdateFields {
  return { updateDate: dateOf(form, "updateDate"), rating: textOf(form, "rating"), note: textOf(form, "note") };
}

/** The fields checked by `schema`; every problem at once, as a ValidationError keyed by field. */
export function validated<Schema extends z.ZodType>(schema: Schema, fields: unknown): z.output<Schema> {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** What was typed into the item form, to show it again with its errors. */
export function echoRoadmapItemForm(form: FormData) {
  const { fields, changeNote } = roadmapItemFormToFields(form);
  const partners = fields.partners;
  return {
    ...fields,
    partners: Array.isArray(partners) ? partners : partners ? [partners] : [],
    changeNote: changeNote ?? "",
  };
}
