/**
 * Imports partners and posts from content files, matching existing records by
 * slug. Whether a record changed is decided by a hash of its normalised input,
 * stored per record: a file that has not changed leaves its record alone, even
 * after the record grows new fields or is edited in the Hub.
 */
import { isDeepStrictEqual } from "node:util";
import { eq } from "drizzle-orm";
import { partners, type RenderedFields } from "../../db/schema";
import { recordEvent } from "../events/event-log.server";
import { getPartnerBySlug } from "../partners/partners.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ValidationError } from "../platform/errors";
import { type PostMarkdown, renderPostMarkdown } from "../posts/post-rendering.server";
import { fieldErrorsOf, type PostInput, PostInputSchema } from "../posts/post-schemas";
import { readPostSnapshot } from "../posts/post-snapshot";
import { insertPost, type PostBefore, type PostWrite, snapshotOf, updatePostRow } from "../posts/post-writes.server";
import { findPostBySlug } from "../posts/posts.server";
import { draftSlug } from "../posts/slug";
import { listRevisions } from "../revisions/revisions.server";
import type { ContentSet } from "./content-files.server";
import { importGlossary } from "./import-glossary.server";
import { importInterest } from "./import-interest.server";
import { importRoadmap, type RoadmapImportCounts } from "./import-roadmap.server";
import { inputHash, storedHash, storeHash } from "./imported-content.server";

type Counts = { created: number; updated: number; unchanged: number };

export interface ImportReport {
  partners: Counts;
  posts: Counts;
  /** Roadmap items (content/roadmap/), with the updates and links written. */
  roadmap: RoadmapImportCounts;
  /** Partners' "we want this too" (content/roadmap/_interest.md). */
  interest: Counts;
  /** Glossary terms (content/glossary/). */
  glossary: Counts;
}

function importPartners(tx: Db, content: ContentSet, report: ImportReport, now: Date): void {
  for (const partner of content.partners) {
    const values = {
      name: partner.name,
      shortName: partner.shortName,
      nameCy: partner.nameCy ?? null,
      shortNameCy: partner.shortNameCy ?? null,
      type: partner.type,
      website: partner.website ?? null,
      description: partner.description,
    };
    const hash = inputHash({ slug: partner.slug, ...values });
    const existing = getPartnerBySlug(partner.slug, tx);
    if (!existing) {
      const row = tx
        .insert(partners)
        .values({ slug: partner.slug, ...values, createdAt: now, updatedAt: now })
        .returning({ id: partners.id })
        .get();
      recordPartnerEvent(tx, "partner.created", row.id, partner.slug, now);
      storeHash(tx, "partner", row.id, hash, now);
      report.partners.created++;
      continue;
    }
    const previous = storedHash(tx, "partner", existing.id);
    // Before hashes were kept, compare the fields themselves.
    const same =
      previous === null
        ? Object.entries(values).every(([key, value]) => existing[key as keyof typeof values] === value)
        : previous === hash;
    if (same) {
      report.partners.unchanged++;
    } else {
      tx.update(partners)
        .set({ ...values, updatedAt: now })
        .where(eq(partners.id, existing.id))
        .run();
      // Consumers follow: search documents carry the partner's name.
      recordPartnerEvent(tx, "partner.updated", existing.id, partner.slug, now);
      report.partners.updated++;
    }
    storeHash(tx, "partner", existing.id, hash, now);
  }
}

function recordPartnerEvent(tx: Db, type: "partner.created" | "partner.updated", id: number, slug: string, now: Date) {
  recordEvent(
    tx,
    { type, recordType: "partner", recordId: id, actorId: null, source: "import", partnerIds: [id], data: { slug } },
    now,
  );
}

/**
 * Imports partners and posts, matching existing rows by slug: new slugs are
 * created, changed ones updated (with a revision and an event), unchanged
 * ones left alone. All or nothing: one bad file and nothing is written.
 */
