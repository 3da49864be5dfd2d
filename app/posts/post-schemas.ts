import { z } from "zod";
import { withParams } from "../i18n/translate";
import type { FieldErrors } from "../platform/errors";
import { normaliseNewlines, oneLine } from "../platform/text";
import { type DateParts, type DateValue, readDate, todayInUk } from "./post-dates";
import { DATED_KIND_LIST } from "./post-field-order";
import { KIND_SECTIONS, POST_KINDS, POST_STATUSES, type PostKind, type SectionKey, SHORT_SECTIONS } from "./post-kinds";
import { LIMITS } from "./post-limits";
import { normaliseTag, SLUG_PATTERN } from "./slug";

export { LIMITS };

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

const sectionKeys = Object.values(KIND_SECTIONS).flat() as SectionKey[];

/** A tag as written, on one line ("Microsoft 365"). */
const tagName = (text: string) => oneLine(text).replace(/\s+/g, " ").trim();

/** The kinds that tell of something that happened, on a date: their event date is required to publish. */
export const DATED_KINDS: ReadonlySet<PostKind> = new Set(DATED_KIND_LIST);

const DatePartsSchema = z.object({
  day: z.string().default(""),
  month: z.string().default(""),
  year: z.string().default(""),
});
/** A date as `YYYY-MM-DD` or as its three boxes; read (and checked) by readDate. */
const dateField = z.union([z.string(), DatePartsSchema]).optional();

function dateOf(value: DateValue | undefined): string | null {
  const read = readDate(value);
  return "date" in read ? read.date : null;
}

type DateFieldName = "eventDate" | "targetDate" | "reviewBy";

function checkDates(
  post: { kind: PostKind; eventDate?: DateValue; targetDate?: DateValue; reviewBy?: DateValue },
  ctx: z.RefinementCtx,
) {
  const today = todayInUk();
  const check = (field: DateFieldName, rule?: (date: string) => string | null) => {
    const read = readDate(post[field]);
    if ("problem" in read) ctx.addIssue({ code: "custom", path: [field], message: `errors.${field}.${read.problem}` });
    else if (read.date && rule) {
      const message = rule(read.date);
      if (message) ctx.addIssue({ code: "custom", path: [field], message });
    }
  };
  if (DATED_KINDS.has(post.kind)) check("eventDate", (date) => (date > today ? "errors.eventDate.future" : null));
  if (post.kind === "aspiration") check("targetDate");
  check("reviewBy", (date) => (date < today ? "errors.reviewBy.past" : null));
}

/**
 * One post as typed into the form or read from a content file. Messages are
 * translation keys; the UI turns them into words.
 */
export const PostInputSchema = z
  .object({
    title: z
      .string({ error: "errors.title.required" })
      .transform(oneLine)
      .pipe(z.string().trim().min(1, "errors.title.required").max(LIMITS.title, "errors.title.tooLong")),
    slug: z
      .string()
      .trim()
      .max(LIMITS.slug, "errors.slug.tooLong")
      .refine((slug) => slug === "" || SLUG_PATTERN.test(slug), "errors.slug.invalid")
      .default(""),
    summary: z
      .string({ error: "errors.summary.required" })
      .transform(normaliseNewlines)
      .pipe(z.string().trim().min(1, "errors.summary.required").max(LIMITS.summary, "errors.summary.tooLong")),
    body: z
      .string({ error: "errors.body.required" })
      .transform(normaliseNewlines)
      .refine((body) => body.trim().length > 0, "errors.body.required")
      .refine((body) => utf8Length(body) <= LIMITS.bodyBytes, "errors.body.tooLong"),
    kind: z.enum(POST_KINDS, { error: "errors.kind.unknown" }),
    partner: z.string({ error: "errors.partner.required" }).trim().min(1, "errors.partner.required"),
    status: z.enum(POST_STATUSES, { error: "errors.status.unknown" }),
    tags: z
      .union([z.string(), z.array(z.string())])
      .default("")
      .transform((value) => (Array.isArray(value) ? value : value.split(",")).map(tagName).filter(Boolean))
      .superRefine((names, ctx) => {
        // A tag is refused with its own words, never quietly changed into something else.
        for (const name of names) {
          if (/[<>]/.test(name))
            ctx.addIssue({ code: "custom", message: withParams("errors.tags.markup", { tag: name }) });
          else if (name.length > LIMITS.tagLength) {
            const tag = `${name.slice(0, 30)}…`;
            ctx.addIssue({ code: "custom", message: withParams("errors.tags.tooLongNamed", { tag }) });
          }
        }
      })
      .transform((names) => {
        // The first spelling of each tag is kept as its name ("Microsoft 365" for microsoft-365).
        const byTag = new Map<string, string>();
        for (const name of names) {
          const tag = normaliseTag(name);
          if (tag && !byTag.has(tag)) byTag.set(tag, name);
        }
        return { tags: [...byTag.keys()], tagNames: [...byTag.values()] };
      })
      .refine(({ tags }) => tags.length <= LIMITS.tags, "errors.tags.tooMany"),
    sections: z.record(z.string(), z.string().transform(normaliseNewlines)).default({}),
    eventDate: dateField,
    targetDate: dateField,
    reviewBy: dateField,
    /** The person to ask about the post (a user id); empty for its author. Checked by the command. */
    contact: z.string().trim().default(""),
  })
  .superRefine((post, ctx) => {
    const keys = KIND_SECTIONS[post.kind] as readonly SectionKey[];
    for (const key of keys) {
      const value = (post.sections[key] ?? "").trim();
      const short = SHORT_SECTIONS.has(key);
      if (value.length > (short ? LIMITS.shortSection : LIMITS.section)) {
        ctx.addIssue({ code: "custom", path: ["sections", key], message: `errors.section.tooLong.${key}` });
      }
      // Drafts may be incomplete; a published post carries every section of its kind.
      if (!value && post.status === "published") {
        ctx.addIssue({ code: "custom", path: ["sections", key], message: `errors.section.required.${key}` });
      }
    }
    checkDates(post, ctx);
  })
  .transform(({ tags, eventDate, targetDate, reviewBy, contact, ...post }) => {
    const keys = KIND_SECTIONS[post.kind] as readonly SectionKey[];
    const sections: Record<string, string> = {};
    for (const key of keys) sections[key] = (post.sections[key] ?? "").trim();
    const dated = DATED_KINDS.has(post.kind);
    return {
      ...post,
      sections,
      tags: tags.tags,
      tagNames: tags.tagNames,
      eventDate: dated ? dateOf(eventDate) : null,
      targetDate: post.kind === "aspiration" ? dateOf(targetDate) : null,
      reviewBy: dateOf(reviewBy),
      contact,
    };
  });

