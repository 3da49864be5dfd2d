/**
 * The Meilisearch a running Hub manages, reached over plain HTTP with the
 * master key from the Hub's data folder: for sending it the Hub's own
 * queries directly, and for knowing when the index has caught up.
 */
import fs from "node:fs";
import path from "node:path";
import { runtimeFile } from "../../server/search-runtime";

export interface HubMeilisearch {
  url: string;
  key: string;
}

/** Where the Hub on this data folder runs its Meilisearch (it publishes that once it has started one). */
export function hubMeilisearch(dataDir: string): HubMeilisearch {
  const file = runtimeFile(dataDir);
  if (!fs.existsSync(file)) throw new Error("The Hub did not start a Meilisearch of its own (no runtime file)");
  const { url } = JSON.parse(fs.readFileSync(file, "utf8")) as { url: string };
  const key = fs.readFileSync(path.join(dataDir, "meili-master-key"), "utf8").trim();
  return { url, key };
}

/**
 * One request to Meilisearch. Identity encoding: a compressed answer on a
 * kept-alive connection can wait ~40 ms for a delayed ACK, which would be
 * measured as the Hub's delay when polling for a new post.
 */
export async function meiliRequest<T>(meili: HubMeilisearch, pathname: string, body?: unknown): Promise<T> {
  const response = await fetch(`${meili.url}${pathname}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      Authorization: `Bearer ${meili.key}`,
      "Content-Type": "application/json",
      "Accept-Encoding": "identity",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Meilisearch ${pathname} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Waits until the Hub's search relay has nothing left to send (its /healthz,
 * asked from this machine, gives the backlog) and Meilisearch has no task
 * left: the figures must not include a rebuild still running.
 */
export async function waitUntilSearchCaughtUp(hubUrl: string, meili: HubMeilisearch, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    const health = (await fetch(`${hubUrl}/healthz`).then(
      (response) => response.json(),
      () => null,
    )) as { search?: string; index?: { backlog?: number } } | null;
    last = JSON.stringify(health);
    if (health?.search === "ok" && health.index?.backlog === 0) {
      const tasks = await meiliRequest<{ total: number }>(meili, "/tasks?statuses=enqueued,processing&limit=1");
      if (tasks.total === 0) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Search had not caught up after ${timeoutMs / 1000} s; last health: ${last}`);
}
