/**
 * The one shape every record takes in the search index, and what each
 * searchable record type provides to fill it. One index holds every type
 * (see docs/decisions/010-one-search-index.md); `type` tells them apart.
 */
import type { RecordType } from "../../db/enums";
import type { Principal } from "../auth/principals";
import type { EventRow } from "../events/event-log.server";
import type { Db } from "../platform/db.server";
import type { BoardFacts } from "./finder-results";

export interface SearchDocument {
  /** `<type>-<record id>`: unique across types. */
  id: string;
  type: RecordType;
  recordId: string;
  /** Where the record's page is. */
  url: string;
  title: string;
  summary: string;
  /**
   * The record's structured parts as plain text, each its own attribute in
   * reading order (a lesson's drivingEvent, lesson, recommendation...), so that
   * a result can say which part matched ("Matched in: Recommendation").
   */
  sections: Record<string, string>;
  /** The record's main text as plain text. */
  body: string;
  tags: string[];
  /** The type's own category (a post's kind), or null. */
  kind: string | null;
  status: string;
  /** Slugs and names of the partners the record belongs to. */
  partners: string[];
  partnerNames: string[];
  /** Who may see it: the record policy's readers. Search filters on the asker's principals. */
  visibility: Principal[];
  year: number;
  /** The date lists show (publication, else last update), in ms. */
  date: number;
  updatedAt: number;
  /** A roadmap item's latest RAG rating; null for other types and items with no update yet. */
  rag: string | null;
  /** The name of a roadmap item's theme (its `kind` is the theme's slug); null for other types. */
  themeName: string | null;
  /** Slugs of the roadmap items a post is linked to (the finder's "Roadmap item" filter). */
  linkedItems: string[];
  /** Their titles, so that words find a post by the initiative it belongs to. */
  linkedItemTitles: string[];
  /**
   * Where a board record belongs, for its result card: the board's name, the
   * meeting's start (ms) and a paper's file type. Absent for other types.
   */
  boardFacts?: BoardFacts;
  /**
   * The id of the last event that changed what this document says (see
   * SearchSource.versionsAfter): the index check compares it with SQLite.
   */
  version: number;
}

export function documentId(recordType: RecordType, recordId: string | number): string {
  return `${recordType}-${recordId}`;
}

/**
 * What a searchable record type gives the search module. Documents are
 * built per record, and a record whose document cannot be built comes back
 * as an Error for that record alone, so it never blocks the others.
 */
export interface SearchSource {
  recordType: RecordType;
  /** Ids of this type's records whose documents the event may change (a partner's rename changes its posts'). */
  affectedBy(event: EventRow, db: Db): string[];
  /** For each id: its document, null when it is gone or not searchable (remove it), or the Error that stopped it. */
  documents(ids: string[], db: Db): Map<string, SearchDocument | null | Error>;
  /** Up to `limit` ids after `afterId` in id order, for a full rebuild. */
  idsAfter(afterId: string | null, limit: number, db: Db): string[];
  /**
   * Up to `limit` records after `afterId`, in id order, that should have a
   * document, each with the version its document would carry: the id of the
   * last event among those `affectedBy` maps to it. One query per page, so
   * that the index check compares thousands of records cheaply.
   */
  versionsAfter(afterId: string | null, limit: number, db: Db): { recordId: string; version: number }[];
  /** A title and address for each record that still exists, for the administrators' page. */
  describe(ids: string[], db: Db): Map<string, { title: string; url: string }>;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * The documents of `ids` (numeric record ids), for a SearchSource's
 * `documents`. Rows are read in one query, or one by one when that fails (one
 * unreadable row, say broken JSON, fails the whole query), so a record that
 * cannot be read or built comes back as its own Error and never stops the
 * others. `prepare` sees every row read, to look up what they share in one
 * query each, and returns how to build one row's document.
 */
export function documentsByRow<Row>(
  ids: string[],
  {
    load,
    idOf,
    prepare,
  }: {
    load: (ids: number[]) => Row[];
    idOf: (row: Row) => number;
    prepare: (rows: Row[]) => (row: Row) => SearchDocument | null;
  },
): Map<string, SearchDocument | null | Error> {
  const result = new Map<string, SearchDocument | null | Error>();
  const numeric = ids.map(Number).filter(Number.isSafeInteger);
  let rows: Row[];
  try {
    rows = load(numeric);
  } catch {
    rows = [];
    for (const id of numeric) {
      try {
        rows.push(...load([id]));
      } catch (error) {
        result.set(String(id), asError(error));
      }
    }
  }
  const build = prepare(rows);
  const byId = new Map(rows.map((row) => [String(idOf(row)), row]));
  for (const id of ids) {
    if (result.has(id)) continue;
    const row = byId.get(id);
    try {
      result.set(id, row ? build(row) : null);
    } catch (error) {
      result.set(id, asError(error));
    }
  }
  return result;
}
