/**
 * A decision found by its permanent reference, as people type it into a
 * search box: any case, surrounding spaces, the number with or without its
 * leading zeros (`sb-2026-14` is `SB-2026-014`). Every member of staff may
 * see every decision's place in the register, so the jump to it is theirs;
 * what its page shows of a confidential one is the decision policy's.
 */
import { and, eq } from "drizzle-orm";
import { boards, decisions } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import type { Translate } from "../i18n/translate";
import { type Db, getDb } from "../platform/db.server";
import type { Suggestion } from "../search/search-query";
import { canOnDecision } from "./decision-policy.server";
import { decisionUrl } from "./decision-search.server";

const REFERENCE = /^([A-Za-z]{2,6})-(\d{4})-(\d{1,6})$/;

export interface ReferenceParts {
  prefix: string;
  year: number;
  number: number;
}

/** The parts of a typed reference, or null when the words are not one. */
export function parseDecisionReference(typed: string): ReferenceParts | null {
  const match = REFERENCE.exec(typed.trim());
  if (!match) return null;
  return { prefix: (match[1] ?? "").toUpperCase(), year: Number(match[2]), number: Number(match[3]) };
}

/** The decision a typed reference names, if it exists. */
function decisionByReference(typed: string, db: Db) {
  const parts = parseDecisionReference(typed);
  if (!parts) return null;
  return (
    db
      .select({
        reference: decisions.reference,
        title: decisions.title,
        boardId: decisions.boardId,
        confidential: decisions.confidential,
      })
      .from(decisions)
      .innerJoin(boards, eq(decisions.boardId, boards.id))
      .where(
        and(
          eq(boards.referencePrefix, parts.prefix),
          eq(decisions.year, parts.year),
          eq(decisions.number, parts.number),
        ),
      )
      .get() ?? null
  );
}

/** Where a search for these words goes straight to: the decision's page, when they are its reference. */
export function decisionAddressFor(user: SessionUser, typed: string, db: Db = getDb()): string | null {
  const decision = decisionByReference(typed, db);
  if (!decision || !canOnDecision(user, "read", decision)) return null;
  return decisionUrl(decision.reference);
}

/**
 * The suggestion for a typed reference: the reference and title, or the
 * reference and "Restricted" for a confidential decision the person may not
 * read (its place in the register, never its title).
 */
export function decisionReferenceSuggestion(
  user: SessionUser,
  typed: string,
  t: Translate,
  db: Db = getDb(),
): Suggestion | null {
  const decision = decisionByReference(typed, db);
  if (!decision || !canOnDecision(user, "read", decision)) return null;
  const title = canOnDecision(user, "readContent", decision)
    ? `${decision.reference}: ${decision.title}`
    : t("boardSearch.restricted", { reference: decision.reference });
  return { type: "decision", url: decisionUrl(decision.reference), title, kind: null, partnerNames: [] };
}
