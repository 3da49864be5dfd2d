/**
 * The search consumer of the event log: it reads events from its cursor,
 * works out which records they change (through each type's SearchSource),
 * sends those records' current state to Meilisearch and only then moves its
 * cursor. Sending current state makes replays harmless, so a crash anywhere
 * between a commit and the index leaves work to redo, never work lost.
 *
 * Failures stay with the record that caused them: a batch Meilisearch refuses
 * is split until the refused record is found; a record whose document cannot
 * be built fails alone. A failing record is retried with backoff and parked
 * after MAX_ATTEMPTS; the records behind it carry on, and its old document
 * is taken out of the index (it may say the record is public when it no
 * longer is). When the engine itself is unreachable nothing is held against
 * any record: the relay backs off.
 */
import type { RecordType } from "../../db/enums";
import { clearFailure, dueRetries, keyOf, type RecordKey, recordFailure } from "../events/consumer-failures.server";
import { advanceConsumer, consumerPosition } from "../events/consumers.server";
import { eventsAfter } from "../events/event-log.server";
import { applyGlossarySynonyms } from "../glossary/glossary-synonyms.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { leaseHolder } from "../platform/lease.server";
import { SEARCH_INDEX } from "./index-settings.server";
import { SearchRejectedError } from "./meili.server";
import { indexDocuments, removeDocuments } from "./search.server";
import { type IndexedDocument, partnerAliasesBySlug, withSearchAids } from "./search-aids.server";
import { documentId, type SearchDocument } from "./search-document.server";
import { SEARCH_SOURCES } from "./sources.server";

/** The search relay's name as a consumer of the event log. */
export const SEARCH_CONSUMER = "search";
/** The lease whose holder alone relays and rebuilds, per data folder. */
export const RELAY_LEASE = "search-relay";

/** This process's relay lease ran out and someone else holds it now: it must not record anything. */
export class LeaseLostError extends Error {
  override name = "LeaseLostError";
}

/**
 * Sends items in one go; if Meilisearch refuses them, splits the batch in
 * halves until each refused item is alone. Returns the refused items with
 * Meilisearch's reason. Anything other than a refusal (the engine is down)
 * is thrown, and nothing is held against the items.
 */
export async function sendIsolatingRejections<T>(
  items: T[],
  send: (batch: T[]) => Promise<void>,
): Promise<Map<T, string>> {
  const refused = new Map<T, string>();
  const attempt = async (batch: T[]): Promise<void> => {
    if (batch.length === 0) return;
    try {
      await send(batch);
    } catch (error) {
      if (!(error instanceof SearchRejectedError)) throw error;
      const [only] = batch;
      if (batch.length === 1 && only !== undefined) {
        refused.set(only, `Meilisearch refused the document: ${error.message}`);
        return;
      }
      const middle = Math.ceil(batch.length / 2);
      await attempt(batch.slice(0, middle));
      await attempt(batch.slice(middle));
    }
  };
  await attempt(items);
  return refused;
}

function sourceFor(recordType: RecordType) {
  const source = SEARCH_SOURCES.find((candidate) => candidate.recordType === recordType);
  if (!source) throw new Error(`No search source for record type ${recordType}`);
  return source;
}

/** Each key's document, null (remove it) or the reason it could not be built. */
export function buildDocuments(
  keys: RecordKey[],
  db: Db,
): { upserts: { key: RecordKey; document: IndexedDocument }[]; removals: RecordKey[]; failures: Map<string, string> } {
  const upserts: { key: RecordKey; document: IndexedDocument }[] = [];
  const removals: RecordKey[] = [];
  const failures = new Map<string, string>();
  const byType = new Map<RecordType, RecordKey[]>();
  for (const key of keys) byType.set(key.recordType, [...(byType.get(key.recordType) ?? []), key]);
  const aliases = partnerAliasesBySlug(db);
  for (const [recordType, typeKeys] of byType) {
    let built: Map<string, SearchDocument | null | Error>;
    try {
      built = sourceFor(recordType).documents(
        typeKeys.map((key) => key.recordId),
        db,
      );
    } catch (error) {
      built = new Map(typeKeys.map((key) => [key.recordId, error instanceof Error ? error : new Error(String(error))]));
    }
    for (const key of typeKeys) {
      const value = built.get(key.recordId) ?? null;
      if (value instanceof Error) failures.set(keyOf(key), `Could not build the search document: ${value.message}`);
      else if (value === null) removals.push(key);
      else upserts.push({ key, document: withSearchAids(value, aliases) });
    }
  }
  return { upserts, removals, failures };
}

export interface RelayResult {
  events: number;
  records: number;
  indexed: number;
  removed: number;
  failed: number;
}

export interface RelayOptions {
  batchSize?: number;
  indexUid?: string;
  db?: Db;
  now?: () => Date;
  /**
   * The relay lease's holder this runs for. Its results are recorded only if
   * it still holds the lease when it records them (so a relay that lost its
   * lease while waiting on Meilisearch cannot move the cursor).
   */
  holder?: string;
}

