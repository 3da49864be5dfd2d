/**
 * The link picker behind `/posts/:slug/links/new` and `/roadmap/:slug/links/new`,
 * written once for any linkable type: search the other end's type through the
 * search module, choose one record, then a relation it accepts and a note.
 * Everything it offers is checked again by addLink when the form comes back.
 */
import type { LinkRelation, RecordType } from "../../db/enums";
import type { SessionUser } from "../auth/principals";
import { inLocale } from "../i18n/bilingual";
import type { Locale } from "../i18n/translate";
import { type Db, getDb } from "../platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "../platform/errors";
import { SearchUnavailableError } from "../search/meili.server";
import { type FoundRecord, searchRecordsOfTypes } from "../search/search.server";
import { type AddedLink, addLink } from "./link-commands.server";
import { type LinkEnd, loadEnd, requireLinkableType } from "./link-ends.server";
import { otherEndType, relationsFor } from "./link-relations";

/** How many results the picker lists: enough to choose from, few enough to read. */
export const PICKER_RESULTS = 10;

export interface PickerSelf {
  end: LinkEnd;
  /** The type the picker searches, and which end of the link it will be. */
  other: { type: RecordType; side: "subject" | "object" };
  /** Does the person manage this record's links? If not, they may link only records of the other type they manage. */
  managesSelf: boolean;
}

/**
 * The picker's own record. Its search offers every record of the other type,
 * so the page is for those who manage this record's links; a link sent to it
 * (`sending`) is decided by the link rule alone, which also lets the other
 * end's managers in (a post's editor linking their post to this item).
 */
export function pickerSelf(
  user: SessionUser,
  type: RecordType,
  slug: string,
  { sending = false }: { sending?: boolean } = {},
  db: Db = getDb(),
): PickerSelf {
  const linkable = requireLinkableType(type);
  const end = linkable.findBySlug(slug, db);
  if (!end || !linkable.canRead(user, end)) throw new NotFoundError("No such record");
  const managesSelf = linkable.canManageLinks(user, end);
  if ((!sending && !managesSelf) || !linkable.acceptsNewLinks(end)) {
    throw new ForbiddenError("You may not link this record");
  }
  const other = otherEndType(type);
  if (!other) throw new ForbiddenError("This record cannot be linked");
  return { end, other, managesSelf };
}

export interface PickerResult {
  id: string;
  title: string;
  kind: string | null;
  partnerNames: string[];
}

const toResult = (found: FoundRecord): PickerResult => ({
  id: found.recordId,
  title: found.title,
  kind: found.kind,
  partnerNames: found.partnerNames,
});

/** The records of the other type matching `q` that could be linked; null when search is not available. */
export async function pickerResults(user: SessionUser, self: PickerSelf, q: string): Promise<PickerResult[] | null> {
  const statuses = requireLinkableType(self.other.type).pickableStatuses;
  try {
    const found = await searchRecordsOfTypes(user, q, [{ type: self.other.type, statuses }], PICKER_RESULTS);
    return found.map(toResult);
  } catch (error) {
    if (error instanceof SearchUnavailableError) return null;
    throw error;
  }
}

/** The relations a link between these two could have, from whichever end is which. */
export function relationsBetween(self: PickerSelf, other: LinkEnd): LinkRelation[] {
  return self.other.side === "object"
    ? relationsFor(self.end.type, other.type, other.kind)
    : relationsFor(other.type, self.end.type, self.end.kind);
}

export interface ChosenRecord {
  id: string;
  title: string;
  url: string;
  kind: string | null;
  relations: LinkRelation[];
}

/** The record chosen in the picker, if it is one this person could link; null otherwise. */
export function chosenRecord(
  user: SessionUser,
  self: PickerSelf,
  id: string,
  locale: Locale,
  db: Db = getDb(),
): ChosenRecord | null {
  if (!/^\d{1,15}$/.test(id)) return null;
  const linkable = requireLinkableType(self.other.type);
  const end = loadEnd(self.other.type, id, db);
  if (!end || !linkable.canRead(user, end) || !linkable.acceptsNewLinks(end)) return null;
  return {
    id: end.id,
    title: inLocale(end.title, end.titleCy, locale).text,
    url: end.url,
    kind: end.kind,
    relations: relationsBetween(self, end),
  };
}

/** Links the chosen record to the picker's own, as the form sent it. */
export function linkFromPicker(
  user: SessionUser,
  self: PickerSelf,
  form: { record: unknown; relation: unknown; note: unknown },
): AddedLink {
  const id = typeof form.record === "string" ? form.record.trim() : "";
  const wellFormed = /^\d{1,15}$/.test(id);
  if (!self.managesSelf) {
    // Only someone who manages the chosen record's links may link it from here: everyone else is refused
    // before anything they sent is weighed.
    const chosen = wellFormed ? loadEnd(self.other.type, id, getDb()) : null;
    const linkable = requireLinkableType(self.other.type);
    if (!chosen || !linkable.canRead(user, chosen) || !linkable.canManageLinks(user, chosen)) {
      throw new ForbiddenError("You may not link this record");
    }
  }
  if (!wellFormed) throw new ValidationError({ record: ["errors.links.chooseRecord"] });
  const relation = typeof form.relation === "string" ? form.relation : "";
  const selfRef = { type: self.end.type, id: self.end.id };
  const otherRef = { type: self.other.type, id };
  return addLink(user, {
    subject: self.other.side === "object" ? selfRef : otherRef,
    relation,
    object: self.other.side === "object" ? otherRef : selfRef,
    note: form.note,
  });
}
