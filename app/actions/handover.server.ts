/**
 * Handing over the work of someone who has left: for an administrator, the
 * deactivated person's open actions, the roadmap items they own and the
 * posts they are the contact for, each reassigned through its own record
 * type's command and rules (an action's owner: any active account; a
 * roadmap item's owner: roadmapItemPolicy's assignOwner and its owner
 * rule; a post's contact: the post's contact rules), so a handover can do
 * nothing the ordinary forms could not.
 */
import { and, asc, eq, isNull, ne, or } from "drizzle-orm";
import { actions, partners, posts, roadmapItems } from "../../db/schema";
import { getAccountForAdmin } from "../auth/account-directory.server";
import type { SessionUser } from "../auth/principals";
import { type Db, getDb } from "../platform/db.server";
import { NotFoundError, ValidationError } from "../platform/errors";
import { listContactChoices } from "../posts/post-contacts.server";
import { presentPostForEditing } from "../posts/post-presenter.server";
import { getPostForEditing } from "../posts/posts.server";
import { updatePost } from "../posts/save-post.server";
import { storedRoadmapItemValues } from "../roadmap/roadmap-form-data.server";
import { getRoadmapItemFor } from "../roadmap/roadmap-items.server";
import { listRoadmapOwners } from "../roadmap/roadmap-references.server";
import { updateRoadmapItem } from "../roadmap/update-roadmap-item.server";
import { reassignAction } from "./action-commands.server";
import { listActionOwners } from "./actions.server";

/** What is left to hand over, and whom each may go to. Administrators only (others: not found). */
export function handoverFor(actor: SessionUser, userId: string, db: Db = getDb()) {
  const { person } = getAccountForAdmin(actor, userId, db);
  const openActions = db
    .select({ id: actions.id, description: actions.description, dueDate: actions.dueDate })
    .from(actions)
    .where(and(eq(actions.ownerId, userId), eq(actions.status, "open")))
    .orderBy(asc(actions.dueDate), asc(actions.id))
    .all();
  const items = db
    .select({ id: roadmapItems.id, slug: roadmapItems.slug, title: roadmapItems.title })
    .from(roadmapItems)
    .where(eq(roadmapItems.ownerId, userId))
    .orderBy(asc(roadmapItems.title))
    .all();
  const contactPosts = db
    .select({ id: posts.id, slug: posts.slug, title: posts.title, partnerSlug: partners.slug })
    .from(posts)
    .innerJoin(partners, eq(partners.id, posts.partnerId))
    .where(
      and(
        ne(posts.status, "archived"),
        or(eq(posts.contactId, userId), and(isNull(posts.contactId), eq(posts.authorId, userId))),
      ),
    )
    .orderBy(asc(posts.title))
    .all();
  const contactChoices = listContactChoices([...new Set(contactPosts.map((post) => post.partnerSlug))], db);
  const others = <T extends { id: string }>(people: T[]) => people.filter((candidate) => candidate.id !== userId);
  return {
    person: { id: person.id, name: person.name, deactivated: Boolean(person.deactivatedAt) },
    actions: openActions,
    actionOwners: others(listActionOwners(db)),
    roadmapItems: items,
    roadmapOwners: others(listRoadmapOwners(db)),
    posts: contactPosts.map((post) => ({
      ...post,
      contacts: others(contactChoices.find((choice) => choice.partner === post.partnerSlug)?.people ?? []),
    })),
  };
}

type HandoverKind = "action" | "roadmap-item" | "post";

/**
 * Hands one record over to `to`. Throws NotFoundError (not an administrator,
 * or the record is not the person's to hand over), ForbiddenError or
 * ValidationError (`to` may not take it), as the record's own command does.
 */
export function handOver(
  actor: SessionUser,
  userId: string,
  input: { kind: HandoverKind | string; record: string; to: string },
  db: Db = getDb(),
): void {
  const left = handoverFor(actor, userId, db);
  if (!input.to) throw new ValidationError({ to: ["handover.errors.person"] });
  switch (input.kind) {
    case "action": {
      const action = left.actions.find((candidate) => String(candidate.id) === input.record);
      if (!action) throw new NotFoundError("No such action to hand over");
      asToField(() => reassignAction({ actor, actionId: action.id, owner: input.to, db }), "owner");
      return;
    }
    case "roadmap-item": {
      const item = left.roadmapItems.find((candidate) => candidate.slug === input.record);
      if (!item) throw new NotFoundError("No such roadmap item to hand over");
      const { values } = storedRoadmapItemValues(actor, getRoadmapItemFor(actor, "edit", item.slug, db), db);
      asToField(
        () => updateRoadmapItem({ actor, slug: item.slug, fields: { ...values, owner: input.to }, db }),
        "owner",
      );
      return;
    }
    case "post": {
      const post = left.posts.find((candidate) => candidate.slug === input.record);
      if (!post) throw new NotFoundError("No such post to hand over");
      const {
        address: _address,
        everPublished: _everPublished,
        ...values
      } = presentPostForEditing(getPostForEditing(actor, post.slug, db));
      asToField(() => updatePost({ actor, slug: post.slug, fields: { ...values, contact: input.to }, db }), "contact");
      return;
    }
    default:
      throw new NotFoundError("Nothing of that kind to hand over");
  }
}

/** The record's own command names its field (owner, contact): the handover form has one, `to`. */
function asToField(run: () => unknown, field: string): void {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError && error.fieldErrors[field]) {
      throw new ValidationError({ to: ["handover.errors.person"] });
    }
    throw error;
  }
}
