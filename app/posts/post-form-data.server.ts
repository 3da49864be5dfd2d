/** What the post form offers to choose from: partners, their people as contacts, and topics as tags. */
import type { SessionUser } from "../auth/principals";
import { listPublishablePartners } from "../partners/publishable-partners.server";
import { type Db, getDb } from "../platform/db.server";
import { listContactChoices } from "./post-contacts.server";
import { listPublishedTags } from "./posts.server";
import { tagSuggestions } from "./topics.server";

export function postFormChoices(user: SessionUser, db: Db = getDb()) {
  const partners = listPublishablePartners(user);
  return {
    partners,
    contacts: listContactChoices(
      partners.map((partner) => partner.slug),
      db,
    ),
    // Tags of published posts only: a draft's tags would tell of the draft.
    tags: tagSuggestions(listPublishedTags(db), db),
  };
}