/**
 * Handles one batch: up to `batchSize` new events and the failed records
 * whose retry is due. Throws, leaving everything to redo, when Meilisearch
 * cannot be reached.
 */
export async function relayOnce({
  batchSize = 500,
  indexUid = SEARCH_INDEX,
  db = getDb(),
  now = () => new Date(),
  holder,
}: RelayOptions = {}): Promise<RelayResult> {
  const from = consumerPosition(SEARCH_CONSUMER, db);
  const events = eventsAfter(from, batchSize, db);
  const to = events.at(-1)?.id ?? from;
  const keys = new Map<string, RecordKey>();
  for (const key of dueRetries(SEARCH_CONSUMER, now(), 100, db)) keys.set(keyOf(key), key);
  for (const event of events) {
    for (const source of SEARCH_SOURCES) {
      for (const recordId of source.affectedBy(event, db)) {
        const key = { recordType: source.recordType, recordId };
        keys.set(keyOf(key), key);
      }
    }
  }
  if (keys.size === 0 && events.length === 0) return { events: 0, records: 0, indexed: 0, removed: 0, failed: 0 };
  // A glossary change is the engine's synonyms, sent alone: no document changes (decision 059).
  if (events.some((event) => event.recordType === "glossary_term")) await applyGlossarySynonyms(indexUid, db);

  const sent = await sendCurrentDocuments([...keys.values()], indexUid, db);
  const at = now();
  writeTransaction((tx) => {
    if (holder !== undefined && leaseHolder(RELAY_LEASE, tx)?.holder !== holder) {
      throw new LeaseLostError("The search relay lease passed to another process; its batch is left to it");
    }
    recordOutcomes(tx, [...keys.values()], sent.failures, at);
    // If a full rebuild moved the cursor meanwhile, this batch is simply read again from there.
    advanceConsumer(tx, SEARCH_CONSUMER, from, to);
  }, db);
  return {
    events: events.length,
    records: keys.size,
    indexed: sent.indexed,
    removed: sent.removed,
    failed: sent.failures.size,
  };
}

/**
 * Sends the records' current state: their documents, or their removal. A
 * record that cannot be built or that Meilisearch refuses comes back in
 * `failures` (its old document taken out); the engine being down throws.
 */
export async function sendCurrentDocuments(
  keys: RecordKey[],
  indexUid: string,
  db: Db,
): Promise<{ indexed: number; removed: number; failures: Map<string, string> }> {
  const { upserts, removals, failures } = buildDocuments(keys, db);
  const refusedUpserts = await sendIsolatingRejections(upserts, (batch) =>
    indexDocuments(
      batch.map((item) => item.document),
      indexUid,
    ),
  );
  for (const [item, reason] of refusedUpserts) failures.set(keyOf(item.key), reason);
  const refusedRemovals = await sendIsolatingRejections(removals, (batch) =>
    removeDocuments(
      batch.map((key) => documentId(key.recordType, key.recordId)),
      indexUid,
    ),
  );
  for (const [key, reason] of refusedRemovals) failures.set(keyOf(key), reason);
  await removeStaleDocuments(
    keys.filter((key) => failures.has(keyOf(key))),
    indexUid,
  );

  return {
    indexed: upserts.length - refusedUpserts.size,
    removed: removals.length - refusedRemovals.size,
    failures,
  };
}

/** Records each record's outcome for the search consumer: failed (retry, then park) or done. */
export function recordOutcomes(tx: Db, keys: RecordKey[], failures: Map<string, string>, at: Date): void {
  for (const key of keys) {
    const reason = failures.get(keyOf(key));
    if (reason) recordFailure(tx, SEARCH_CONSUMER, key, reason, at);
    else clearFailure(tx, SEARCH_CONSUMER, key);
  }
}

/**
 * A record whose new document failed keeps its old one in the index, which
 * may show it to people who may no longer see it: take it out until the
 * record is indexed again. Best effort: a document Meilisearch will not
 * delete either is already as hidden as it can be made.
 */
async function removeStaleDocuments(keys: RecordKey[], indexUid: string): Promise<void> {
  if (keys.length === 0) return;
  try {
    await removeDocuments(
      keys.map((key) => documentId(key.recordType, key.recordId)),
      indexUid,
    );
  } catch (error) {
    if (!(error instanceof SearchRejectedError)) throw error;
  }
}

/** Relays batches until nothing is left, or until `shouldStop` says so between batches. */
export async function relayAll(options: RelayOptions = {}, shouldStop: () => boolean = () => false) {
  const total: RelayResult = { events: 0, records: 0, indexed: 0, removed: 0, failed: 0 };
  while (!shouldStop()) {
    const result = await relayOnce(options);
    if (result.events === 0 && result.records === 0) break;
    for (const key of Object.keys(total) as (keyof RelayResult)[]) total[key] += result[key];
    // Only failures left: they wait for their retry time.
    if (result.events === 0) break;
  }
  return total;
}
