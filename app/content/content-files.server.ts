/** Reads partners, posts and the roadmap from Markdown files with YAML front matter (see content/README.md). */
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { LINK_RELATIONS, RAG_RATINGS, ROADMAP_STATUSES } from "../../db/enums";
import { PARTNER_TYPES } from "../../db/schema";
import { SLUG_PATTERN } from "../posts/slug";

export const PartnerFileSchema = z.object({
  slug: z.string().regex(SLUG_PATTERN),
  name: z.string().min(1).max(200),
  shortName: z.string().min(1).max(80),
  /** The Welsh names, where the partner has them: searched as its other names, shown to Welsh readers. */
  nameCy: z.string().min(1).max(200).optional(),
  shortNameCy: z.string().min(1).max(80).optional(),
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

/** Days before the import: what must stay current in the demo (decision 046) is written this way. */
const daysAgoSchema = z.number().int().min(0).max(3650);
const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, "a quarter such as 2026-Q3");

/** A roadmap item's file: `content/roadmap/<slug>.md`; the body is its Markdown description. */
export const RoadmapFileSchema = z.object({
  title: z.string().min(1),
  slug: z.string().regex(SLUG_PATTERN),
  /** A theme's slug. */
  theme: z.string().min(1),
  status: z.enum(ROADMAP_STATUSES),
  start: quarterSchema,
  target: quarterSchema,
  /** Partners' slugs. */
  partners: z.array(z.string()).default([]),
  /** The owner's email address; an account not (yet) in the Hub leaves the item without an owner. */
  owner: z.email().optional(),
  /** When it was last reviewed; without it, the latest update's day (or the import's). */
  reviewedDaysAgo: daysAgoSchema.optional(),
  summary: z.string().min(1),
  description: z.string(),
  updates: z
    .array(z.object({ daysAgo: daysAgoSchema, rating: z.enum(RAG_RATINGS), note: z.string().min(1) }))
    .default([]),
  links: z
    .array(
      z.object({ post: z.string().regex(SLUG_PATTERN), relation: z.enum(LINK_RELATIONS), note: z.string().optional() }),
    )
    .default([]),
});
export type RoadmapFile = z.infer<typeof RoadmapFileSchema>;

/** Partners' "we want this too", all in `content/roadmap/_interest.md`. */
export const InterestFileSchema = z.object({
  interest: z
    .array(
      z.object({
        /** The aspiration's slug. */
        post: z.string().regex(SLUG_PATTERN),
        /** The partner that wants it. */
        partner: z.string().regex(SLUG_PATTERN),
        daysAgo: daysAgoSchema.default(0),
        note: z.string().default(""),
      }),
    )
    .default([]),
  body: z.string().optional(),
});
export type InterestEntry = z.infer<typeof InterestFileSchema>["interest"][number];

/** A glossary term's file: `content/glossary/<slug>.md`; the body is its plain-text description (decision 058). */
export const GlossaryFileSchema = z.object({
  term: z.string().min(1),
  abbreviations: z.array(z.string()).default([]),
  otherNames: z.array(z.string()).default([]),
  welshTerms: z.array(z.string()).default([]),
  alsoFinds: z.array(z.string()).default([]),
  description: z.string().default(""),
});
export type GlossaryFile = z.infer<typeof GlossaryFileSchema> & { slug: string; file: string };

/** The roadmap folder's file that is not an item. */
export const INTEREST_FILE = "_interest.md";

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
  /** Absent (older callers, a folder without a roadmap) is the same as none. */
  roadmap?: (RoadmapFile & { file: string })[];
  interest?: InterestEntry[];
  glossary?: GlossaryFile[];
}

/**
 * Reads `<dir>/partners/*.md`, `<dir>/posts/**\/*.md`, `<dir>/roadmap/*.md`
 * `<dir>/roadmap/_interest.md` and `<dir>/glossary/*.md`. Throws naming the first bad file.
 */
export function readContentDirectory(dir: string): ContentSet {
  const roadmapDir = path.join(dir, "roadmap");
  const roadmapFiles = markdownFiles(roadmapDir);
  const interestFile = path.join(roadmapDir, INTEREST_FILE);
  return {
    partners: markdownFiles(path.join(dir, "partners")).map((file) => readFile(file, PartnerFileSchema, "description")),
    posts: markdownFiles(path.join(dir, "posts")).map((file) => ({ ...readFile(file, PostFileSchema, "body"), file })),
    // Files whose names start with "_" are about the roadmap, not items on it.
    roadmap: roadmapFiles
      .filter((file) => !path.basename(file).startsWith("_"))
      .map((file) => ({ ...readFile(file, RoadmapFileSchema, "description"), file })),
    interest: fs.existsSync(interestFile) ? readFile(interestFile, InterestFileSchema, "body").interest : [],
    glossary: markdownFiles(path.join(dir, "glossary")).map((file) => ({
      ...readFile(file, GlossaryFileSchema, "description"),
      slug: glossarySlugOf(file),
      file,
    })),
  };
}

/** A glossary file's name is its term's address (/glossary#slug, /admin/glossary/slug). */
function glossarySlugOf(file: string): string {
  const slug = path.basename(file, ".md");
  if (!SLUG_PATTERN.test(slug) || slug === "new") {
    throw new Error(
      `${file}: a glossary file's name is its address: use lower-case letters, digits and hyphens, and not "new"`,
    );
  }
  return slug;
}
