import { isDeepStrictEqual } from "node:util";
import { eq } from "drizzle-orm";
import { partners } from "../../db/schema";
import { getPartnerBySlug } from "../partners/partners.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { fieldErrorsOf, PostInputSchema } from "../posts/post-schemas";
import { insertPost, type PostWrite, snapshotOf, updatePostRow } from "../posts/post-writes.server";
import { findPostBySlug, listRevisions } from "../posts/posts.server";
import { enqueuePartnerPosts } from "../search/outbox.server";
import type { ContentSet } from "./content-files.server";

export interface ImportReport {
  partners: { created: number; updated: number; unchanged: number };
  posts: { created: number; updated: number; unchanged: number };
}

function upsertPartners(tx: Db, content: ContentSet, report: ImportReport, now: Date): void {
  for (const partner of content.partners) {
    const values = {
      name: partner.name,
      shortName: partner.shortName,
      type: partner.type,
      website: partner.website ?? null,
      description: partner.description,
    };
    const existing = getPartnerBySlug(partner.slug, tx);
    if (!existing) {
      tx.insert(partners)
        .values({ slug: partner.slug, ...values, createdAt: now, updatedAt: now })
        .run();
      report.partners.created++;
    } else if (Object.entries(values).some(([key, value]) => existing[key as keyof typeof values] !== value)) {
      tx.update(partners)
        .set({ ...values, updatedAt: now })
        .where(eq(partners.id, existing.id))
        .run();
      // Search documents carry the partner's name.
      enqueuePartnerPosts(tx, existing.id);
      report.partners.updated++;
    } else {
      report.partners.unchanged++;
    }
  }
}

/**
 * Imports partners and posts, matching existing rows by slug: new slugs are
 * created, changed ones updated (with a revision), unchanged ones left alone.
 * All or nothing: one bad file and nothing is written.
 */
export function importContent(content: ContentSet, db: Db = getDb()): ImportReport {
  const report: ImportReport = {
    partners: { created: 0, updated: 0, unchanged: 0 },
    posts: { created: 0, updated: 0, unchanged: 0 },
  };
  const now = new Date();
  return writeTransaction((tx) => {
    upsertPartners(tx, content, report, now);
    for (const file of content.posts) {
      const parsed = PostInputSchema.safeParse(file);
      if (!parsed.success) {
        throw new Error(`${file.file}: ${JSON.stringify(fieldErrorsOf(parsed.error))}`);
      }
      const partner = getPartnerBySlug(parsed.data.partner, tx);
      if (!partner) throw new Error(`${file.file}: unknown partner "${parsed.data.partner}"`);
      const existing = findPostBySlug(file.slug, tx);
      const write: PostWrite = {
        input: { ...parsed.data, slug: file.slug },
        partnerId: partner.id,
        partnerSlug: partner.slug,
        editorId: null,
        source: "import",
        now,
        // A file without a date keeps the one the post already has: re-importing is not republishing.
        publishedAt: parsed.data.status === "draft" ? null : (file.publishedAt ?? existing?.publishedAt ?? now),
      };
      if (!existing) {
        insertPost(tx, write, null);
        report.posts.created++;
        continue;
      }
      const latest = listRevisions(existing.id, tx)[0]?.snapshot;
      if (latest && isDeepStrictEqual(latest, snapshotOf(write, write.publishedAt ?? null))) {
        report.posts.unchanged++;
      } else {
        updatePostRow(tx, existing.id, existing.publishedAt, write);
        report.posts.updated++;
      }
    }
    return report;
  }, db);
}
