/**
 * The glossary: listing and reading terms (every member of staff), and the
 * administrators' commands (create, edit, delete). Each write keeps a
 * revision and records a "glossary_term.*" event in its transaction; the
 * search relay answers those events by sending the engine its new synonyms
 * (decision 059). The content import writes through `writeGlossaryTerm`.
 */
import { eq, ne } from "drizzle-orm";
import type { ChangeSource } from "../../db/enums";
import { glossaryTerms } from "../../db/schema";
import type { SessionUser } from "../auth/principals";
import { forgetImportedContent } from "../content/imported-content.server";
import { recordEvent } from "../events/event-log.server";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "../platform/errors";
import { slugify } from "../posts/slug";
import { addRevision, listRevisions, type StoredRevision } from "../revisions/revisions.server";
import type { GlossaryFields } from "./glossary-form";
import { canManageGlossary } from "./glossary-policy.server";
import { type GlossaryEntry, glossaryEntryErrors } from "./glossary-rules";

export const GLOSSARY_SNAPSHOT_VERSION = 1;

export interface GlossaryTerm extends GlossaryEntry {
  id: number;
  updatedAt: Date;
}

const columns = {
  id: glossaryTerms.id,
  slug: glossaryTerms.slug,
  term: glossaryTerms.term,
  abbreviations: glossaryTerms.abbreviations,
  otherNames: glossaryTerms.otherNames,
  welshTerms: glossaryTerms.welshTerms,
  alsoFinds: glossaryTerms.alsoFinds,
  description: glossaryTerms.description,
  updatedAt: glossaryTerms.updatedAt,
};

/** Every term, A to Z by headword. */
export function listGlossary(db: Db = getDb()): GlossaryTerm[] {
  return db
    .select(columns)
    .from(glossaryTerms)
    .all()
    .sort((a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }));
}

export function findGlossaryTerm(slug: string, db: Db = getDb()): GlossaryTerm | null {
  return db.select(columns).from(glossaryTerms).where(eq(glossaryTerms.slug, slug)).get() ?? null;
}

export function getGlossaryTerm(slug: string, db: Db = getDb()): GlossaryTerm {
  const term = findGlossaryTerm(slug, db);
  if (!term) throw new NotFoundError("No such glossary term");
  return term;
}

/** A term's revisions, newest first (nothing in a glossary entry is restricted). */
export function listGlossaryRevisions(id: number, db: Db = getDb()): StoredRevision[] {
  return listRevisions("glossary_term", id, { includeRestricted: true }, db);
}

/** The fields checked against every other entry; throws ValidationError with every problem found. */
export function checkGlossaryFields(tx: Db, fields: GlossaryFields, exceptId: number | null): void {
  const others = (
    exceptId === null
      ? tx.select(columns).from(glossaryTerms).all()
      : tx.select(columns).from(glossaryTerms).where(ne(glossaryTerms.id, exceptId)).all()
  ) as GlossaryTerm[];
  const errors = glossaryEntryErrors({ slug: "", ...fields }, others);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors as Record<string, string[]>);
}

function freeSlug(tx: Db, term: string): string {
  // "new" is the address of the form that adds a term.
  const base = ((slug) => (slug === "new" ? "new-term" : slug))(slugify(term) || "term");
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!tx.select({ id: glossaryTerms.id }).from(glossaryTerms).where(eq(glossaryTerms.slug, slug)).get()) return slug;
  }
}

export interface GlossaryWrite {
  fields: GlossaryFields;
  actorId: string | null;
  source: ChangeSource;
  now: Date;
  /** A new term's address; by default made from its headword. The import gives its file's name. */
  slug?: string;
}

/**
 * Writes a term (new when `existing` is null), its revision and its event,
 * after checking it against the rest of the glossary. Call inside a write
 * transaction; the import and the commands share it.
 */
export function writeGlossaryTerm(tx: Db, existing: GlossaryTerm | null, write: GlossaryWrite): GlossaryTerm {
  const { fields, actorId, source, now } = write;
  checkGlossaryFields(tx, fields, existing?.id ?? null);
  const values = { ...fields, updatedAt: now, updatedBy: actorId };
  const row = existing
    ? tx.update(glossaryTerms).set(values).where(eq(glossaryTerms.id, existing.id)).returning(columns).get()
    : tx
        .insert(glossaryTerms)
        .values({ ...values, slug: write.slug ?? freeSlug(tx, fields.term), createdAt: now })
        .returning(columns)
        .get();
  addRevision(tx, {
    recordType: "glossary_term",
    recordId: row.id,
    schemaVersion: GLOSSARY_SNAPSHOT_VERSION,
    snapshot: fields,
    restricted: false,
    actorId,
    source,
    createdAt: now,
  });
  recordEvent(
    tx,
    {
      type: existing ? "glossary_term.edited" : "glossary_term.created",
      recordType: "glossary_term",
      recordId: row.id,
      actorId,
      source,
      partnerIds: [],
      data: { slug: row.slug, term: row.term },
    },
    now,
  );
  return row;
}

function requireManager(actor: SessionUser) {
  if (!canManageGlossary(actor)) throw new ForbiddenError("Only administrators manage the glossary");
}

export function createGlossaryTerm({
  actor,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  fields: GlossaryFields;
  db?: Db;
}) {
  requireManager(actor);
  return writeTransaction(
    (tx) => writeGlossaryTerm(tx, null, { fields, actorId: actor.id, source: "web", now: new Date() }),
    db,
  );
}

export function editGlossaryTerm({
  actor,
  slug,
  fields,
  db = getDb(),
}: {
  actor: SessionUser;
  slug: string;
  fields: GlossaryFields;
  db?: Db;
}) {
  requireManager(actor);
  return writeTransaction((tx) => {
    const existing = getGlossaryTerm(slug, tx);
    return writeGlossaryTerm(tx, existing, { fields, actorId: actor.id, source: "web", now: new Date() });
  }, db);
}

/** Deletes a term; its revisions stay, as every deleted record's do. */
export function deleteGlossaryTerm({ actor, slug, db = getDb() }: { actor: SessionUser; slug: string; db?: Db }) {
  requireManager(actor);
  return writeTransaction((tx) => {
    const existing = getGlossaryTerm(slug, tx);
    tx.delete(glossaryTerms).where(eq(glossaryTerms.id, existing.id)).run();
    // As with posts, running the import again brings back a demo term deleted here.
    forgetImportedContent(tx, "glossary_term", existing.id);
    recordEvent(tx, {
      type: "glossary_term.deleted",
      recordType: "glossary_term",
      recordId: existing.id,
      actorId: actor.id,
      source: "web",
      partnerIds: [],
      data: { slug: existing.slug, term: existing.term },
    });
    return existing;
  }, db);
}
