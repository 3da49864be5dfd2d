/**
 * Imports the glossary from `content/glossary/<slug>.md` through the same
 * write the administrators' form uses (its checks, revision and event),
 * matching terms by slug. Each term's input is hashed: an unchanged file
 * leaves its term alone, even after an administrator edited it in the Hub.
 * A loop or duplicate between two files is refused when the second is written.
 */

import { findGlossaryTerm, writeGlossaryTerm } from "../glossary/glossary.server";
import { glossaryFieldsOf } from "../glossary/glossary-form";
import type { Db } from "../platform/db.server";
import { ValidationError } from "../platform/errors";
import type { GlossaryFile } from "./content-files.server";
import { inputHash, storedHash, storeHash } from "./imported-content.server";

type Counts = { created: number; updated: number; unchanged: number };

export function importGlossary(tx: Db, files: GlossaryFile[], now: Date): Counts {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  for (const file of files) {
    const fields = glossaryFieldsOf({
      term: file.term,
      abbreviations: file.abbreviations.join("\n"),
      otherNames: file.otherNames.join("\n"),
      welshTerms: file.welshTerms.join("\n"),
      alsoFinds: file.alsoFinds.join("\n"),
      description: file.description,
    });
    const hash = inputHash({ slug: file.slug, ...fields });
    const existing = findGlossaryTerm(file.slug, tx);
    if (existing && storedHash(tx, "glossary_term", existing.id) === hash) {
      counts.unchanged++;
      continue;
    }
    try {
      const term = existing
        ? writeGlossaryTerm(tx, existing, { fields, actorId: null, source: "import", now })
        : writeGlossaryTerm(tx, null, { fields, actorId: null, source: "import", now, slug: file.slug });
      storeHash(tx, "glossary_term", term.id, hash, now);
      counts[existing ? "updated" : "created"]++;
    } catch (error) {
      if (error instanceof ValidationError) throw new Error(`${file.file}: ${JSON.stringify(error.fieldErrors)}`);
      throw error;
    }
  }
  return counts;
}
