/**
 * What the index holds besides a record's own document, to find it by the
 * words staff use: every name of its partners (full, short and Welsh), and
 * the other forms of its words (see word-forms.ts). Added to every document
 * of every type in one place, as the relay and the rebuild build them.
 */
import { POST_KINDS } from "../../db/enums";
import { translator } from "../i18n/translate";
import { listPartners } from "../partners/partners.server";
import type { Db } from "../platform/db.server";
import type { SearchDocument } from "./search-document.server";
import { missingWordForms } from "./word-forms";

export interface SearchAids {
  /** Every name of the record's partners: "Newport City Council", "Newport", "Cyngor Dinas Casnewydd", "Casnewydd". */
  partnerAliases: string[];
  /** Regular forms of the record's words that it does not hold itself ("reducing" for "reduced"). */
  wordForms: string[];
  /** A post's kind in words ("Lesson learned", "Case study"): what staff type for "every lesson". */
  kindName: string | null;
}

const t = translator();
const KIND_NAMES: Record<string, string> = Object.fromEntries(POST_KINDS.map((kind) => [kind, t(`kinds.${kind}`)]));

export type IndexedDocument = SearchDocument & SearchAids;

/** Each partner's names by slug, read once for a batch of documents. */
export function partnerAliasesBySlug(db: Db): Map<string, string[]> {
  return new Map(
    listPartners(db).map((partner) => [
      partner.slug,
      [
        ...new Set(
          [partner.name, partner.shortName, partner.nameCy, partner.shortNameCy].filter(
            (name): name is string => !!name,
          ),
        ),
      ],
    ]),
  );
}

/** The document with its aids: the partners' names, and its words' other forms. */
export function withSearchAids(document: SearchDocument, aliases: Map<string, string[]>): IndexedDocument {
  const kindName = document.type === "post" && document.kind ? (KIND_NAMES[document.kind] ?? null) : null;
  const texts = [
    kindName ?? "",
    document.title,
    document.summary,
    ...Object.values(document.sections),
    document.body,
    document.tags.join(" "),
    ...document.linkedItemTitles,
  ];
  return {
    ...document,
    partnerAliases: [...new Set(document.partners.flatMap((slug) => aliases.get(slug) ?? []))],
    wordForms: missingWordForms(texts),
    kindName,
  };
}
