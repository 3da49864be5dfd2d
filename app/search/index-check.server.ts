/**
 * The search index checked against SQLite, and repaired. Meilisearch's data
 * can be lost (its folder deleted, a new engine version on an empty folder),
 * its settings changed by hand, or the database restored from a backup that
 * the index does not describe. The holder of the relay lease checks at start
 * and then every few minutes: it compares every record's version (the last
 * event that changed its document) with the version its document carries,
 * re-sends the records that differ and removes documents of records that
 * should not be there. A missing or empty index, one built for other
 * documents, or one that differs for most records is rebuilt instead.
 *
 * Only records whose events the relay has passed are compared: a record
 * changed since is the relay's work, not drift. Repairs send current state,
 * as the relay does, so repairing a record twice is harmless.
 */
import { keyOf, listFailures, type RecordKey } from "../events/consumer-failures.server";
import { consumerPosition } from "../events/consumers.server";
import { getDb, writeTransaction } from "../platform/db.server";
import { leaseHolder } from "../platform/lease.server";
import { getSetting, setSetting } from "../platform/settings.server";
import { indexBuiltForThisVersion, rebuildSearchIndex } from "./index-rebuild.server";
import { ensureIndexState, SEARCH_INDEX } from "./index-settings.server";
import { getSearchClient } from "./meili.server";
import type { ReindexOptions } from "./reindex.server";
import { removeDocuments } from "./search.server";
import type { SearchDocument } from "./search-document.server";
import {
  LeaseLostError,
  RELAY_LEASE,
  recordOutcomes,
  SEARCH_CONSUMER,
  sendCurrentDocuments,
} from "./search-relay.server";
import { SEARCH_SOURCES } from "./sources.server";

const LAST_CHECK = "search_check_last";

/** Records read or sent per step; between steps the process serves requests. */
const PAGE_SIZE = 1000;
const PATCH_BATCH = 200;
/**
 * Past this many drifted records, and past half the records, a rebuild (one
 * snapshot, one atomic swap) is the better repair than patching record by record.
 */
const REBUILD_ABOVE = 500;

export interface IndexCheckReport {
  /** When the check finished, in ms. */
  at: number;
  outcome: "matched" | "patched" | "rebuilt" | "failed";
  /** Why the index was rebuilt, or what stopped the check. */
  reason?: string;
  /** Records in SQLite that should have a document, and documents in the index. */
  records: number;
  documents: number;
  /** Records without a document, with an older or newer one, and documents that should not be there. */
  missing: number;
  outdated: number;
  extra: number;
  /** Records re-sent or documents removed (all of them, for a rebuild). */
  patched: number;
  settingsApplied: boolean;
  seconds: number;
}

export interface IndexCheckOptions {
  holder: string;
  log?: (line: string) => void;
  /** Say so when the index matches (the start-up check does; the periodic one stays quiet). */
  logMatch?: boolean;
  /** Asked between steps; true stops the check (the process is stopping or lost its lease). */
  shouldStop?: () => boolean;
  /** Passed to a rebuild the check decides on. */
  rebuild?: ReindexOptions;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The last check's report, for /healthz and the administrators' page. */
export function lastIndexCheck(db = getDb()): IndexCheckReport | null {
  const stored = getSetting(LAST_CHECK, db);
  return stored ? (JSON.parse(stored) as IndexCheckReport) : null;
}

/** What SQLite says the index should hold: each record's version, read a page at a time. */
async function expectedVersions(): Promise<Map<string, { key: RecordKey; version: number }>> {
  const expected = new Map<string, { key: RecordKey; version: number }>();
  for (const source of SEARCH_SOURCES) {
    let after: string | null = null;
    for (;;) {
      const page = source.versionsAfter(after, PAGE_SIZE, getDb());
      for (const { recordId, version } of page) {
        const key = { recordType: source.recordType, recordId };
        expected.set(keyOf(key), { key, version });
      }
      if (page.length < PAGE_SIZE) break;
      after = page.at(-1)?.recordId ?? after;
      await yieldToEventLoop();
    }
  }
  return expected;
}

type IndexedFields = Pick<SearchDocument, "id" | "type" | "recordId" | "version">;

/** What the index holds: each document's record and version, read a page at a time. */
async function indexedVersions(): Promise<Map<string, IndexedFields>> {
  const index = getSearchClient().index<IndexedFields>(SEARCH_INDEX);
  const indexed = new Map<string, IndexedFields>();
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const { results } = await index.getDocuments({
      fields: ["id", "type", "recordId", "version"],
      limit: PAGE_SIZE,
      offset,
    });
    for (const document of results) {
      // A document without a record (not written by this Hub) is keyed by its own id, so it counts as extra.
      const key =
        document.type && document.recordId
          ? keyOf({ recordType: document.type, recordId: document.recordId })
          : `document:${document.id}`;
      indexed.set(key, document);
    }
    if (results.length < PAGE_SIZE) return indexed;
  }
}

