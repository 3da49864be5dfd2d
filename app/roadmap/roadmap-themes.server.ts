/** The roadmap's themes: the list, and administrators adding one ("roadmap_theme.added"). */
import { asc, eq } from "drizzle-orm";
import { roadmapThemes } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { recordEvent } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ForbiddenError, ValidationError } from "../platform/errors";
import { slugify } from "../posts/slug";
import { RoadmapThemeInputSchema, validated } from "./roadmap-item-schemas";
import { canManageRoadmapThemes } from "./roadmap-policy.server";

export interface RoadmapTheme {
  id: number;
  slug: string;
  name: string;
  nameCy: string | null;
}

export function listRoadmapThemes(db: Db = getDb()): RoadmapTheme[] {
  return db
    .select({ id: roadmapThemes.id, slug: roadmapThemes.slug, name: roadmapThemes.name, nameCy: roadmapThemes.nameCy })
    .from(roadmapThemes)
    .orderBy(asc(roadmapThemes.name))
    .all();
}

/**
 * Adds a theme; its slug is made from its name. A name whose slug another
 * theme has ("Cyber Security" beside "Cyber security") is refused with a message.
 */
export function addRoadmapTheme({ actor, fields, db = getDb() }: { actor: SessionUser; fields: unknown; db?: Db }) {
  if (!canManageRoadmapThemes(actor)) throw new ForbiddenError("Only administrators add roadmap themes");
  const { name } = validated(RoadmapThemeInputSchema, fields);
  const slug = slugify(name);
  if (!slug) throw new ValidationError({ name: ["roadmap.errors.themeName.noLetters"] });
  return writeTransaction((tx) => {
    if (tx.select({ id: roadmapThemes.id }).from(roadmapThemes).where(eq(roadmapThemes.slug, slug)).get()) {
      throw new ValidationError({ name: ["roadmap.errors.themeName.taken"] });
    }
    const now = new Date();
    const theme = tx.insert(roadmapThemes).values({ slug, name, createdAt: now }).returning().get();
    const eventId = recordEvent(
      tx,
      {
        type: "roadmap_theme.added",
        recordType: "roadmap_theme",
        recordId: theme.id,
        actorId: actor.id,
        source: "web",
        partnerIds: [],
        data: { slug, name },
      },
      now,
    );
    return { slug, name, id: theme.id, eventId };
  }, db);
}
