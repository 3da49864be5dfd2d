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
  /** The object's kinds this relation accepts (a post's kind); null when the object type has no kinds. */
  objectKinds: readonly string[] | null;
  /**
   * Whose managers add and remove it: either end's (a post's editor may link
   * their post to an item), or the subject's alone (a board's decision is
   * linked to the items it affects by the board's managers, not by the items' owners).
   */
  managedBy: "either" | "subject";
}

/** In the order the subject's page shows them. */
export const RELATION_RULES: readonly RelationRule[] = [
  {
    relation: "drives",
    subjectType: "roadmap_item",
    objectType: "post",
    objectKinds: ["aspiration", "strategy"],
    managedBy: "either",
  },
  {
    relation: "informs",
    subjectType: "roadmap_item",
    objectType: "post",
    objectKinds: ["lesson", "case-study"],
    managedBy: "either",
  },
  {
    relation: "learned-from",
    subjectType: "roadmap_item",
    objectType: "post",
    objectKinds: ["lesson", "case-study"],
    managedBy: "either",
  },
  {
    relation: "delivers",
    subjectType: "roadmap_item",
    objectType: "post",
    objectKinds: ["case-study"],
    managedBy: "either",
  },
  // A board's decision affects roadmap items (decision 053).
  { relation: "affects", subjectType: "decision", objectType: "roadmap_item", objectKinds: null, managedBy: "subject" },
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
      (rule.objectKinds === null || (objectKind !== null && rule.objectKinds.includes(objectKind))),
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

/**
 * The relations a record of this type can be either end of, in display
 * order; with `otherType`, only those whose other end is of that type (a
 * roadmap item's posts, not the decisions that affect it).
 */
export function relationsOfType(type: RecordType, side: "subject" | "object", otherType?: RecordType): LinkRelation[] {
  return RELATION_RULES.filter(
    (rule) =>
      (side === "subject" ? rule.subjectType : rule.objectType) === type &&
      (otherType === undefined || (side === "subject" ? rule.objectType : rule.subjectType) === otherType),
  ).map((rule) => rule.relation);
}

/**
 * The type at the other end of links from (or to) this type: what its
 * picker searches. A type that holds links searches what it links to (a
 * roadmap item, posts; a decision, roadmap items); a type that is only
 * linked to searches what links to it (a post, roadmap items), among the
 * relations its own managers may add: a roadmap item is the object of a
 * decision's "affects", but that link is made from the decision.
 */
export function otherEndType(type: RecordType): { type: RecordType; side: "subject" | "object" } | null {
  const asSubject = RELATION_RULES.find((rule) => rule.subjectType === type);
  if (asSubject) return { type: asSubject.objectType, side: "object" };
  const asObject = RELATION_RULES.find((rule) => rule.objectType === type && rule.managedBy === "either");
  return asObject ? { type: asObject.subjectType, side: "subject" } : null;
}

/** May the managers of either end add and remove links of this relation, or only the subject's? */
export function relationManagedBy(relation: LinkRelation): "either" | "subject" {
  return RELATION_RULES.find((rule) => rule.relation === relation)?.managedBy ?? "either";
}
