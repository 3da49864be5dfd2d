/** The posts index as code: its settings and the shape of its documents. */
import { isDeepStrictEqual } from "node:util";
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import type { PostKind, PostStatus } from "../../db/enums";
import { getSearchClient, type Settings, succeeded } from "./meili.server";

export const POSTS_INDEX = "posts";

/** Words council and police IT staff use for the same thing; each group is fully interchangeable. */
export const SYNONYM_GROUPS: string[][] = [
  ["microsoft 365", "m365", "o365", "office 365", "office365"],
  ["teams", "ms teams", "microsoft teams"],
  ["mfa", "2fa", "two-factor", "two factor", "multi-factor authentication", "multi-factor"],
  ["wfh", "remote working", "home working", "working from home", "hybrid working"],
  ["cyber security", "cybersecurity", "information security", "infosec"],
  ["psn", "public services network"],
  ["soc", "security operations centre", "security operations center"],
  ["rpa", "robotic process automation"],
  ["ai", "artificial intelligence", "genai", "generative ai"],
  ["sd-wan", "sdwan"],
  ["voip", "cloud telephony"],
  ["welsh", "cymraeg"],
  ["laptop", "device", "end user device"],
];

function synonymMap(groups: string[][]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) map[word] = group.filter((other) => other !== word);
  }
  return map;
}

export const POSTS_INDEX_SETTINGS = {
  searchableAttributes: ["title", "summary", "sections", "body", "tags", "partnerName"],
  filterableAttributes: ["kind", "partner", "tags", "status", "year", "visibility"],
  sortableAttributes: ["publishedAt", "updatedAt"],
  displayedAttributes: ["*"],
  synonyms: synonymMap(SYNONYM_GROUPS),
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10_000 },
} satisfies Settings;

export interface SearchDocument {
  id: number;
  slug: string;
  title: string;
  summary: string;
  sections: string;
  body: string;
  tags: string[];
  kind: PostKind;
  status: PostStatus;
  partner: string;
  partnerName: string;
  /** Who may see it: "all", or "partner:<slug>" for that partner's editors (admins see everything). */
  visibility: string[];
  year: number;
  publishedAt: number | null;
  updatedAt: number;
}

export interface IndexablePost {
  id: number;
  slug: string;
  title: string;
  summary: string;
  body: string;
  sections: Record<string, string>;
  tags: string[];
  kind: PostKind;
  status: PostStatus;
  partner: { slug: string; name: string };
  publishedAt: Date | null;
  updatedAt: Date;
}

const textMarked = new Marked({ gfm: true });
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** Markdown to the plain words search should match, without markup. */
export function markdownToText(markdown: string): string {
  const html = textMarked.parse(markdown, { async: false });
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

export function toSearchDocument(post: IndexablePost): SearchDocument {
  const dated = post.publishedAt ?? post.updatedAt;
  return {
    id: post.id,
    slug: post.slug,
    title: post.title,
    summary: post.summary,
    sections: Object.values(post.sections).map(markdownToText).join("\n"),
    body: markdownToText(post.body),
    tags: post.tags,
    kind: post.kind,
    status: post.status,
    partner: post.partner.slug,
    partnerName: post.partner.name,
    visibility: post.status === "published" ? ["all"] : [`partner:${post.partner.slug}`],
    year: dated.getUTCFullYear(),
    publishedAt: post.publishedAt?.getTime() ?? null,
    updatedAt: post.updatedAt.getTime(),
  };
}

/**
 * Creates the index if needed and applies the settings when they differ
 * (changing settings reindexes every document, so unchanged ones are left).
 */
export async function ensurePostsIndex(uid: string = POSTS_INDEX): Promise<void> {
  const client = getSearchClient();
  const exists = await client.getRawIndex(uid).then(
    () => true,
    (error: { cause?: { code?: string } }) => {
      if (error?.cause?.code === "index_not_found") return false;
      throw error;
    },
  );
  if (!exists) await succeeded(client.createIndex(uid, { primaryKey: "id" }));
  const index = client.index(uid);
  const current = (await index.getSettings()) as Record<string, unknown>;
  const differs = Object.entries(POSTS_INDEX_SETTINGS).some(([key, value]) =>
    // The order of searchable attributes is their ranking, so it must match exactly.
    key === "searchableAttributes"
      ? !isDeepStrictEqual(current[key], value)
      : !isDeepStrictEqual(normalise(current[key]), normalise(value)),
  );
  if (differs) await succeeded(index.updateSettings(POSTS_INDEX_SETTINGS));
}

/** Meilisearch returns settings in its own order and with extra defaults; compare like with like. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return [...value].map(normalise).sort();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== "sortFacetValuesBy")
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, normalise(inner)]),
    );
  }
  return value;
}
