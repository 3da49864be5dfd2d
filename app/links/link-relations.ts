/**
 * What each relation links, as data (decision 043). Client-safe: the picker
 * offers only the relations the chosen record accepts, and the commands
 * refuse the rest with the same rule. A later record type (a decision, a
 * paper) adds its relations here, with their row in `link_relations`.
 */
import type { LinkRelation, RecordType } from "../../db/enums";

export interface RelationRule {
  relation: LinkRelation;
  /** The record that holds the link (a roadmap item). */
  subjectType: RecordType;
  /** The record it points at (a post). */
  objectType: RecordType;
  /** The object's kinds this relation accepts (a post's kind). */
  objectKinds: readonly string[];
}

/** In the order the subject's page shows them. */
export const RELATION_RULES: readonly RelationRule[] = [
  { relation: "drives", subjectType: "roadmap_item", objectType: "post", objectKinds: ["aspiration", "strategy"] },
  { relation: "informs", subjectType: "roadmap_item", objectType: "post", objectKinds: ["lesson", "case-study"] },
  { relation: "learned-from", subjectType: "roadmap_item", objectType: "post", objectKinds: ["lesson", "case-study"] },
  { relation: "delivers", subjectType: "roadmap_item", objectType: "post", objectKinds: ["case-study"] },
];

/** The longest note a link keeps: a sentence or two on why, not an essay. */
export const LINK_NOTE_MAX = 500;

/** The rule for a relation between these two types, if there is one. */
export function relationRule(
  relation: string,
  subjectType: RecordType,
  objectType: RecordType,
): RelationRule | undefined {
  return RELATION_RULES.find(
    (rule) => rule.relation === relation && rule.subjectType === subjectType && rule.objectType === objectType,
  );
}

/** The relations a subject of this type may hold to an object of this type and kind, in display order. */
export function relationsFor(
  subjectType: RecordType,
  objectType: RecordType,
  objectKind: string | null,
): LinkRelation[] {
  return RELATION_RULES.filter(
    (rule) =>
      rule.subjectType === subjectType &&
      rule.objectType === objectType &&
      objectKind !== null &&
      rule.objectKinds.includes(objectKind),
  ).map((rule) => rule.relation);
}

/** Does this relation accept an object of this kind? */
export function acceptsKind(
  relation: string,
  subjectType: RecordType,
  objectType: RecordType,
  objectKind: string | null,
): boolean {
  return relationsFor(subjectType, objectType, objectKind).includes(relation as LinkRelation);
}

/** The relations a record of this type can be either end of, in display order. */
export function relationsOfType(type: RecordType, side: "subject" | "object"): LinkRelation[] {
  return RELATION_RULES.filter((rule) => (side === "subject" ? rule.subjectType : rule.objectType) === type).map(
    (rule) => rule.relation,
  );
}

/** The type at the other end of links from (or to) this type: what its picker searches. */
export function otherEndType(type: RecordType): { type: RecordType; side: "subject" | "object" } | null {
  const asSubject = RELATION_RULES.find((rule) => rule.subjectType === type);
  if (asSubject) return { type: asSubject.objectType, side: "object" };
  const asObject = RELATION_RULES.find((rule) => rule.objectType === type);
  return asObject ? { type: asObject.subjectType, side: "subject" } : null;
}
