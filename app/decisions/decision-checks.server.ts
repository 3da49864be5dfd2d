/**
 * What a decision's form names, checked against the database: the agenda
 * item is one of its meeting's, the lead officer an active account, the
 * decision that supersedes it exists, is another decision and does not make
 * a cycle. Each problem is a form error on its own field. The commands and
 * the demo import both check through here.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { agendaItems, decisions, partners, users } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";
import { ValidationError } from "../platform/errors";
import { normaliseDecisionReference } from "./decision-references";
import type { DecisionRow } from "./decision-writes.server";

/** The agenda item (of this meeting) a decision is on, or none. */
export function resolveAgendaItem(
  tx: Db,
  meetingId: number,
  agendaItemId: number | null,
): { agendaItemId: number | null; agendaItemConfidential: boolean } {
  if (agendaItemId === null) return { agendaItemId: null, agendaItemConfidential: false };
  const item = tx
    .select({ id: agendaItems.id, confidential: agendaItems.confidential })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, meetingId)))
    .get();
  if (!item) throw new ValidationError({ agendaItem: ["decisions.errors.agendaItem.unknown"] });
  return { agendaItemId: item.id, agendaItemConfidential: item.confidential };
}

/** A lead officer must be someone who can still sign in. */
export function resolveLeadOfficer(tx: Db, userId: string | null): string | null {
  if (userId === null) return null;
  const found = tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)))
    .get();
  if (!found) throw new ValidationError({ leadOfficer: ["decisions.errors.leadOfficer.unknown"] });
  return found.id;
}

export interface LeadOfficerChoice {
  id: string;
  name: string;
  partnerName: string;
}

/** Everyone a lead officer may be chosen from: every active account, by name. */
export function listLeadOfficers(db: Db = getDb()): LeadOfficerChoice[] {
  return db
    .select({ id: users.id, name: users.name, partnerName: partners.name })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(isNull(users.deactivatedAt))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

/** The longest chain of supersessions followed before giving up: far more than any register holds. */
const MOST_LINKS = 10_000;

/**
 * The decision (of any board) that supersedes `current`, by reference: it
 * must exist, be another decision, and not be superseded, directly or down
 * a chain, by `current` itself (which would make a cycle).
 */
export function resolveSupersedingDecision(tx: Db, current: DecisionRow, rawReference: string): number {
  if (!rawReference) throw new ValidationError({ supersededBy: ["decisions.errors.supersededBy.required"] });
  const reference = normaliseDecisionReference(rawReference);
  const superseding = reference
    ? tx
        .select({ id: decisions.id, supersededById: decisions.supersededById })
        .from(decisions)
        .where(eq(decisions.reference, reference))
        .get()
    : undefined;
  if (!superseding) throw new ValidationError({ supersededBy: ["decisions.errors.supersededBy.unknown"] });
  if (superseding.id === current.id)
    throw new ValidationError({ supersededBy: ["decisions.errors.supersededBy.self"] });
  let next = superseding.supersededById;
  for (let steps = 0; next !== null && steps < MOST_LINKS; steps++) {
    if (next === current.id) throw new ValidationError({ supersededBy: ["decisions.errors.supersededBy.cycle"] });
    next =
      tx.select({ next: decisions.supersededById }).from(decisions).where(eq(decisions.id, next)).get()?.next ?? null;
  }
  return superseding.id;
}