export function importContent(content: ContentSet, db: Db = getDb()): ImportReport {
  const report: ImportReport = {
    partners: { created: 0, updated: 0, unchanged: 0 },
    posts: { created: 0, updated: 0, unchanged: 0 },
    roadmap: { created: 0, updated: 0, unchanged: 0, updates: 0, links: 0 },
    interest: { created: 0, updated: 0, unchanged: 0 },
    glossary: { created: 0, updated: 0, unchanged: 0 },
  };
  const now = new Date();
  return writeTransaction((tx) => {
    importPartners(tx, content, report, now);
    for (const file of content.posts) {
      const parsed = PostInputSchema.safeParse(file);
      if (!parsed.success) {
        throw new Error(`${file.file}: ${JSON.stringify(fieldErrorsOf(parsed.error))}`);
      }
      const partner = getPartnerBySlug(parsed.data.partner, tx);
      if (!partner) throw new Error(`${file.file}: unknown partner "${parsed.data.partner}"`);
      const hash = inputHash({ ...hashedFields(parsed.data), slug: file.slug, publishedAt: file.publishedAt ?? null });
      // A post never published lives in its partner's namespace, as one saved from the web does.
      const existing = findPostBySlug(file.slug, tx) ?? findPostBySlug(draftSlug(partner.slug, file.slug), tx);
      const neverPublished = parsed.data.status === "draft" && !existing?.publishedAt;
      const write: Omit<PostWrite, "rendered"> = {
        input: { ...parsed.data, slug: neverPublished ? draftSlug(partner.slug, file.slug) : file.slug },
        partnerId: partner.id,
        partnerSlug: partner.slug,
        actorId: null,
        source: "import",
        now,
        // A file without a date keeps the one the post already has: re-importing is not republishing.
        publishedAt: parsed.data.status === "draft" ? null : (file.publishedAt ?? existing?.publishedAt ?? now),
      };
      if (!existing) {
        // A post new to the Hub keeps its source's date: "last updated" is not the day it was imported.
        const id = insertPost(tx, {
          ...write,
          sourceDate: file.publishedAt ?? null,
          rendered: renderFile(file.file, parsed.data),
        });
        storeHash(tx, "post", id, hash, now);
        report.posts.created++;
        continue;
      }
      if (isUnchanged(tx, existing, hash, write)) {
        report.posts.unchanged++;
      } else {
        const rendered = renderFile(file.file, {
          ...parsed.data,
          bodyCy: existing.bodyCy,
          sectionsCy: existing.sectionsCy,
        });
        updatePostRow(tx, existing, { ...write, rendered });
        report.posts.updated++;
      }
      storeHash(tx, "post", existing.id, hash, now);
    }
    // After the posts: an item's links name them.
    report.roadmap = importRoadmap(tx, content.roadmap ?? [], now);
    const interest = content.interest ?? [];
    report.interest = importInterest(tx, interest, inputHash(interest), now);
    report.glossary = importGlossary(tx, content.glossary ?? [], now);
    return report;
  }, db);
}

/**
 * The fields a post's hash covers: the dates only when a file gives them, so
 * files written before dates existed keep their hash and are not saved again.
 * (Tag names and the contact come from the Hub's forms, never from files.)
 */
function hashedFields(input: PostInput) {
  const { tagNames: _names, contact: _contact, eventDate, targetDate, reviewBy, ...kept } = input;
  return {
    ...kept,
    ...(eventDate ? { eventDate } : {}),
    ...(targetDate ? { targetDate } : {}),
    ...(reviewBy ? { reviewBy } : {}),
  };
}

/** A content file's Markdown, rendered as a save from the web would; too complex to render is a bad file. */
function renderFile(file: string, post: PostMarkdown): RenderedFields {
  try {
    return renderPostMarkdown(post);
  } catch (error) {
    if (error instanceof ValidationError) throw new Error(`${file}: ${JSON.stringify(error.fieldErrors)}`);
    throw error;
  }
}

function isUnchanged(tx: Db, existing: PostBefore, hash: string, write: Omit<PostWrite, "rendered">): boolean {
  const postId = existing.id;
  const previous = storedHash(tx, "post", postId);
  if (previous !== null) return previous === hash;
  // Before hashes were kept: compare with the latest revision, read as the current snapshot version.
  const [latest] = listRevisions("post", postId, { includeRestricted: true }, tx);
  return Boolean(
    latest &&
      isDeepStrictEqual(
        readPostSnapshot(latest.schemaVersion, latest.snapshot),
        snapshotOf(write, write.publishedAt ?? null, existing),
      ),
  );
}
