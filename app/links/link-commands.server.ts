/**
 * Adding and removing typed links, as a person: allowed when they may manage
 * links on either end (an item's owner links any published post; a post's
 * editor links their partner's post to any item; administrators anything).
 * An end they cannot see is not found; one they can see but manage neither
 * end of is forbidden, and nothing is written.
 */
import { eq } from "drizzle-orm";
import type { LinkRelation } from "../../db/enums";
import { recordLinks } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ForbiddenError, NotFoundError } from "../platform/errors";
import { type LinkEnd, loadEnd, requireLinkableType } from "./link-ends.server";
import { relationManagedBy } from "./link-relations";
import { deleteLink, type LinkRow, loadEnds, type NewLink, writeLink } from "./write-link.server";

/** May this person link or unlink between these two ends, with this relation (see RelationRule.managedBy)? */
export function mayManageLinkBetween(
  user: SessionUser,
  ends: { subject: LinkEnd; object: LinkEnd },
  relation: string,
): boolean {
  const managing =
    relationManagedBy(relation as LinkRelation) === "subject" ? [ends.subject] : [ends.subject, ends.object];
  return managing.some((end) => requireLinkableType(end.type).canManageLinks(user, end));
}

/** Throws NotFoundError when the person cannot see an end (as if it did not exist), ForbiddenError when they may not link. */
function authorizeLinking(user: SessionUser, ends: { subject: LinkEnd; object: LinkEnd }, relation: string): void {
  for (const end of [ends.subject, ends.object]) {
    if (!requireLinkableType(end.type).canRead(user, end)) throw new NotFoundError("No such record");
  }
  if (!mayManageLinkBetween(user, ends, relation)) throw new ForbiddenError("You may not link these records");
}

export interface AddedLink {
  link: LinkRow;
  subject: LinkEnd;
  object: LinkEnd;
  eventId: number;
}

/** Links two records as the actor. Throws NotFoundError, ForbiddenError or ValidationError (see writeLink). */
export function addLink(actor: SessionUser, link: NewLink, db: Db = getDb(), now: Date = new Date()): AddedLink {
  return writeTransaction((tx) => {
    // Read inside the transaction: a post cannot be archived between the check and the write.
    authorizeLinking(actor, loadEnds(link.subject, link.object, tx), link.relation);
    const written = writeLink(tx, link, { actorId: actor.id, source: "web", now });
    return { link: written.link, subject: written.ends.subject, object: written.ends.object, eventId: written.eventId };
  }, db);
}

export interface RemovedLink {
  link: LinkRow;
  subject: LinkEnd;
  object: LinkEnd;
  eventId: number;
}

/** Unlinks as the actor. A link whose ends they cannot see is not found; one they may not manage is forbidden. */
export function removeLink(actor: SessionUser, linkId: number, db: Db = getDb(), now: Date = new Date()): RemovedLink {
  return writeTransaction((tx) => {
    const link = Number.isSafeInteger(linkId)
      ? tx.select().from(recordLinks).where(eq(recordLinks.id, linkId)).get()
      : undefined;
    if (!link) throw new NotFoundError("No such link");
    const subject = loadEnd(link.subjectType, link.subjectId, tx);
    const object = loadEnd(link.objectType, link.objectId, tx);
    // A link outlives neither end (deleting either removes it): a missing end is a link that is going.
    if (!subject || !object) throw new NotFoundError("No such link");
    authorizeLinking(actor, { subject, object }, link.relation);
    const eventId = deleteLink(tx, link, { subject, object }, { actorId: actor.id, source: "web", now });
    return { link, subject, object, eventId };
  }, db);
}
