/**
 * Two revisions of a post compared field by field: the title, summary, each
 * of the kind's sections, the body and the tags word by word; the dates and
 * status as before and after. Only revisions the reader may see are offered
 * (listPostRevisions numbers them as that reader sees them).
 */
import { sectionsOf } from "../posts/post-kinds";
import type { PostSnapshot } from "../posts/post-snapshot";
import { DIFF_TIMEOUT_MS, type DiffPart, diffText, hasChanges } from "./text-diff.server";

export type ComparedField =
  | { key: string; type: "text"; parts: DiffPart[]; changed: boolean }
  | { key: string; type: "value"; before: string | null; after: string | null; changed: boolean };

/** Dates later snapshot versions may carry (a lesson's event date, an aspiration's target date). */
type DatedSnapshot = PostSnapshot & { eventDate?: string | null; targetDate?: string | null };

function textFieldWithin(key: string, before: string, after: string, deadline: number): ComparedField {
  const parts = diffText(before, after, deadline);
  return { key, type: "text", parts, changed: hasChanges(parts) };
}

function valueField(key: string, before: string | null | undefined, after: string | null | undefined): ComparedField {
  const b = before ?? null;
  const a = after ?? null;
  return { key, type: "value", before: b, after: a, changed: b !== a };
}

/**
 * The fields of `before` and `after` compared, in the page's reading order.
 * Field keys are message keys (the section names are the kind's sections).
 */
export function comparePostSnapshots(before: DatedSnapshot, after: DatedSnapshot): ComparedField[] {
  const sections = [...new Set([...sectionsOf(before.kind), ...sectionsOf(after.kind)])];
  // One time budget for the whole page: past it, the remaining fields show old and new whole.
  const deadline = Date.now() + DIFF_TIMEOUT_MS;
  const textField = (key: string, b: string, a: string) => textFieldWithin(key, b, a, deadline);
  return [
    textField("compare.field.title", before.title, after.title),
    textField("compare.field.summary", before.summary, after.summary),
    ...sections.map((section) =>
      textField(`sections.${section}`, before.sections[section] ?? "", after.sections[section] ?? ""),
    ),
    textField("compare.field.body", before.body, after.body),
    // Tags are a set: compared in one order, so reordering them is no change.
    textField("compare.field.tags", [...before.tags].sort().join(", "), [...after.tags].sort().join(", ")),
    valueField("compare.field.status", `statuses.${before.status}`, `statuses.${after.status}`),
    valueField("compare.field.published", before.publishedAt?.slice(0, 10), after.publishedAt?.slice(0, 10)),
    valueField("compare.field.eventDate", before.eventDate, after.eventDate),
    valueField("compare.field.targetDate", before.targetDate, after.targetDate),
  ].filter((field) => field.type === "text" || field.before !== null || field.after !== null);
}
