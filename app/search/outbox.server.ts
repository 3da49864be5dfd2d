/**
 * The transactional outbox between SQLite and Meilisearch. Writers call
 * `enqueue*` inside their own transaction; the relay drains rows in id order,
 * sends each post's current state (or its removal) to Meilisearch, waits for
 * the task to succeed and only then marks the rows done. A failure leaves the
 * rows pending, to be retried with backoff: no write is ever lost from search.
 */
import { and, asc, count, inArray, isNotNull, isNull, lt, min, sql } from "drizzle-orm";
import { posts, searchOutbox } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";
import { POSTS_INDEX } from "./indexes.server";
import { getSearchClient, succeeded } from "./meili.server";
import { documentsForPosts } from "./search-documents.server";

type Reason = (typeof searchOutbox.$inferInsert)["reason"];

/** Records that a post's search entry must be brought up to date. Call inside the write's transaction. */
export function enqueuePostChange(tx: Db, postId: number, reason: Reason): void {
  tx.insert(searchOutbox).values({ postId, reason, createdAt: new Date() }).run();
}

/** Every post of a partner, for example after the partner was renamed. */
export function enqueuePartnerPosts(tx: Db, partnerId: number): void {
  tx.run(sql`insert into ${searchOutbox} (post_id, reason, created_at)
    select ${posts.id}, 'partner', ${Date.now()} from ${posts} where ${posts.partnerId} = ${partnerId}`);
}

