import { eq } from "drizzle-orm";
import { posts } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { forgetImportedContent } from "../content/imported-content.server";
import { lastEventId, recordEvent } from "../events/event-log.server";
import { loadEnd } from "../links/link-ends.server";
import { removeLinksOf } from "../links/write-link.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { forgetOldAddresses } from "../platform/record-redirects.server";
import { deleteRevisions } from "../revisions/revisions.server";
import { getPostForDeleting } from "./posts.server";

/**
 * Deletes a post with its tags, revisions, old addresses and links (an event for each link), recording the deletion in the
 * event log (which removes it from search) in the same transaction. Throws
 * NotFoundError or ForbiddenError when the actor may not.
 */
export function deletePost({ actor, slug, db = getDb() }: { actor: SessionUser; slug: string; db?: Db }) {
  return writeTransaction((tx) => {
    const post = getPostForDeleting(actor, slug, tx);
    const now = new Date();
    const asLinked = loadEnd("post", String(post.id), tx);
    if (asLinked) removeLinksOf(tx, asLinked, { actorId: actor.id, source: "web", now });
    tx.delete(posts).where(eq(posts.id, post.id)).run();
    deleteRevisions(tx, "post", post.id);
    forgetImportedContent(tx, "post", post.id);
    forgetOldAddresses(tx, "post", post.id);
    recordEvent(
      tx,
      {
        type: "post.deleted",
        recordType: "post",
        recordId: post.id,
        actorId: actor.id,
        source: "web",
        partnerIds: [post.partnerId],
        data: { slug: post.slug, title: post.title.slice(0, 200), kind: post.kind, status: post.status },
      },
      now,
    );
    return { partnerSlug: post.partner.slug, title: post.title, id: post.id, eventId: lastEventId(tx) };
  }, db);
}
