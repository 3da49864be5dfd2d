/**
 * Commands on boards: administrators add and edit a board and seat, re-seat
 * and unseat its members. Each writes its row, a revision of the board (for
 * a save) and its event in one transaction; the import writes through the
 * same `write*` functions.
 */
import { and, eq, ne } from "drizzle-orm";
import type { BoardRole, ChangeSource } from "../../db/enums";
import { boardMembers, boards, type RenderedFields, users } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { recordEvent } from "../events/event-log.server";
import { renderForSave } from "../markdown/render-for-save.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "../platform/errors";
import { addRevision } from "../revisions/revisions.server";
import { validated } from "../roadmap/roadmap-item-schemas";
import { canCreateBoards, canOnBoard } from "./board-policy.server";
import { type BoardFields, type BoardInput, BoardInputSchema, SeatInputSchema } from "./board-schemas";
import { boardHasDecisions, findBoardBySlug, otherChairOf } from "./boards.server";

export interface BoardWriteMeta {
  actorId: string | null;
  source: ChangeSource;
  now: Date;
}

const BOARD_SNAPSHOT_VERSION = 1;

export function renderBoardDescription(description: string): RenderedFields {
  return renderForSave({ description });
}

function keepBoardRevision(tx: Db, boardId: number, input: BoardInput, rendered: RenderedFields, meta: BoardWriteMeta) {
  addRevision(tx, {
    recordType: "board",
    recordId: boardId,
    schemaVersion: BOARD_SNAPSHOT_VERSION,
    snapshot: {
      slug: input.slug,
      name: input.name,
      referencePrefix: input.referencePrefix,
      description: input.description,
    },
    rendered,
    // Every member of staff reads a board.
    restricted: false,
    actorId: meta.actorId,
    source: meta.source,
    createdAt: meta.now,
  });
}

