/**
 * Word-level differences between two versions of a text, for the revision
 * compare view. The parts are plain text: the page shows them as text, never
 * as HTML, whatever Markdown or markup they hold.
 */
import { diffWords } from "diff";

export type DiffPartType = "same" | "added" | "removed";

export interface DiffPart {
  type: DiffPartType;
  text: string;
}

/** Past this (a very long body rewritten throughout) the comparison gives up and shows old and new whole. */
export const DIFF_TIMEOUT_MS = 500;

/**
 * `deadline` (a Date.now() value) is shared by every field of one comparison,
 * so a page of many long fields still answers within DIFF_TIMEOUT_MS or so.
 */
export function diffText(before: string, after: string, deadline = Date.now() + DIFF_TIMEOUT_MS): DiffPart[] {
  if (before === after) return before ? [{ type: "same", text: before }] : [];
  const left = deadline - Date.now();
  const changes = left > 0 ? diffWords(before, after, { timeout: left }) : undefined;
  if (!changes) {
    return [
      ...(before ? [{ type: "removed" as const, text: before }] : []),
      ...(after ? [{ type: "added" as const, text: after }] : []),
    ];
  }
  return changes
    .filter((change) => change.value !== "")
    .map((change) => ({
      type: change.added ? "added" : change.removed ? "removed" : "same",
      text: change.value,
    }));
}

/** True when the parts show any change at all. */
export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((part) => part.type !== "same");
}
