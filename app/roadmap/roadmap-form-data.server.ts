/** What the roadmap item form offers: themes, partners, owners; and a stored item's values for it. */

import type { SessionUser } from "../auth/principals";
import { listPartners } from "../partners/partners.server";
import { type Db, getDb } from "../platform/db.server";
import { presentRoadmapItemForEditing } from "./roadmap-item-presenter.server";
import type { StoredRoadmapItem } from "./roadmap-items.server";
import { canOnRoadmapItem } from "./roadmap-policy.server";
import { listRoadmapOwners } from "./roadmap-references.server";
import { listRoadmapThemes } from "./roadmap-themes.server";

export function roadmapFormChoices(db: Db = getDb()) {
  return {
    themes: listRoadmapThemes(db).map(({ slug, name }) => ({ slug, name })),
    partners: listPartners(db).map(({ slug, name }) => ({ slug, name })),
    owners: listRoadmapOwners(db),
  };
}

/** The stored item as the edit form shows it, and whether this person may choose another owner. */
export function storedRoadmapItemValues(user: SessionUser, item: StoredRoadmapItem, db: Db = getDb()) {
  const theme = listRoadmapThemes(db).find((candidate) => candidate.id === item.themeId)?.slug ?? "";
  const partners = listPartners(db)
    .filter((partner) => item.partnerIds.includes(partner.id))
    .map((partner) => partner.slug);
  return {
    values: presentRoadmapItemForEditing(item, { theme, partners }),
    mayAssignOwner: canOnRoadmapItem(user, "assignOwner", item),
  };
}