/** The slug and prefix are free (the prefix: for another board). */
function checkUnique(tx: Db, input: BoardInput, boardId: number | null): void {
  const errors: Record<string, string[]> = {};
  const notThis = (column: typeof boards.id) => (boardId === null ? undefined : ne(column, boardId));
  if (
    tx
      .select({ id: boards.id })
      .from(boards)
      .where(and(eq(boards.slug, input.slug), notThis(boards.id)))
      .get()
  ) {
    errors.slug = ["boards.errors.slug.taken"];
  }
  if (
    tx
      .select({ id: boards.id })
      .from(boards)
      .where(and(eq(boards.referencePrefix, input.referencePrefix), notThis(boards.id)))
      .get()
  ) {
    errors.referencePrefix = ["boards.errors.referencePrefix.taken"];
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

/** Inserts a board with its revision and "board.created"; returns its id. */
export function writeNewBoard(tx: Db, input: BoardInput, meta: BoardWriteMeta, rendered?: RenderedFields): number {
  checkUnique(tx, input, null);
  const html = rendered ?? renderBoardDescription(input.description);
  const row = tx
    .insert(boards)
    .values({ ...input, rendered: html, createdAt: meta.now, updatedAt: meta.now })
    .returning({ id: boards.id })
    .get();
  keepBoardRevision(tx, row.id, input, html, meta);
  recordEvent(
    tx,
    {
      type: "board.created",
      recordType: "board",
      recordId: row.id,
      actorId: meta.actorId,
      source: meta.source,
      partnerIds: [],
      data: { slug: input.slug, name: input.name },
    },
    meta.now,
  );
  return row.id;
}

/** Saves a board's edit with its revision and "board.edited". The prefix is fixed once a decision carries it. */
export function writeBoardChange(
  tx: Db,
  boardId: number,
  input: BoardInput,
  meta: BoardWriteMeta,
  rendered?: RenderedFields,
): void {
  const before = tx.select().from(boards).where(eq(boards.id, boardId)).get();
  if (!before) throw new NotFoundError("No such board");
  if (before.referencePrefix !== input.referencePrefix && boardHasDecisions(boardId, tx)) {
    throw new ValidationError({ referencePrefix: ["boards.errors.referencePrefix.fixed"] });
  }
  checkUnique(tx, input, boardId);
  const html = rendered ?? renderBoardDescription(input.description);
  tx.update(boards)
    .set({ ...input, rendered: html, updatedAt: meta.now })
    .where(eq(boards.id, boardId))
    .run();
  keepBoardRevision(tx, boardId, input, html, meta);
  recordEvent(
    tx,
    {
      type: "board.edited",
      recordType: "board",
      recordId: boardId,
      actorId: meta.actorId,
      source: meta.source,
      partnerIds: [],
      data: { slug: input.slug, name: input.name },
    },
    meta.now,
  );
}

/** Creates a board (administrators). Throws ForbiddenError or ValidationError. */
export function createBoard({ actor, fields, db = getDb() }: { actor: SessionUser; fields: BoardFields; db?: Db }): {
  id: number;
  slug: string;
} {
  if (!canCreateBoards(actor)) throw new ForbiddenError("You may not add boards");
  const input = validated(BoardInputSchema, fields);
  const rendered = renderBoardDescription(input.description);
  return writeTransaction((tx) => {
    const id = writeNewBoard(tx, input, { actorId: actor.id, source: "web", now: new Date() }, rendered);
    return { id, slug: input.slug };
  }, db);
}

/** Edits a board (administrators); its slug stays what it was. */
export function editBoard({
  actor,
  slug,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  slug: string;
  fields: BoardFields;
  db?: Db;
}): {
  id: number;
  slug: string;
} {
  const board = findBoardBySlug(slug, db);
  if (!board) throw new NotFoundError("No such board");
  if (!canOnBoard(actor, "manage", board)) throw new ForbiddenError("You may not edit this board");
  // A board's address is kept: bookmarks, calendars and printed packs point at it.
  const input = validated(BoardInputSchema, { ...fields, slug: board.slug });
  const rendered = renderBoardDescription(input.description);
  writeTransaction(
    (tx) => writeBoardChange(tx, board.id, input, { actorId: actor.id, source: "web", now: new Date() }, rendered),
    db,
  );
  return { id: board.id, slug: board.slug };
}

/**
 * Seats a person on a board as `role`, or changes the role of a seat they
 * hold, with "board.member_seated" ({userId, role}, and `from` for a change).
 * A board has at most one chair; secretaries (deputies) are as many as needed.
 */
export function writeSeat(tx: Db, boardId: number, userId: string, role: BoardRole, meta: BoardWriteMeta): boolean {
  const person = tx
    .select({ id: users.id, partnerId: users.partnerId, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!person || person.deactivatedAt !== null) throw new ValidationError({ person: ["boards.errors.person.unknown"] });
  if (role === "chair" && otherChairOf(boardId, userId, tx)) {
    throw new ValidationError({ role: ["boards.errors.role.oneChair"] });
  }
  const seat = tx
    .select({ role: boardMembers.role })
    .from(boardMembers)
    .where(and(eq(boardMembers.boardId, boardId), eq(boardMembers.userId, userId)))
    .get();
  if (seat?.role === role) return false;
  if (seat) {
    tx.update(boardMembers)
      .set({ role })
      .where(and(eq(boardMembers.boardId, boardId), eq(boardMembers.userId, userId)))
      .run();
  } else {
    tx.insert(boardMembers).values({ boardId, userId, role, createdAt: meta.now }).run();
  }
  recordEvent(
    tx,
    {
      type: "board.member_seated",
      recordType: "board",
      recordId: boardId,
      actorId: meta.actorId,
      source: meta.source,
      partnerIds: [person.partnerId],
      data: { userId, role, ...(seat ? { from: seat.role } : {}) },
    },
    meta.now,
  );
  return true;
}

/** Takes a person's seat away, with "board.member_unseated" ({userId, role}). */
export function writeUnseat(tx: Db, boardId: number, userId: string, meta: BoardWriteMeta): void {
  const seat = tx
    .select({ role: boardMembers.role, partnerId: users.partnerId })
    .from(boardMembers)
    .innerJoin(users, eq(users.id, boardMembers.userId))
    .where(and(eq(boardMembers.boardId, boardId), eq(boardMembers.userId, userId)))
    .get();
  if (!seat) throw new ValidationError({ person: ["boards.errors.person.notSeated"] });
  tx.delete(boardMembers)
    .where(and(eq(boardMembers.boardId, boardId), eq(boardMembers.userId, userId)))
    .run();
  recordEvent(
    tx,
    {
      type: "board.member_unseated",
      recordType: "board",
      recordId: boardId,
      actorId: meta.actorId,
      source: meta.source,
      partnerIds: [seat.partnerId],
      data: { userId, role: seat.role },
    },
    meta.now,
  );
}

function managedBoard(actor: SessionUser, slug: string, db: Db) {
  const board = findBoardBySlug(slug, db);
  if (!board) throw new NotFoundError("No such board");
  if (!canOnBoard(actor, "manage", board)) throw new ForbiddenError("You may not seat members of this board");
  return board;
}

/** Seats a person, or changes their role (administrators). */
export function seatMember({
  actor,
  slug,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  slug: string;
  fields: { person?: string; role?: string };
  db?: Db;
}): void {
  const board = managedBoard(actor, slug, db);
  const input = validated(SeatInputSchema, fields);
  writeTransaction(
    (tx) => writeSeat(tx, board.id, input.person, input.role, { actorId: actor.id, source: "web", now: new Date() }),
    db,
  );
}

/** Unseats a person (administrators). */
export function unseatMember({
  actor,
  slug,
  person,
  db = getDb(),
}: {
  actor: SessionUser;
  slug: string;
  person: string;
  db?: Db;
}): void {
  const board = managedBoard(actor, slug, db);
  writeTransaction(
    (tx) => writeUnseat(tx, board.id, person, { actorId: actor.id, source: "web", now: new Date() }),
    db,
  );
}
