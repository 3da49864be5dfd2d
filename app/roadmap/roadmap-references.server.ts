/**
 * What a roadmap item names by slug or id, checked against the database: its
 * theme, the partners taking part and its owner. Each unknown one is a form
 * error on its own field. The commands and the demo import both resolve
 * through here.
 */
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { partners, roadmapThemes, users } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";
import { type FieldErrors, ValidationError } from "../platform/errors";

export interface RoadmapOwnerChoice {
  id: string;
  name: string;
  jobTitle: string | null;
  partnerName: string;
}

/**
 * Who may own a roadmap item: a person with an active account who is SRS
 * staff (any role), or who edits, coordinates or administers. Readers at the
 * partners are left out: an owner edits the item and posts its updates.
 */
const ownerCondition = and(
  isNull(users.deactivatedAt),
  or(inArray(users.role, ["editor", "coordinator", "admin"]), eq(partners.type, "shared-service")),
);

/** The people an item's owner may be chosen from, by name. */
export function listRoadmapOwners(db: Db = getDb()): RoadmapOwnerChoice[] {
  return db
    .select({ id: users.id, name: users.name, jobTitle: users.jobTitle, partnerName: partners.name })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(ownerCondition)
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

function isOwnerCandidate(db: Db, userId: string): boolean {
  return Boolean(
    db
      .select({ id: users.id })
      .from(users)
      .innerJoin(partners, eq(partners.id, users.partnerId))
      .where(and(eq(users.id, userId), ownerCondition))
      .get(),
  );
}

export interface ResolvedReferences {
  themeId: number;
  partnerIds: number[];
  ownerId: string;
}

/**
 * The theme, partners and owner as ids. `keepOwnerId` is an owner the item
 * already has: kept even if they could no longer be chosen (say, their
 * account has since ended), so an edit need not change it.
 */
export function resolveRoadmapReferences(
  db: Db,
  input: { theme: string; partners: string[]; owner: string },
  keepOwnerId?: string | null,
): ResolvedReferences {
  const errors: FieldErrors = {};
  const theme = db
    .select({ id: roadmapThemes.id })
    .from(roadmapThemes)
    .where(eq(roadmapThemes.slug, input.theme))
    .get();
  if (!theme) errors.theme = ["roadmap.errors.theme.unknown"];
  const found = db
    .select({ id: partners.id, slug: partners.slug })
    .from(partners)
    .where(inArray(partners.slug, input.partners))
    .all();
  if (found.length !== input.partners.length) errors.partners = ["roadmap.errors.partners.unknown"];
  if (input.owner !== keepOwnerId && !isOwnerCandidate(db, input.owner))
    errors.owner = ["roadmap.errors.owner.unknown"];
  if (!theme || Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { themeId: theme.id, partnerIds: found.map((partner) => partner.id), ownerId: input.owner };
}
