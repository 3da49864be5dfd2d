/** The post form's fields in the order the page shows them, for an error summary that reads top to bottom. */
import { type PostKind, sectionsOf } from "./post-kinds";

/** The kinds with an event date (as DATED_KINDS in post-schemas.ts, as a list for the browser). */
export const DATED_KIND_LIST: readonly PostKind[] = ["lesson", "case-study"];

export function fieldOrder(kind: PostKind): string[] {
  return [
    "kind",
    "title",
    "summary",
    "partner",
    "contact",
    "eventDate",
    "targetDate",
    ...sectionsOf(kind).map((key) => `section.${key}`),
    "body",
    "tags",
    "reviewBy",
    "changeNote",
    "slug",
    "status",
  ];
}
