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
const DIFF_TIMEOUT_MS = 500;

export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ type: "same", text: before }] : [];
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS });
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
