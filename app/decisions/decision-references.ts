/**
 * A decision's permanent reference, `SB-2026-014`: its board's prefix, the
 * year of its meeting and its number within that board and year (three
 * digits, more once a board passes 999 in a year). Client-safe.
 */

/** The reference of the `number`th decision of a board in a year. */
export function formatDecisionReference(prefix: string, year: number, number: number): string {
  return `${prefix}-${year}-${String(number).padStart(3, "0")}`;
}

const REFERENCE = /^([A-Za-z]{2,6})-(\d{4})-(\d{3,6})$/;

/** A reference as typed or in an address, in its stored (capital) form; null when it cannot be one. */
export function normaliseDecisionReference(raw: string): string | null {
  const trimmed = raw.trim();
  return REFERENCE.test(trimmed) ? trimmed.toUpperCase() : null;
}

/** Does this text look like a decision reference (for a search that should go straight to it)? */
export function looksLikeDecisionReference(raw: string): boolean {
  return normaliseDecisionReference(raw) !== null;
}
