/**
 * The record types that can be an end of a typed link (decision 043), each
 * saying how to load an end and who may manage links on it. Links are stored
 * by type and id alone; everything a page or a rule needs of an end comes
 * from here. A later type (a decision, a paper) adds a module shaped like
 * post-link-end.server.ts and one line in LINKABLE_TYPES.
 */
import type { RecordType } from "../../db/enums";
import type { SessionUser } from "../auth/principals";
import type { Db } from "../platform/db.server";
import { decisionLinkEnd } from "./decision-link-end.server";
import { postLinkEnd } from "./post-link-end.server";
import { roadmapItemLinkEnd } from "./roadmap-item-link-end.server";

/** One end of a link, as loaded. */
export interface LinkEnd {
  type: RecordType;
  id: string;
  slug: string;
  title: string;
  titleCy: string | null;
  url: string;
  status: string;
  /** The type's own category (a post's kind), or null. */
  kind: string | null;
  /** The partners the record concerns: a post's partner, an item's partners taking part. */
  partnerIds: number[];
  /** What the type's policy needs and the rest does not (an item's owner): read only by its own module. */
  access: unknown;
}

export interface LinkableType {
  type: RecordType;
  /** The ends that exist among `ids`; missing ids are records that do not (or no longer) exist. */
  load(ids: string[], db: Db): Map<string, LinkEnd>;
  /** The end at this address (its slug), or null. */
  findBySlug(slug: string, db: Db): LinkEnd | null;
  /** May this person see the record (its policy's readers)? */
  canRead(user: SessionUser, end: LinkEnd): boolean;
  /** May this person add and remove links on this end (its policy)? */
  canManageLinks(user: SessionUser, end: LinkEnd): boolean;
  /** May a new link point at it now (a post only while published)? */
  acceptsNewLinks(end: LinkEnd): boolean;
  /** Is it shown with an "archived" tag on the other end's page? */
  isArchived(end: LinkEnd): boolean;
  /** The statuses the picker searches for (those that take new links); undefined means all. */
  pickableStatuses?: readonly string[];
}

const LINKABLE_TYPES: readonly LinkableType[] = [postLinkEnd, roadmapItemLinkEnd, decisionLinkEnd];

export function linkableType(type: string): LinkableType | undefined {
  return LINKABLE_TYPES.find((linkable) => linkable.type === type);
}

/** The registered type, or an error: a link row of an unknown type is a bug, not bad input. */
export function requireLinkableType(type: string): LinkableType {
  const linkable = linkableType(type);
  if (!linkable) throw new Error(`Record type ${type} cannot be linked`);
  return linkable;
}

export function loadEnd(type: RecordType, id: string, db: Db): LinkEnd | null {
  return requireLinkableType(type).load([id], db).get(id) ?? null;
}
