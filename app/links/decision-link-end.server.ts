/**
 * Decisions as the subject of typed links ("affects" a roadmap item). An end
 * is read by those who may read the decision's content (a confidential one:
 * its board's members and administrators), so its title never reaches
 * anyone else through a link; the board's managers manage its links.
 */
import { eq, inArray } from "drizzle-orm";
import { decisions } from "../../db/schema";
import type { BoardContentFacts } from "../boards/board-access.server";
import { canOnDecision } from "../boards/decision-policy.server";
import { normaliseDecisionReference } from "../decisions/decision-references";
import type { Db } from "../platform/db.server";
import type { LinkableType, LinkEnd } from "./link-ends.server";

const columns = {
  id: decisions.id,
  reference: decisions.reference,
  title: decisions.title,
  titleCy: decisions.titleCy,
  status: decisions.status,
  boardId: decisions.boardId,
  confidential: decisions.confidential,
};

type Row = {
  id: number;
  reference: string;
  title: string;
  titleCy: string | null;
  status: string;
  boardId: number;
  confidential: boolean;
};

function toEnd(row: Row): LinkEnd {
  return {
    type: "decision",
    id: String(row.id),
    slug: row.reference,
    title: row.title,
    titleCy: row.titleCy,
    url: `/decisions/${row.reference}`,
    status: row.status,
    kind: null,
    partnerIds: [],
    access: { boardId: row.boardId, confidential: row.confidential } satisfies BoardContentFacts,
  };
}

const factsOf = (end: LinkEnd) => end.access as BoardContentFacts;

export const decisionLinkEnd: LinkableType = {
  type: "decision",
  load(ids, db: Db) {
    const numeric = ids.map(Number).filter(Number.isSafeInteger);
    if (numeric.length === 0) return new Map();
    const rows = db.select(columns).from(decisions).where(inArray(decisions.id, numeric)).all();
    return new Map(rows.map((row) => [String(row.id), toEnd(row)]));
  },
  findBySlug(slug, db) {
    const reference = normaliseDecisionReference(slug);
    if (!reference) return null;
    const row = db.select(columns).from(decisions).where(eq(decisions.reference, reference)).get();
    return row ? toEnd(row) : null;
  },
  canRead: (user, end) => canOnDecision(user, "readContent", factsOf(end)),
  canManageLinks: (user, end) => canOnDecision(user, "manage", factsOf(end)),
  // Whatever its status: a withdrawn or superseded decision still affected what it affected.
  acceptsNewLinks: () => true,
  isArchived: () => false,
};