/** Well under Meilisearch's default 100 MB payload limit, whatever the posts' size. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/** Splits documents into runs whose JSON stays under `maxBytes` (a lone larger document goes alone). */
export function chunksOfAtMost<T>(documents: T[], maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const document of documents) {
    const bytes = Buffer.byteLength(JSON.stringify(document));
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(document);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export interface DrainResult {
  rows: number;
  upserted: number;
  deleted: number;
}

/** Processes one batch of pending rows. Throws (leaving them pending) if Meilisearch fails. */
export async function drainOnce({ batchSize = 500, indexUid = POSTS_INDEX, db = getDb() } = {}): Promise<DrainResult> {
  const rows = db
    .select({ id: searchOutbox.id, postId: searchOutbox.postId })
    .from(searchOutbox)
    .where(isNull(searchOutbox.processedAt))
    .orderBy(asc(searchOutbox.id))
    .limit(batchSize)
    .all();
  if (rows.length === 0) return { rows: 0, upserted: 0, deleted: 0 };
  const postIds = [...new Set(rows.map((row) => row.postId))];
  // The current state of each post is what the index must show, however many
  // changes the batch holds for it, so replaying rows is always safe.
  const documents = documentsForPosts(postIds, db);
  const present = new Set(documents.map((document) => document.id));
  const removed = postIds.filter((id) => !present.has(id));
  const index = getSearchClient().index(indexUid);
  try {
    for (const chunk of chunksOfAtMost(documents, MAX_PAYLOAD_BYTES)) {
      await succeeded(index.addDocuments(chunk, { primaryKey: "id" }));
    }
    if (removed.length > 0) await succeeded(index.deleteDocuments(removed));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    db.update(searchOutbox)
      .set({ attempts: sql`${searchOutbox.attempts} + 1`, lastError: message.slice(0, 500) })
      .where(
        inArray(
          searchOutbox.id,
          rows.map((row) => row.id),
        ),
      )
      .run();
    throw error;
  }
  db.update(searchOutbox)
    .set({ processedAt: new Date(), lastError: null })
    .where(
      inArray(
        searchOutbox.id,
        rows.map((row) => row.id),
      ),
    )
    .run();
  return { rows: rows.length, upserted: documents.length, deleted: removed.length };
}

/** Drains until nothing is pending, or until `shouldStop` says so between batches. */
export async function drainAll(
  options: Parameters<typeof drainOnce>[0] = {},
  shouldStop: () => boolean = () => false,
): Promise<DrainResult> {
  const total: DrainResult = { rows: 0, upserted: 0, deleted: 0 };
  while (!shouldStop()) {
    const result = await drainOnce(options);
    if (result.rows === 0) return total;
    total.rows += result.rows;
    total.upserted += result.upserted;
    total.deleted += result.deleted;
  }
  return total;
}

export interface OutboxBacklog {
  pending: number;
  oldestPendingSeconds: number | null;
}

export function outboxBacklog(db: Db = getDb()): OutboxBacklog {
  const row = db
    .select({ pending: count(), oldest: min(searchOutbox.createdAt) })
    .from(searchOutbox)
    .where(isNull(searchOutbox.processedAt))
    .get();
  const oldest = row?.oldest ? new Date(row.oldest).getTime() : null;
  return {
    pending: row?.pending ?? 0,
    oldestPendingSeconds: oldest === null ? null : Math.max(0, Math.round((Date.now() - oldest) / 1000)),
  };
}

/** The highest outbox id so far, processed or not (a reindex replays everything after it). */
export function lastOutboxId(db: Db = getDb()): number {
  return db.get<{ id: number | null }>(sql`select max(id) as id from ${searchOutbox}`)?.id ?? 0;
}

/** Re-enqueues the posts of every row after `afterId`, so changes made during a rebuild reach the new index. */
export function replayOutboxAfter(afterId: number, db: Db = getDb()): number {
  const result = db.run(sql`insert into ${searchOutbox} (post_id, reason, created_at)
    select distinct post_id, 'reindex', ${Date.now()} from ${searchOutbox} where id > ${afterId}`);
  return result.changes;
}

/** Processed rows are kept for a day to help diagnose search problems, then pruned. */
export function pruneProcessed(olderThanMs = 24 * 60 * 60 * 1000, db: Db = getDb()): void {
  db.delete(searchOutbox)
    .where(and(isNotNull(searchOutbox.processedAt), lt(searchOutbox.processedAt, new Date(Date.now() - olderThanMs))))
    .run();
}

export interface RelayOptions {
  pollMs?: number;
  maxBackoffMs?: number;
  log?: (line: string) => void;
  /** Runs before the first drain and again after any failure, e.g. to create the index with its settings. */
  prepare?: () => Promise<void>;
}

/**
 * Runs the relay in the background: polls for pending rows, drains them, and
 * after a failure waits 0.5 s, 1 s, 2 s ... up to maxBackoffMs before retrying.
 * Polling SQLite (cheap, indexed) means writes from any process are picked up.
 */
export function startOutboxRelay({
  pollMs = 200,
  maxBackoffMs = 30_000,
  log = console.log,
  prepare,
}: RelayOptions = {}) {
  let stopped = false;
  let prepared = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let failures = 0;
  let lastPrune = 0;

  const tick = async () => {
    try {
      if (prepare && !prepared) {
        await prepare();
        prepared = true;
      }
      const result = await drainAll({}, () => stopped);
      if (failures > 0) log(`Search index caught up after ${failures} failed attempt(s).`);
      failures = 0;
      if (result.rows > 0 && process.env.NODE_ENV === "development") {
        log(`Search index: ${result.upserted} updated, ${result.deleted} removed.`);
      }
      if (Date.now() - lastPrune > 60 * 60 * 1000) {
        pruneProcessed();
        lastPrune = Date.now();
      }
    } catch (error) {
      failures++;
      prepared = false;
      if (failures === 1 || failures % 10 === 0) {
        const backlog = outboxBacklog();
        log(
          `Search index update failed (${backlog.pending} change(s) waiting, attempt ${failures}): ${error instanceof Error ? error.message : error}`,
        );
      }
    }
  };

  const schedule = () => {
    if (stopped) return;
    const delay = failures === 0 ? pollMs : Math.min(maxBackoffMs, 500 * 2 ** (failures - 1));
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, delay);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
