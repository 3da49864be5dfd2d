/**
 * The relevance set's record keys that name a record in the demo content and
 * that a signed-in reader may see: published posts, roadmap items, meetings,
 * and decisions and papers that are not confidential. Read from content/
 * itself, so a renamed or withdrawn demo record fails a test, not only the
 * evaluation. Keys: see relevance-set.ts.
 */
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";

function frontMatter(file: string): Record<string, unknown> {
  return matter(fs.readFileSync(file, "utf8")).data as Record<string, unknown>;
}

function markdownFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".md") && !name.startsWith("_"))
    .map((name) => path.join(folder, name));
}

function listed(file: string, field: string): Record<string, unknown>[] {
  if (!fs.existsSync(file)) return [];
  const entries = frontMatter(file)[field];
  return Array.isArray(entries) ? (entries as Record<string, unknown>[]) : [];
}

export interface ContentKeys {
  /** Keys of records any signed-in member of staff may see. */
  visible: Set<string>;
  /** Keys of records that exist but a reader may not see (drafts, confidential). */
  hidden: Set<string>;
}

export function readContentKeys(contentDir: string): ContentKeys {
  const visible = new Set<string>();
  const hidden = new Set<string>();
  const postsDir = path.join(contentDir, "posts");
  for (const partner of fs.existsSync(postsDir) ? fs.readdirSync(postsDir) : []) {
    for (const file of markdownFiles(path.join(postsDir, partner))) {
      const data = frontMatter(file);
      (data.status === "published" ? visible : hidden).add(`post:${String(data.slug)}`);
    }
  }
  for (const file of markdownFiles(path.join(contentDir, "roadmap"))) {
    visible.add(`roadmap:${String(frontMatter(file).slug)}`);
  }
  const boardsDir = path.join(contentDir, "boards");
  for (const board of fs.existsSync(boardsDir) ? fs.readdirSync(boardsDir) : []) {
    const boardDir = path.join(boardsDir, board);
    for (const file of markdownFiles(path.join(boardDir, "meetings"))) {
      visible.add(`meeting:${board}/${path.basename(file, ".md")}`);
    }
    for (const decision of listed(path.join(boardDir, "decisions.md"), "decisions")) {
      (decision.confidential === true ? hidden : visible).add(`decision:${board}/${String(decision.key)}`);
    }
    for (const paper of listed(path.join(boardDir, "papers", "_papers.md"), "papers")) {
      (paper.confidential === true ? hidden : visible).add(`paper:${board}/${String(paper.file)}`);
    }
  }
  return { visible, hidden };
}

/** The set's keys that do not name a record a reader may see, each with why. */
export function unknownKeys(keys: Iterable<string>, content: ContentKeys): string[] {
  const problems: string[] = [];
  for (const key of new Set(keys)) {
    if (content.visible.has(key)) continue;
    problems.push(content.hidden.has(key) ? `${key} (a reader may not see it)` : `${key} (no such record in content/)`);
  }
  return problems;
}
