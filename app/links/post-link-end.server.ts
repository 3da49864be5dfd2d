/** Posts as the object of typed links: published ones take new links; their partner's editors manage them. */
import { eq, inArray } from "drizzle-orm";
import { posts } from "../../db/schema";
import type { Db } from "../platform/db.server";
import type { PostKind, PostStatus } from "../posts/post-kinds";
import { canOnPost } from "../posts/post-policy.server";
import type { LinkableType, LinkEnd } from "./link-ends.server";

const columns = {
  id: posts.id,
  slug: posts.slug,
  title: posts.title,
  titleCy: posts.titleCy,
  status: posts.status,
  kind: posts.kind,
  partnerId: posts.partnerId,
};

type Row = {
  id: number;
  slug: string;
  title: string;
  titleCy: string | null;
  status: string;
  kind: string;
  partnerId: number;
};

function toEnd(row: Row): LinkEnd {
  return {
    type: "post",
    id: String(row.id),
    slug: row.slug,
    title: row.title,
    titleCy: row.titleCy,
    url: `/posts/${row.slug}`,
    status: row.status,
    kind: row.kind,
    partnerIds: [row.partnerId],
    access: null,
  };
}

/** The facts the post policy needs, from an end. */
function facts(end: LinkEnd): { partnerId: number; status: PostStatus; kind: PostKind } {
  return { partnerId: end.partnerIds[0] ?? 0, status: end.status as PostStatus, kind: end.kind as PostKind };
}

export const postLinkEnd: LinkableType = {
  type: "post",
  load(ids, db: Db) {
    const numeric = ids.map(Number).filter(Number.isSafeInteger);
    if (numeric.length === 0) return new Map();
    const rows = db.select(columns).from(posts).where(inArray(posts.id, numeric)).all();
    return new Map(rows.map((row) => [String(row.id), toEnd(row)]));
  },
  findBySlug(slug, db) {
    const row = db.select(columns).from(posts).where(eq(posts.slug, slug)).get();
    return row ? toEnd(row) : null;
  },
  canRead: (user, end) => canOnPost(user, "read", facts(end)),
  // The post policy's managers: its partner's editors and administrators.
  canManageLinks: (user, end) => canOnPost(user, "edit", facts(end)),
  // A draft is not there yet for others to see, an archived post is kept for the record, not for new work.
  acceptsNewLinks: (end) => end.status === "published",
  isArchived: (end) => end.status === "archived",
  pickableStatuses: ["published"],
};
