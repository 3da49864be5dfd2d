/**
 * The numbers a person sees on a meeting's agenda: 1, 2, 3... among the
 * items they may see, so that a confidential item leaves no gap in anyone
 * else's numbering (its stored position would hint that it exists). Pages
 * that name an agenda item by number (the meeting, its papers, a paper, a
 * decision) use these, never the stored position.
 */
import { and, asc, eq } from "drizzle-orm";
import { agendaItems, meetings } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { type Db, getDb } from "../platform/db.server";
import { boardContentVisibleTo } from "./board-access.server";

/** Each visible agenda item's id and the number this person sees it under. */
export function agendaNumbersFor(user: SessionUser, meetingId: number, db: Db = getDb()): Map<number, number> {
  const rows = db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        eq(agendaItems.meetingId, meetingId),
        boardContentVisibleTo(user, meetings.boardId, agendaItems.confidential),
      ),
    )
    .orderBy(asc(agendaItems.position))
    .all();
  return new Map(rows.map((row, index) => [row.id, index + 1]));
}
