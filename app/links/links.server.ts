/**
 * The links of a record as a reader may see them, grouped by relation, from
 * either end: a roadmap item's linked posts, a post's roadmap items. A link
 * whose other end the reader may not see is left out, and a draft (a post
 * taken back from publication) never shows; an archived one shows, tagged.
 */
import { inArray } from "drizzle-orm";
import type { LinkRelation, RecordType } from "../../db/enums";
import { users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { inLocale } from "../i18n/bilingual";
import type { Locale } from "../i18n/translate";
import { type Db, getDb } from "../platform/db.server";
import { mayManageLinkBetween } from "./link-commands.server";
import { type LinkEnd, requireLinkableType } from "./link-ends.server";
import { relationsOfType } from "./link-relations";
import { linksTouching } from "./write-link.server";

/** One link as a page shows it, seen from `side`'s end. */
export interface ShownLink {
  id: number;
  relation: LinkRelation;
  other: { type: RecordType; title: string; url: string; kind: string | null; archived: boolean };
  note: string;
  linkedBy: string | null;
  /** ISO date-time. */
  linkedAt: string;
  canUnlink: boolean;
}

export interface LinkGroup {
  relation: LinkRelation;
  links: ShownLink[];
}

export interface RecordLinks {
  /** Which end the record is: "subject" (an item, listing its posts) or "object" (a post, listing its items). */
  side: "subject" | "object";
  groups: LinkGroup[];
}

/** The record's links the reader may see, by relation in display order (empty groups left out), oldest first. */
export function linksOfRecord(reader: SessionUser, self: LinkEnd, locale: Locale, db: Db = getDb()): RecordLinks {
  const touching = linksTouching(db, self.type, self.id);
  const sideOf = (row: (typeof touching)[number]) =>
    row.subjectType === self.type && row.subjectId === self.id ? "subject" : "object";
  const side: "subject" | "object" = relationsOfType(self.type, "subject").length > 0 ? "subject" : "object";
  // One side's links: a roadmap item's section lists its posts; the decisions affecting it have their own section.
  const rows = touching.filter((row) => sideOf(row) === side);
  // The other ends, loaded once per type.
  const wanted = new Map<RecordType, Set<string>>();
  for (const row of rows) {
    const [type, id] = sideOf(row) === "subject" ? [row.objectType, row.objectId] : [row.subjectType, row.subjectId];
    wanted.set(type, (wanted.get(type) ?? new Set()).add(id));
  }
  const loaded = new Map<string, LinkEnd>();
  for (const [type, ids] of wanted) {
    for (const [id, end] of requireLinkableType(type).load([...ids], db)) loaded.set(`${type}:${id}`, end);
  }
  const creatorIds = [...new Set(rows.map((row) => row.createdBy).filter((id): id is string => id !== null))];
  const creators = new Map(
    creatorIds.length > 0
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, creatorIds))
          .all()
          .map((user) => [user.id, user.name])
      : [],
  );
  const shown: ShownLink[] = [];
  for (const row of rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)) {
    const mine = sideOf(row);
    const other = loaded.get(
      mine === "subject" ? `${row.objectType}:${row.objectId}` : `${row.subjectType}:${row.subjectId}`,
    );
    if (!other) continue;
    const otherType = requireLinkableType(other.type);
    if (!otherType.canRead(reader, other)) continue;
    const archived = otherType.isArchived(other);
    // A record that takes no new links and is not archived is a draft: not there for anyone to follow.
    if (!otherType.acceptsNewLinks(other) && !archived) continue;
    const ends = mine === "subject" ? { subject: self, object: other } : { subject: other, object: self };
    shown.push({
      id: row.id,
      relation: row.relation,
      other: {
        type: other.type,
        title: inLocale(other.title, other.titleCy, locale).text,
        url: other.url,
        kind: other.kind,
        archived,
      },
      note: row.note,
      linkedBy: row.createdBy ? (creators.get(row.createdBy) ?? null) : null,
      linkedAt: row.createdAt.toISOString(),
      canUnlink: mayManageLinkBetween(reader, ends, row.relation),
    });
  }
  const order = relationsOfType(self.type, side);
  return {
    side,
    groups: order
      .map((relation) => ({ relation, links: shown.filter((link) => link.relation === relation) }))
      .filter((group) => group.links.length > 0),
  };
}

/** The record at this address, for its links section; null when there is none. */
export function linkEndBySlug(type: RecordType, slug: string, db: Db = getDb()): LinkEnd | null {
  return requireLinkableType(type).findBySlug(slug, db);
}

/** May this person link this record to something (its picker offered)? Only those who manage its links. */
export function mayLinkFrom(user: SessionUser, self: LinkEnd): boolean {
  const linkable = requireLinkableType(self.type);
  return linkable.canManageLinks(user, self) && linkable.acceptsNewLinks(self);
}

/** What a page's "linked records" section needs (see components/linked-records.tsx); null when the record is not linkable. */
export function linkedRecordsSection(
  reader: SessionUser,
  type: RecordType,
  slug: string,
  locale: Locale,
  db: Db = getDb(),
): { links: RecordLinks; ownKind: string | null; linkHref: string | null } | null {
  const self = linkEndBySlug(type, slug, db);
  if (!self) return null;
  return {
    links: linksOfRecord(reader, self, locale, db),
    ownKind: self.kind,
    linkHref: mayLinkFrom(reader, self) ? `${self.url}/links/new` : null,
  };
}
