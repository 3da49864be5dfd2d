/**
 * Boards and seats as their forms send them: zod schemas, limits and the
 * forms' field orders. Client-safe. Messages are translation keys; what
 * needs the database (a free slug and prefix, a person who exists) the
 * commands check.
 */
import { z } from "zod";
import { BOARD_ROLES } from "../../db/enums";
import { normaliseNewlines, oneLine } from "../platform/text";
import { SLUG_PATTERN } from "../posts/slug";

export const BOARD_LIMITS = { name: 120, slug: 60, descriptionBytes: 20_000 } as const;

/** Addresses under /boards/ that are pages, not boards. */
export const RESERVED_BOARD_SLUGS: ReadonlySet<string> = new Set(["new"]);

/** Two to six capitals: the start of every decision reference of the board (`SB-2026-014`). */
export const REFERENCE_PREFIX_PATTERN = /^[A-Z]{2,6}$/;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

export const BoardInputSchema = z.object({
  name: z
    .string({ error: "boards.errors.name.required" })
    .transform(oneLine)
    .pipe(z.string().trim().min(1, "boards.errors.name.required").max(BOARD_LIMITS.name, "boards.errors.name.tooLong")),
  slug: z
    .string({ error: "boards.errors.slug.required" })
    .trim()
    .min(1, "boards.errors.slug.required")
    .max(BOARD_LIMITS.slug, "boards.errors.slug.tooLong")
    .refine((slug) => SLUG_PATTERN.test(slug), "boards.errors.slug.invalid")
    .refine((slug) => !RESERVED_BOARD_SLUGS.has(slug), "boards.errors.slug.reserved"),
  referencePrefix: z
    .string({ error: "boards.errors.referencePrefix.required" })
    .trim()
    .min(1, "boards.errors.referencePrefix.required")
    .refine((prefix) => REFERENCE_PREFIX_PATTERN.test(prefix), "boards.errors.referencePrefix.invalid"),
  description: z
    .string()
    .default("")
    .transform(normaliseNewlines)
    .refine((text) => utf8Length(text) <= BOARD_LIMITS.descriptionBytes, "boards.errors.description.tooLong"),
});
export type BoardInput = z.output<typeof BoardInputSchema>;

export interface BoardFields {
  name?: string;
  slug?: string;
  referencePrefix?: string;
  description?: string;
}

export const BOARD_FIELD_ORDER = ["name", "slug", "referencePrefix", "description"] as const;

export const SeatInputSchema = z.object({
  person: z.string({ error: "boards.errors.person.required" }).trim().min(1, "boards.errors.person.required"),
  role: z.enum(BOARD_ROLES, { error: "boards.errors.role.required" }),
});
export type SeatInput = z.output<typeof SeatInputSchema>;

export const SEAT_FIELD_ORDER = ["person", "role"] as const;

function textOf(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

export function boardFormToFields(form: FormData): BoardFields {
  return {
    name: textOf(form, "name"),
    slug: textOf(form, "slug"),
    referencePrefix: textOf(form, "referencePrefix"),
    description: textOf(form, "description"),
  };
}

export { textOf };