/** A post after validation: trimmed, normalised, with exactly its kind's sections. */
export type PostInput = z.output<typeof PostInputSchema>;
/**
 * A post as a command receives it, before validation: what a form or a
 * content file holds, any of it possibly missing. The command validates it.
 */
export interface PostFields {
  title?: string;
  slug?: string;
  summary?: string;
  body?: string;
  kind?: string;
  partner?: string;
  status?: string;
  tags?: string | string[];
  sections?: Record<string, string>;
  eventDate?: DateValue;
  targetDate?: DateValue;
  reviewBy?: DateValue;
  /** The contact's user id; empty or missing for the author. */
  contact?: string;
}

/**
 * What a web save must hold before it publishes, beyond the sections: a
 * lesson or case study says when it happened. (The content import publishes
 * the demo posts whose text gives no date, so this is the forms' rule.)
 */
export function publishingErrors(fields: PostFields): FieldErrors {
  const dated = DATED_KINDS.has(fields.kind as PostKind);
  const read = readDate(fields.eventDate);
  if (fields.status === "published" && dated && "date" in read && !read.date) {
    return { eventDate: ["errors.eventDate.required"] };
  }
  return {};
}

/** The optional note that explains an edit in the revision history. */
export const ChangeNoteSchema = z
  .string()
  .transform(oneLine)
  .pipe(z.string().trim().max(LIMITS.changeNote, "errors.changeNote.tooLong"))
  .optional()
  .transform((note) => note || null);

export type { FieldErrors };

/** Zod issues as field errors keyed by form field name ("title", "section.lesson"). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [head, second] = issue.path;
    const field = head === "sections" && typeof second === "string" ? `section.${second}` : String(head ?? "form");
    errors[field] ??= [];
    if (!errors[field].includes(issue.message)) errors[field].push(issue.message);
  }
  return errors;
}

/** Reads the post form's fields; section fields are named `section.<key>`. */
export function postFormToInput(form: FormData): { fields: PostFields; changeNote: string | undefined } {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const sections: Record<string, string> = {};
  for (const key of sectionKeys) {
    const value = text(`section.${key}`);
    if (value !== undefined) sections[key] = value;
  }
  const date = (name: string): DateParts | undefined => {
    const day = text(`${name}-day`);
    const month = text(`${name}-month`);
    const year = text(`${name}-year`);
    if (day === undefined && month === undefined && year === undefined) return undefined;
    return { day: day ?? "", month: month ?? "", year: year ?? "" };
  };
  return {
    fields: {
      title: text("title"),
      slug: text("slug"),
      summary: text("summary"),
      body: text("body"),
      kind: text("kind"),
      partner: text("partner"),
      status: text("status"),
      tags: text("tags"),
      sections,
      eventDate: date("eventDate"),
      targetDate: date("targetDate"),
      reviewBy: date("reviewBy"),
      contact: text("contact"),
    },
    changeNote: text("changeNote"),
  };
}
