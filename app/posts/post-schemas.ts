import { z } from "zod";
import type { FieldErrors } from "../platform/errors";
import { KIND_SECTIONS, POST_KINDS, POST_STATUSES, type SectionKey, SHORT_SECTIONS } from "./post-kinds";
import { LIMITS } from "./post-limits";
import { normaliseTag, SLUG_PATTERN } from "./slug";

export { LIMITS };

const utf8Length = (text: string) => new TextEncoder().encode(text).length;
// Control characters other than tab and newline have no place in anything a person writes.
const CONTROL_CHARACTERS = /[^\P{Cc}\t\n]/gu;
const normaliseNewlines = (text: string) => text.replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "");
/** One line of text: no control characters, and line breaks become spaces. */
const oneLine = (text: string) => text.replace(CONTROL_CHARACTERS, "").replace(/[\r\n\t]+/g, " ");

const sectionKeys = Object.values(KIND_SECTIONS).flat() as SectionKey[];

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
      .transform((value) => {
        const raw = Array.isArray(value) ? value : value.split(",");
        return [...new Set(raw.map(normaliseTag).filter(Boolean))];
      })
      .refine((tags) => tags.length <= LIMITS.tags, "errors.tags.tooMany"),
    sections: z.record(z.string(), z.string().transform(normaliseNewlines)).default({}),
  })
  .superRefine((post, ctx) => {
    const keys = KIND_SECTIONS[post.kind] as readonly SectionKey[];
    for (const key of keys) {
      const value = (post.sections[key] ?? "").trim();
      const short = SHORT_SECTIONS.has(key);
      if (value.length > (short ? LIMITS.shortSection : LIMITS.section)) {
        const message = short ? "errors.shortSection.tooLong" : "errors.section.tooLong";
        ctx.addIssue({ code: "custom", path: ["sections", key], message });
      }
      // Drafts may be incomplete; a published post carries every section of its kind.
      if (!value && post.status === "published") {
        ctx.addIssue({ code: "custom", path: ["sections", key], message: "errors.section.required" });
      }
    }
  })
  .transform((post) => {
    const keys = KIND_SECTIONS[post.kind] as readonly SectionKey[];
    const sections: Record<string, string> = {};
    for (const key of keys) sections[key] = (post.sections[key] ?? "").trim();
    return { ...post, sections };
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
    },
    changeNote: text("changeNote"),
  };
}
