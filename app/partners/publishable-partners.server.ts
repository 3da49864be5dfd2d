import type { SessionUser } from "../auth/principals";
import { canWriteForPartner } from "../posts/post-policy.server";
import { listPartners } from "./partners.server";

/** The partners this user may publish for, as form options. */
export function listPublishablePartners(user: SessionUser): { slug: string; name: string }[] {
  return listPartners()
    .filter((partner) => canWriteForPartner(user, partner.id))
    .map(({ slug, name }) => ({ slug, name }));
}