/** Compares the index with SQLite and repairs what differs. The caller holds the relay lease. */
export async function checkSearchIndex({
  holder,
  log = console.log,
  logMatch = false,
  shouldStop = () => false,
  rebuild = {},
}: IndexCheckOptions): Promise<IndexCheckReport> {
  const started = performance.now();
  const finish = (report: Omit<IndexCheckReport, "at" | "seconds">): IndexCheckReport => {
    const done = { ...report, at: Date.now(), seconds: (performance.now() - started) / 1000 };
    setSetting(LAST_CHECK, JSON.stringify(done));
    return done;
  };
  const counts = { records: 0, documents: 0, missing: 0, outdated: 0, extra: 0 };
  let settingsApplied = false;

  const rebuildFor = async (reason: string): Promise<IndexCheckReport> => {
    log(`Search check: ${reason}; rebuilding the index from the database...`);
    const report = await rebuildSearchIndex(holder, { log, ...rebuild }, reason);
    log(`Search check: rebuilt the index with ${report.documents} documents in ${report.seconds.toFixed(1)} s.`);
    return finish({ outcome: "rebuilt", reason, ...counts, patched: report.documents, settingsApplied });
  };

  try {
    const state = await ensureIndexState(SEARCH_INDEX);
    settingsApplied = state.settingsApplied;
    if (settingsApplied) log("Search check: the index's settings differed from the Hub's; applied them again.");
    if (state.created) return await rebuildFor("the index was missing");
    if (!indexBuiltForThisVersion())
      return await rebuildFor("the index was built for another version of the documents");

    // The relay does not run while this does (same loop), so the cursor and the index stay put.
    const cursor = consumerPosition(SEARCH_CONSUMER);
    // Failing records are the relay's to retry or park; their documents were taken out on purpose.
    const failing = new Set(listFailures(SEARCH_CONSUMER).map(keyOf));
    const expected = await expectedVersions();
    const indexed = await indexedVersions();
    counts.records = expected.size;
    counts.documents = indexed.size;
    if (indexed.size === 0 && expected.size > 0) return await rebuildFor("the index was empty");

    const drifted: RecordKey[] = [];
    const strays: string[] = [];
    for (const [id, { key, version }] of expected) {
      if (version > cursor || failing.has(id)) continue;
      const document = indexed.get(id);
      if (!document) counts.missing++;
      else if (document.version !== version) counts.outdated++;
      else continue;
      drifted.push(key);
    }
    for (const [id, document] of indexed) {
      if (expected.has(id) || failing.has(id)) continue;
      counts.extra++;
      // Sending the record's current state removes it (or indexes it, if it came back meanwhile).
      if (SEARCH_SOURCES.some((source) => source.recordType === document.type) && document.recordId) {
        drifted.push({ recordType: document.type, recordId: document.recordId });
      } else {
        strays.push(document.id);
      }
    }
    const differing = drifted.length + strays.length;
    if (differing === 0) {
      if (logMatch) log(`Search check: the index matches the database (${expected.size} records).`);
      return finish({ outcome: "matched", ...counts, patched: 0, settingsApplied });
    }
    if (differing > REBUILD_ABOVE && differing > expected.size / 2) {
      return await rebuildFor(`${differing} of ${expected.size} records differ from the index`);
    }

    log(
      `Search check: ${counts.missing} missing, ${counts.outdated} out of date, ${counts.extra} that should not be there; patching ${differing}...`,
    );
    await removeDocuments(strays);
    let patched = strays.length;
    for (let start = 0; start < drifted.length; start += PATCH_BATCH) {
      if (shouldStop()) throw new LeaseLostError("The index check stopped before it was done");
      const batch = drifted.slice(start, start + PATCH_BATCH);
      const sent = await sendCurrentDocuments(batch, SEARCH_INDEX, getDb());
      const at = new Date();
      writeTransaction((tx) => {
        if (leaseHolder(RELAY_LEASE, tx)?.holder !== holder) {
          throw new LeaseLostError("The search relay lease passed to another process during the index check");
        }
        recordOutcomes(tx, batch, sent.failures, at);
      });
      patched += batch.length;
      if (drifted.length > PATCH_BATCH) log(`Search check: patched ${patched} of ${differing}...`);
      await yieldToEventLoop();
    }
    log(`Search check: patched ${patched} records.`);
    return finish({ outcome: "patched", ...counts, patched, settingsApplied });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    finish({ outcome: "failed", reason, ...counts, patched: 0, settingsApplied });
    throw error;
  }
}
