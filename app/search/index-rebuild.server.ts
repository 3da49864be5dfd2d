/**
 * Full rebuilds by the holder of the relay lease, whoever asked for them (the
 * start-up check, the index check, an administrator, `search:reindex`), and
 * the record of one in progress, which /healthz shows.
 */
import { type Db, getDb } from "../platform/db.server";
import { acquireLease, leaseHolder } from "../platform/lease.server";
import { deleteSetting, getSetting, setSetting } from "../platform/settings.server";
import { dropIndex, LEGACY_INDEXES, SEARCH_INDEX_VERSION } from "./index-settings.server";
import { type ReindexOptions, type ReindexReport, reindexAll } from "./reindex.server";
import { LeaseLostError, RELAY_LEASE } from "./search-relay.server";

/** The document version the live index was last fully built for. */
export const VERSION_SETTING = "search_index_version";
const REBUILD_RUNNING = "search_rebuild_running";

/**
 * How long a rebuild holds the lease without renewing it: building every
 * document is one synchronous read, during which nothing else in the process
 * runs (about 0.4 ms a record here, so tens of thousands fit with room).
 */
export const REBUILD_LEASE_MS = 10 * 60_000;

/** Records that the live index holds documents of the current version (a full rebuild just made it so). */
export function markIndexCurrent(): void {
  setSetting(VERSION_SETTING, String(SEARCH_INDEX_VERSION));
}

/** Was the live index last built for the documents this Hub makes? */
export function indexBuiltForThisVersion(): boolean {
  return getSetting(VERSION_SETTING) === String(SEARCH_INDEX_VERSION);
}

/** A rebuild under way: when it began, why, and the process doing it. */
export interface RebuildInProgress {
  since: number;
  reason: string;
  holder: string;
}

/**
 * A full rebuild (see reindex.server.ts) by the holder of the relay lease,
 * after which the index is recorded as current and old indexes go.
 */
export async function rebuildSearchIndex(
  holder: string,
  options: ReindexOptions = {},
  reason = "asked for",
): Promise<ReindexReport> {
  if (!acquireLease(RELAY_LEASE, holder, REBUILD_LEASE_MS)) {
    throw new LeaseLostError("Only the holder of the search relay lease rebuilds the index");
  }
  const running: RebuildInProgress = { since: Date.now(), reason, holder };
  setSetting(REBUILD_RUNNING, JSON.stringify(running));
  try {
    const report = await reindexAll(options);
    markIndexCurrent();
    for (const legacy of LEGACY_INDEXES) await dropIndex(legacy);
    return report;
  } finally {
    deleteSetting(REBUILD_RUNNING);
  }
}

/** The rebuild under way, if its process still holds the relay lease (one that died left its record behind). */
export function rebuildInProgress(db: Db = getDb()): Omit<RebuildInProgress, "holder"> | null {
  const stored = getSetting(REBUILD_RUNNING, db);
  if (!stored) return null;
  const { since, reason, holder } = JSON.parse(stored) as RebuildInProgress;
  return leaseHolder(RELAY_LEASE, db)?.holder === holder ? { since, reason } : null;
}
