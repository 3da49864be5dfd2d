/**
 * Rebuilds the search index from SQLite without downtime: documents go into a
 * fresh index, which is then swapped with the live one in one atomic
 * Meilisearch task. Searches keep answering from the old index meanwhile.
 * The snapshot records the last event it reflects; after the swap the search
 * relay's cursor is put there, so every change made since the snapshot (which
 * may have reached only the old index) is sent again.
 */
import { clearFailure, keyOf, type RecordKey, recordFailure } from "../events/consumer-failures.server";
import { resetConsumer, rewindConsumer } from "../events/consumers.server";
import { lastEventId } from "../events/event-log.server";
import { getDb, readTransaction, writeTransaction } from "../platform/db.server";
import { dropIndex, ensureIndex, listIndexUids, SEARCH_INDEX } from "./index-settings.server";
import { getSearchClient, succeeded } from "./meili.server";
import { indexDocuments } from "./search.server";
import type { SearchDocument } from "./search-document.server";
import { buildDocuments, SEARCH_CONSUMER, sendIsolatingRejections } from "./search-relay.server";
import { SEARCH_SOURCES } from "./sources.server";

const REBUILD_PREFIX = `${SEARCH_INDEX}_rebuild_`;

export interface ReindexReport {
  documents: number;
  failed: number;
  seconds: number;
  documentsPerSecond: number;
}

interface Snapshot {
  mark: number;
  items: { key: RecordKey; document: SearchDocument }[];
  keys: RecordKey[];
  failures: Map<string, string>;
}

/** Every searchable record and the last event they reflect, read in one consistent snapshot. */
function takeSnapshot(batchSize: number): Snapshot {
  return readTransaction((tx) => {
    const mark = lastEventId(tx);
    const items: Snapshot["items"] = [];
    const keys: RecordKey[] = [];
    const failures = new Map<string, string>();
    for (const source of SEARCH_SOURCES) {
      let after: string | null = null;
      for (;;) {
        const ids = source.idsAfter(after, batchSize, tx);
        if (ids.length === 0) break;
        const pageKeys = ids.map((recordId) => ({ recordType: source.recordType, recordId }));
        const built = buildDocuments(pageKeys, tx);
        items.push(...built.upserts);
        for (const [key, reason] of built.failures) failures.set(key, reason);
        keys.push(...pageKeys);
        after = ids.at(-1) ?? after;
      }
    }
    return { mark, items, keys, failures };
  });
}

export interface ReindexOptions {
  batchSize?: number;
  log?: (line: string) => void;
  /** Runs once the snapshot is taken, before anything is sent (tests make a write land here). */
  onSnapshotTaken?: () => Promise<void> | void;
}

export async function reindexAll({
  batchSize = 1000,
  log = () => {},
  onSnapshotTaken,
}: ReindexOptions = {}): Promise<ReindexReport> {
  const client = getSearchClient();
  const started = performance.now();
  // Leftovers of an interrupted rebuild.
  for (const uid of await listIndexUids()) if (uid.startsWith(REBUILD_PREFIX)) await dropIndex(uid);
  const rebuildUid = `${REBUILD_PREFIX}${Date.now()}`;
  await ensureIndex(rebuildUid);
  const snapshot = takeSnapshot(batchSize);
  await onSnapshotTaken?.();

  let sent = 0;
  const refused = new Map<string, string>();
  for (let start = 0; start < snapshot.items.length; start += batchSize) {
    const page = snapshot.items.slice(start, start + batchSize);
    const pageRefused = await sendIsolatingRejections(page, (batch) =>
      indexDocuments(
        batch.map((item) => item.document),
        rebuildUid,
      ),
    );
    for (const [item, reason] of pageRefused) refused.set(keyOf(item.key), reason);
    sent += page.length - pageRefused.size;
    log(`Indexed ${sent} documents...`);
  }

  await ensureIndex(SEARCH_INDEX);
  let swapped = false;
  try {
    await succeeded(() => client.swapIndexes([{ indexes: [SEARCH_INDEX, rebuildUid], rename: false }]));
    swapped = true;
  } finally {
    // The new index holds every change up to the snapshot: the relay carries on
    // from there. If the swap may not have happened, only ever move it back.
    if (swapped) resetConsumer(SEARCH_CONSUMER, snapshot.mark);
    else rewindConsumer(SEARCH_CONSUMER, snapshot.mark);
  }

  const failures = new Map([...snapshot.failures, ...refused]);
  writeTransaction((tx) => {
    for (const key of snapshot.keys) {
      const reason = failures.get(keyOf(key));
      if (reason) recordFailure(tx, SEARCH_CONSUMER, key, reason);
      else clearFailure(tx, SEARCH_CONSUMER, key);
    }
  }, getDb());
  // What is left under the rebuild name is the old index; the next rebuild removes it if this fails.
  await dropIndex(rebuildUid);
  const seconds = (performance.now() - started) / 1000;
  return { documents: sent, failed: failures.size, seconds, documentsPerSecond: sent / seconds };
}
