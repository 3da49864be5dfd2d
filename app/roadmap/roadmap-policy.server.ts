/**
 * Who may see and change roadmap items: the one rule, used by the commands,
 * the queries, the search documents (`readers` becomes their visibility) and
 * the routes. Every member of staff reads the roadmap. Coordinators (SRS
 * staff) create items and assign their owners; an item's owner edits it,
 * posts its progress updates and manages its links; coordinators may edit and
 * update any item too; administrators may do everything.
 */
import { authorize, can, type RecordPolicy } from "../auth/policy";
import { ADMIN, COORDINATOR, EVERYONE, holdsAny, type Principal, person, type SessionUser } from "../auth/principals";

/** What the rule needs to know of a roadmap item. */
export interface RoadmapItemAccessFacts {
  ownerId: string | null;
}

/**
 * Actions beyond reading: `edit` (its fields and status), `postUpdate` (a
 * progress update), `manageLinks` (link and unlink posts), `assignOwner`.
 */
export type RoadmapItemAction = "edit" | "postUpdate" | "manageLinks" | "assignOwner";

const owner = (item: RoadmapItemAccessFacts): Principal[] => (item.ownerId ? [person(item.ownerId)] : []);

export const roadmapItemPolicy: RecordPolicy<RoadmapItemAccessFacts, RoadmapItemAction> = {
  recordType: "roadmap_item",
  readers: () => [EVERYONE],
  allowed: (action, item) => {
    switch (action) {
      case "assignOwner":
        return [COORDINATOR, ADMIN];
      case "manageLinks":
        return [...owner(item), ADMIN];
      case "edit":
      case "postUpdate":
        return [...owner(item), COORDINATOR, ADMIN];
    }
  },
};

export function canOnRoadmapItem(
  user: SessionUser,
  action: RoadmapItemAction | "read",
  item: RoadmapItemAccessFacts,
): boolean {
  return can(roadmapItemPolicy, user, action, item);
}

/** Throws NotFoundError (may not see it) or ForbiddenError (may see it, may not do this). */
export function authorizeRoadmapItem(
  user: SessionUser,
  action: RoadmapItemAction | "read",
  item: RoadmapItemAccessFacts,
): void {
  authorize(roadmapItemPolicy, user, action, item, "roadmap item");
}

/** May this person create roadmap items (and so choose their first owner)? */
export function canCreateRoadmapItems(user: SessionUser): boolean {
  return holdsAny(user, [COORDINATOR, ADMIN]);
}

/** `manage`: add themes. Every member of staff reads them (they label the roadmap). */
export type RoadmapThemeAction = "manage";

/** Who may see and add roadmap themes: everyone sees them; administrators add them. */
export const roadmapThemePolicy: RecordPolicy<unknown, RoadmapThemeAction> = {
  recordType: "roadmap_theme",
  readers: () => [EVERYONE],
  allowed: () => [ADMIN],
};

/** May this person add roadmap themes? */
export function canManageRoadmapThemes(user: SessionUser): boolean {
  return can(roadmapThemePolicy, user, "manage", null);
}
