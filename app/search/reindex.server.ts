/**
 * Rebuilds the posts index from SQLite without downtime: documents go into a
 * fresh index, which is then swapped with the live one in one atomic
 * Meilisearch task. Searches keep answering from the old index meanwhile.
 */
import { readTransaction } from "../platform/db.server";
import { ensurePostsIndex, POSTS_INDEX, type SearchDocument } from "./indexes.server";
import { getSearchClient, succeeded } from "./meili.server";
import { lastOutboxId, replayOutboxAfter } from "./outbox.server";
import { documentsAfter } from "./search-documents.server";

const REBUILD_PREFIX = `${POSTS_INDEX}_rebuild_`;

export interface ReindexReport {
  documents: number;
  seconds: number;
  documentsPerSecond: number;
  replayed: number;
}

/** Every indexable post and the outbox position they reflect, read in one consistent snapshot. */
function snapshot(batchSize: number): { mark: number; batches: SearchDocument[][] } {
  return readTransaction((tx) => {
    const mark = lastOutboxId(tx);
    const batches: SearchDocument[][] = [];
    let after = 0;
    for (;;) {
      const batch = documentsAfter(after, batchSize, tx);
      if (batch.length === 0) break;
      batches.push(batch);
      after = batch[batch.length - 1]?.id ?? after;
    }
    return { mark, batches };
  });
}

export async function reindexPosts({ batchSize = 1000, log = (_line: string) => {} } = {}): Promise<ReindexReport> {
  const client = getSearchClient();
  const started = performance.now();
  // Leftovers of an interrupted rebuild.
  const { results } = await client.getRawIndexes({ limit: 1000 });
  for (const index of results.filter((index) => index.uid.startsWith(REBUILD_PREFIX))) {
    await succeeded(client.deleteIndex(index.uid));
  }
  const rebuildUid = `${REBUILD_PREFIX}${Date.now()}`;
  await ensurePostsIndex(rebuildUid);
  const { mark, batches } = snapshot(batchSize);
  let replayed = 0;
  let documents = 0;
  for (const batch of batches) {
    await succeeded(client.index(rebuildUid).addDocuments(batch, { primaryKey: "id" }), 600_000);
    documents += batch.length;
    log(`Indexed ${documents} documents...`);
  }
  await ensurePostsIndex(POSTS_INDEX);
  try {
    await succeeded(client.swapIndexes([{ indexes: [POSTS_INDEX, rebuildUid], rename: false }]));
  } finally {
    // Changes written since the snapshot went to the old index. Send them again
    // as soon as the swap may have happened, even if waiting for it failed:
    // replaying a change is harmless, missing one is not.
    replayed = replayOutboxAfter(mark);
  }
  // What is left under the rebuild name is the old index; the next reindex removes it if this fails.
  await succeeded(client.deleteIndex(rebuildUid));
  const seconds = (performance.now() - started) / 1000;
  return { documents, seconds, documentsPerSecond: documents / seconds, replayed };
}
