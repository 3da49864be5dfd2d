/**
 * Who may read and change partners: every member of staff reads every
 * partner's page; administrators name a partner's digital lead. The one rule
 * for the partner page's form and the command behind it.
 */
import { can, type RecordPolicy } from "../auth/policy";
import { ADMIN, EVERYONE, type SessionUser } from "../auth/principals";
import { ForbiddenError } from "../platform/errors";

export type PartnerAction = "nameDigitalLead";

export const partnerPolicy: RecordPolicy<{ id: number }, PartnerAction> = {
  recordType: "partner",
  readers: () => [EVERYONE],
  allowed: () => [ADMIN],
};

export function canOnPartner(user: SessionUser, action: PartnerAction, partner: { id: number }): boolean {
  return can(partnerPolicy, user, action, partner);
}

/** Throws ForbiddenError unless the person may take the action on the partner. */
export function authorizePartner(user: SessionUser, action: PartnerAction, partner: { id: number }): void {
  if (!canOnPartner(user, action, partner)) throw new ForbiddenError("Only administrators name digital leads");
}
