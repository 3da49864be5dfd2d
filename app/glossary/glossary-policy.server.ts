/** Who may read and manage the glossary: every signed-in member of staff reads it; administrators manage it. */

import { can, type RecordPolicy } from "../auth/policy";
import { ADMIN, EVERYONE, type SessionUser } from "../auth/principals";

export type GlossaryAction = "manage";

export const glossaryPolicy: RecordPolicy<unknown, GlossaryAction> = {
  recordType: "glossary_term",
  readers: () => [EVERYONE],
  allowed: () => [ADMIN],
};

/** May this person add, edit and delete glossary terms? */
export function canManageGlossary(user: SessionUser): boolean {
  return can(glossaryPolicy, user, "manage", null);
}
