/**
 * The only module that imports the Meilisearch client. Everything else talks
 * to search through app/search, so the engine stays swappable and the master
 * key never leaves the server.
 */
import {
  type EnqueuedTaskPromise,
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
} from "meilisearch";
import { Agent, Dispatcher } from "undici";
import { getSearchConnection } from "../platform/env.server";
import { countSearchError } from "../platform/metrics.server";

export type { SearchParams, SearchResponse, Settings } from "meilisearch";

/** Search is not configured or not answering: nothing a record did, try again later. */
export class SearchUnavailableError extends Error {
  override name = "SearchUnavailableError";
}

/**
 * Meilisearch answered and refused what it was sent (an invalid document, a
 * payload over its limit): the fault is in the records, not the engine.
 */
export class SearchRejectedError extends Error {
  override name = "SearchRejectedError";
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Searches and other reads go over kept-alive connections, asking for
 * uncompressed responses. Meilisearch compresses and chunks its responses
 * when asked to (fetch asks by default); on a reused connection the second
 * chunk of a compressed response waited about 40 ms for a delayed ACK, so a
 * search took 52 ms instead of 5 ms. Uncompressed, the response goes out in
 * one write; on loopback or a data centre network compression saves nothing
 * worth that. See docs/performance.md.
 *
 * Writes (documents, settings, deletions) get a connection each: Meilisearch
 * answers a batch over its payload limit (413) before reading all of it, and
 * the next request on that connection then hung until it timed out. Writes are
 * the relay's, in the background, where a fresh loopback connection costs
 * well under a millisecond.
 */
class ReadsKeptAlive extends Dispatcher {
  private readonly reads = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  private readonly writes = new Agent({ pipelining: 0 });

  private static isRead(options: Dispatcher.DispatchOptions): boolean {
    return options.method === "GET" || (options.method === "POST" && /\/(multi-)?search$/.test(options.path));
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers): boolean {
    return (ReadsKeptAlive.isRead(options) ? this.reads : this.writes).dispatch(options, handler);
  }
}
const connections = new ReadsKeptAlive();
const IDENTITY_ENCODING = { "Accept-Encoding": "identity" };

let cached: { key: string; client: Meilisearch } | undefined;

/** A client for the configured server; throws SearchUnavailableError when none is configured. */
export function getSearchClient(): Meilisearch {
  const connection = getSearchConnection();
  if (!connection) throw new SearchUnavailableError("Search is not configured (MEILI_URL is not set)");
  const key = `${connection.url}\n${connection.apiKey ?? ""}`;
  if (cached?.key !== key) {
    cached = {
      key,
      client: new Meilisearch({
        host: connection.url,
        apiKey: connection.apiKey,
        timeout: 5_000,
        requestInit: { dispatcher: connections, headers: IDENTITY_ENCODING } as RequestInit,
        defaultWaitOptions: { timeout: 60_000, interval: 25 },
      }),
    };
  }
  return cached.client;
}

/**
 * Sends a task and waits for it; throws unless it succeeded (the client
 * resolves failed tasks too). A task or request refused as an invalid request
 * throws SearchRejectedError; anything else is the engine's trouble.
 */
export async function succeeded(send: () => EnqueuedTaskPromise, timeout = 120_000): Promise<void> {
  let done: Awaited<ReturnType<EnqueuedTaskPromise["waitTask"]>>;
  try {
    done = await send().waitTask({ timeout });
  } catch (error) {
    const cause = error instanceof MeilisearchApiError ? error.cause : undefined;
    // Deleting an index that is not there is how dropIndex checks; not a failure.
    if (cause?.code !== "index_not_found") countSearchError("write");
    if (cause?.type === "invalid_request" && cause.code !== "index_not_found") {
      throw new SearchRejectedError(error instanceof Error ? error.message : String(error), cause.code);
    }
    throw error;
  }
  if (done.status === "succeeded") return;
  if (done.error?.code !== "index_not_found") countSearchError("write");
  const message = `Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? "no detail"}`;
  if (done.error?.type === "invalid_request") throw new SearchRejectedError(message, done.error.code);
  throw new Error(message);
}

export async function isSearchHealthy(): Promise<boolean> {
  try {
    return await getSearchClient().isHealthy();
  } catch {
    return false;
  }
}

/**
 * Runs a read against Meilisearch, turning "cannot reach it" (and an index
 * not created yet) into SearchUnavailableError; other errors are real bugs.
 */
export async function whileSearchIsUp<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    countSearchError("query");
    const unreachable =
      error instanceof MeilisearchRequestError ||
      error instanceof MeilisearchRequestTimeOutError ||
      (error instanceof MeilisearchApiError && error.cause?.code === "index_not_found") ||
      error instanceof SearchUnavailableError;
    if (unreachable) throw new SearchUnavailableError(error instanceof Error ? error.message : String(error));
    throw error;
  }
}
