/** Roadmap items as the subject of typed links: every member of staff reads them; their owner and admins manage links. */
import { eq, inArray } from "drizzle-orm";
import { roadmapItemPartners, roadmapItems } from "../../db/schema";
import type { Db } from "../platform/db.server";
import { canOnRoadmapItem, type RoadmapItemAccessFacts } from "../roadmap/roadmap-policy.server";
import type { LinkableType, LinkEnd } from "./link-ends.server";

const columns = {
  id: roadmapItems.id,
  slug: roadmapItems.slug,
  title: roadmapItems.title,
  titleCy: roadmapItems.titleCy,
  status: roadmapItems.status,
  ownerId: roadmapItems.ownerId,
};

type Row = { id: number; slug: string; title: string; titleCy: string | null; status: string; ownerId: string | null };

function toEnds(rows: Row[], db: Db): Map<string, LinkEnd> {
  const partnersOf = new Map<number, number[]>();
  if (rows.length > 0) {
    const taking = db
      .select()
      .from(roadmapItemPartners)
      .where(
        inArray(
          roadmapItemPartners.itemId,
          rows.map((row) => row.id),
        ),
      )
      .all();
    for (const { itemId, partnerId } of taking) partnersOf.set(itemId, [...(partnersOf.get(itemId) ?? []), partnerId]);
  }
  return new Map(
    rows.map((row) => {
      const end: LinkEnd = {
        type: "roadmap_item",
        id: String(row.id),
        slug: row.slug,
        title: row.title,
        titleCy: row.titleCy,
        url: `/roadmap/${row.slug}`,
        status: row.status,
        kind: null,
        partnerIds: (partnersOf.get(row.id) ?? []).sort((a, b) => a - b),
        access: { ownerId: row.ownerId } satisfies RoadmapItemAccessFacts,
      };
      return [end.id, end];
    }),
  );
}

const ownerOf = (end: LinkEnd) => end.access as RoadmapItemAccessFacts;

export const roadmapItemLinkEnd: LinkableType = {
  type: "roadmap_item",
  load(ids, db) {
    const numeric = ids.map(Number).filter(Number.isSafeInteger);
    if (numeric.length === 0) return new Map();
    return toEnds(db.select(columns).from(roadmapItems).where(inArray(roadmapItems.id, numeric)).all(), db);
  },
  findBySlug(slug, db) {
    const row = db.select(columns).from(roadmapItems).where(eq(roadmapItems.slug, slug)).get();
    return row ? (toEnds([row], db).get(String(row.id)) ?? null) : null;
  },
  canRead: (user, end) => canOnRoadmapItem(user, "read", ownerOf(end)),
  canManageLinks: (user, end) => canOnRoadmapItem(user, "manageLinks", ownerOf(end)),
  // Any item, whatever its status: a cancelled item can still have learned something.
  acceptsNewLinks: () => true,
  isArchived: () => false,
};
