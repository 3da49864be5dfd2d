/** What the glossary's admin pages share: who may use them, and a form's fields read for a command. */
import type { SessionUser } from "../auth/principals";
import { ForbiddenError } from "../platform/errors";
import { orRespond } from "../platform/http.server";
import { type GlossaryFormValues, glossaryFieldsOf, readGlossaryForm } from "./glossary-form";
import { canManageGlossary } from "./glossary-policy.server";

/** Only administrators see the glossary's admin pages (403 for anyone else signed in). */
export function requireGlossaryManager(user: SessionUser): void {
  orRespond(() => {
    if (!canManageGlossary(user)) throw new ForbiddenError("Only administrators manage the glossary");
  });
}

/** The form as typed (to show again with its errors) and as the command's fields. */
export function glossaryFormOf(form: FormData) {
  const values: GlossaryFormValues = readGlossaryForm(form);
  return { values, fields: glossaryFieldsOf(values) };
}
