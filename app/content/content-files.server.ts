/** Reads partners and posts from Markdown files with YAML front matter (see content/README.md). */
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { PARTNER_TYPES } from "../../db/schema";
import { SLUG_PATTERN } from "../posts/slug";

export const PartnerFileSchema = z.object({
  slug: z.string().regex(SLUG_PATTERN),
  name: z.string().min(1).max(200),
  shortName: z.string().min(1).max(80),
  type: z.enum(PARTNER_TYPES),
  website: z.url({ protocol: /^https?$/ }).optional(),
  description: z.string(),
});
export type PartnerFile = z.infer<typeof PartnerFileSchema>;

/** Front matter dates arrive as Date objects (YAML) or strings. */
const dateSchema = z.union([z.date(), z.string().min(1)]).transform((value, ctx) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: "not a date" });
    return z.NEVER;
  }
  return date;
});

/** A day in front matter (YAML reads `2020-03-23` as a Date) as `YYYY-MM-DD`; the post's schema checks it. */
const daySchema = z
  .union([z.date(), z.string()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()));

export const PostFileSchema = z.object({
  title: z.string(),
  slug: z.string().regex(SLUG_PATTERN),
  kind: z.string(),
  partner: z.string(),
  status: z.string(),
  summary: z.string(),
  tags: z.array(z.string()).default([]),
  publishedAt: dateSchema.optional(),
  /** A lesson's or case study's event date, when its text gives one. */
  eventDate: daySchema.optional(),
  /** An aspiration's target date. */
  targetDate: daySchema.optional(),
  sections: z.record(z.string(), z.string()).default({}),
  body: z.string(),
});
export type PostFile = z.infer<typeof PostFileSchema>;

function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function readFile<T>(file: string, schema: z.ZodType<T>, bodyKey: string): T {
  const { data, content } = matter(fs.readFileSync(file, "utf8"));
  const parsed = schema.safeParse({ ...data, [bodyKey]: content.trim() });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`${file}: ${problems}`);
  }
  return parsed.data;
}

export interface ContentSet {
  partners: PartnerFile[];
  posts: (PostFile & { file: string })[];
}

/** Reads `<dir>/partners/*.md` and `<dir>/posts/**\/*.md`. Throws naming the first bad file. */
export function readContentDirectory(dir: string): ContentSet {
  return {
    partners: markdownFiles(path.join(dir, "partners")).map((file) => readFile(file, PartnerFileSchema, "description")),
    posts: markdownFiles(path.join(dir, "posts")).map((file) => ({ ...readFile(file, PostFileSchema, "body"), file })),
  };
}
