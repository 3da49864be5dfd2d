/**
 * Topics' names. Posts carry normalised tags ("microsoft-365"); people see
 * the name as it was first written ("Microsoft 365"), or, for a tag nobody
 * named (imported before names were kept), the tag in words ("Cloud migration").
 */
import { inArray } from "drizzle-orm";
import { topics } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";
import { normaliseTag } from "./slug";
import { tagInWords } from "./topic-words";

export { tagInWords };

/**
 * Keeps the names of topics as written ("Microsoft 365"), for tags that have
 * none yet: the first spelling stays. Names are one line, already checked by
 * the form's validation.
 */
export function rememberTopicNames(tx: Db, names: readonly string[]): void {
  const rows = names
    .map((label) => ({ tag: normaliseTag(label), label: label.replace(/\s+/g, " ").trim() }))
    .filter((row) => row.tag && row.label);
  if (rows.length > 0) tx.insert(topics).values(rows).onConflictDoNothing().run();
}

/** The names of these tags, each its own name or the tag in words. */
export function topicNames(tags: readonly string[], db: Db = getDb()): Map<string, string> {
  const names = new Map(tags.map((tag) => [tag, tagInWords(tag)]));
  if (tags.length === 0) return names;
  const unique = [...new Set(tags)];
  // SQLite allows 32,766 parameters; chunk well below it.
  for (let start = 0; start < unique.length; start += 500) {
    const chunk = unique.slice(start, start + 500);
    for (const row of db.select().from(topics).where(inArray(topics.tag, chunk)).all()) names.set(row.tag, row.label);
  }
  return names;
}

/** The names these tags will have once saved with these spellings: a name already kept stays (rememberTopicNames). */
export function namesOnceSaved(
  tags: readonly string[],
  typed: readonly string[],
  db: Db = getDb(),
): Map<string, string> {
  const names = new Map(tags.map((tag, index) => [tag, typed[index] ?? tagInWords(tag)]));
  if (tags.length === 0) return names;
  for (const row of db
    .select()
    .from(topics)
    .where(inArray(topics.tag, [...tags]))
    .all())
    names.set(row.tag, row.label);
  return names;
}

/** Every tag in use on published posts, with its name, as suggestions for the post form (most used first). */
export function tagSuggestions(
  tagsInUse: readonly { tag: string }[],
  db: Db = getDb(),
): { tag: string; name: string }[] {
  const names = topicNames(
    tagsInUse.map((row) => row.tag),
    db,
  );
  return tagsInUse.map(({ tag }) => ({ tag, name: names.get(tag) ?? tagInWords(tag) }));
}
