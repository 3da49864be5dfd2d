/**
 * Rebuilds the search index from SQLite without downtime: documents go into a
 * fresh index, which is then swapped with the live one in one atomic
 * Meilisearch task. Searches keep answering from the old index meanwhile.
 *
 * Only the holder of the relay lease rebuilds (the relay itself, or
 * `search:reindex` when no Hub relays), so no relay sends anything while a
 * rebuild runs, and two rebuilds never overlap. The snapshot records the last
 * event it reflects; once the swap has happened, the relay's cursor is put
 * there in the same transaction as the rebuild's failures, so every change
 * made after the snapshot is relayed into the new index. If the process dies
 * before that, the cursor is where the relay left it, before the snapshot:
 * changes are sent again, which is harmless, never skipped.
 */

import { clearFailure, keyOf, type RecordKey, recordFailure } from "../events/consumer-failures.server";
import { resetConsumer } from "../events/consumers.server";
import { lastEventId } from "../events/event-log.server";
import { applyGlossarySynonyms } from "../glossary/glossary-synonyms.server";
import { readTransaction, writeTransaction } from "../platform/db.server";
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

/** Rebuilds the index. The caller must hold the relay lease (see relay-runner.server.ts). */
export async function reindexAll({
  batchSize = 1000,
  log = () => {},
  onSnapshotTaken,
}: ReindexOptions = {}): Promise<ReindexReport> {
  const client = getSearchClient();
  const started = performance.now();
  // Leftovers of an interrupted rebuild (under the lease, no other rebuild is running).
  for (const uid of await listIndexUids()) if (uid.startsWith(REBUILD_PREFIX)) await dropIndex(uid);
  const rebuildUid = `${REBUILD_PREFIX}${Date.now()}`;
  await ensureIndex(rebuildUid);
  const snapshot = takeSnapshot(batchSize);
  // The synonyms again, as of the snapshot: a glossary change made since ensureIndex read them
  // falls before the snapshot's mark, so the relay would never send it to the new index.
  await applyGlossarySynonyms(rebuildUid);
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
  await succeeded(() => client.swapIndexes([{ indexes: [SEARCH_INDEX, rebuildUid], rename: false }]));

  const failures = new Map([...snapshot.failures, ...refused]);
  writeTransaction((tx) => {
    for (const key of snapshot.keys) {
      const reason = failures.get(keyOf(key));
      if (reason) recordFailure(tx, SEARCH_CONSUMER, key, reason);
      else clearFailure(tx, SEARCH_CONSUMER, key);
    }
    // The new index holds every change up to the snapshot: the relay carries on from there.
    resetConsumer(SEARCH_CONSUMER, snapshot.mark, tx);
  });
  // What is left under the rebuild name is the old index; the next rebuild removes it if this fails.
  await dropIndex(rebuildUid);
  const seconds = (performance.now() - started) / 1000;
  return { documents: sent, failed: failures.size, seconds, documentsPerSecond: sent / seconds };
}
