/**
 * A benchmark's database: the demo content plus generated posts, written
 * through the same row, revision and event writes as the app's commands.
 * The caller sets DATA_DIR (and NODE_ENV) before importing this module.
 */
import { readContentDirectory } from "../../app/content/content-files.server";
import { importContent } from "../../app/content/import-content.server";
import { listPartners } from "../../app/partners/partners.server";
import { writeTransaction } from "../../app/platform/db.server";
import { migrateDatabase } from "../../app/platform/migrate.server";
import { renderPostMarkdown } from "../../app/posts/post-rendering.server";
import { insertPost } from "../../app/posts/post-writes.server";
import { ensureIndex } from "../../app/search/index-settings.server";
import { reindexAll } from "../../app/search/reindex.server";
import { markIndexCurrent } from "../../app/search/relay-runner.server";
import { connectSearch } from "../../server/search-runtime";
import { generatePosts } from "./generate-posts";

const BATCH = 1000;

export interface SeededDatabase {
  /** Generated posts that are published, for pages that show one. */
  publishedSlugs: string[];
  seconds: number;
}

/** Migrates, imports the demo content and inserts `count` generated posts (the same ones every run). */
export function seedBenchDatabase(count: number): SeededDatabase {
  const started = performance.now();
  migrateDatabase();
  importContent(readContentDirectory("content"));
  const partnerIds = new Map(listPartners().map((partner) => [partner.slug, partner.id]));
  const generated = generatePosts(count);
  for (let offset = 0; offset < generated.length; offset += BATCH) {
    writeTransaction((tx) => {
      for (const post of generated.slice(offset, offset + BATCH)) {
        insertPost(tx, {
          input: post,
          rendered: renderPostMarkdown(post),
          partnerId: partnerIds.get(post.partner) ?? 0,
          partnerSlug: post.partner,
          actorId: null,
          source: "script",
          now: new Date(),
          publishedAt: post.status === "published" ? post.publishedAt : null,
        });
      }
    });
  }
  return {
    publishedSlugs: generated.filter((post) => post.status === "published").map((post) => post.slug),
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Builds the search index in the data folder's own Meilisearch, then stops
 * it, so that a Hub started next finds a current index, as a Hub that has
 * been running would, and spends none of its time (or profile) building one.
 */
export async function indexBenchDatabase(): Promise<{ documents: number; seconds: number }> {
  const search = await connectSearch();
  if (search.mode !== "managed" || !search.managed)
    throw new Error("Could not start a Meilisearch for the data folder");
  try {
    await ensureIndex();
    const report = await reindexAll({ batchSize: 1000 });
    markIndexCurrent();
    return { documents: report.documents, seconds: report.seconds };
  } finally {
    await search.managed.stop();
  }
}
