/**
 * Imports partners' "we want this too" from `content/roadmap/_interest.md`.
 * The file as a whole is matched by a hash of its entries (kept as a
 * setting): unchanged, it is left alone, so an interest withdrawn in the Hub
 * stays withdrawn. Changed, each entry is added if missing or has its note
 * brought up to date; entries taken out of the file are left in the Hub.
 * Dates are days before the import (decision 046).
 */
import { and, eq } from "drizzle-orm";
import { partnerResponses } from "../../db/schema";
import { getPartnerBySlug } from "../partners/partners.server";
import type { Db } from "../platform/db.server";
import { getSetting, setSetting } from "../platform/settings.server";
import { parseResponseNote, writeResponse } from "../posts/partner-responses.server";
import { RESPONSE_TARGET_KINDS } from "../posts/post-policy.server";
import { findPostBySlug } from "../posts/posts.server";
import { INTEREST_FILE, type InterestEntry } from "./content-files.server";

const HASH_SETTING = "imported_interest_hash";
const DAY_MS = 24 * 60 * 60 * 1000;

export type InterestCounts = { created: number; updated: number; unchanged: number };

/** Imports the entries inside the caller's transaction; throws naming the file for an entry that cannot be. */
export function importInterest(tx: Db, entries: InterestEntry[], hash: string, now: Date): InterestCounts {
  const counts: InterestCounts = { created: 0, updated: 0, unchanged: 0 };
  if (getSetting(HASH_SETTING, tx) === hash) {
    counts.unchanged = entries.length;
    return counts;
  }
  for (const entry of entries) {
    const where = `${INTEREST_FILE}: ${entry.partner} on ${entry.post}`;
    const post = findPostBySlug(entry.post, tx);
    const partner = getPartnerBySlug(entry.partner, tx);
    if (!post) throw new Error(`${where}: unknown post`);
    if (!partner) throw new Error(`${where}: unknown partner`);
    // The rule the web form follows (canRegisterInterest), with no person: another partner's published aspiration.
    if (
      post.status !== "published" ||
      !RESPONSE_TARGET_KINDS.interested.includes(post.kind) ||
      post.partnerId === partner.id
    ) {
      throw new Error(`${where}: only another partner's published aspiration can be wanted`);
    }
    let note: string;
    try {
      note = parseResponseNote(entry.note, "interested");
    } catch {
      throw new Error(`${where}: the note is too long`);
    }
    const said = new Date(now.getTime() - entry.daysAgo * DAY_MS);
    const match = and(
      eq(partnerResponses.postId, post.id),
      eq(partnerResponses.partnerId, partner.id),
      eq(partnerResponses.kind, "interested"),
    );
    const existing = tx.select({ note: partnerResponses.note }).from(partnerResponses).where(match).get();
    if (existing && existing.note === note) {
      counts.unchanged++;
      continue;
    }
    const { updated } = writeResponse(
      tx,
      { post, partnerId: partner.id, kind: "interested", note, since: said },
      { actorId: null, source: "import" },
      now,
    );
    if (updated) counts.updated++;
    else counts.created++;
  }
  setSetting(HASH_SETTING, hash, tx);
  return counts;
}
