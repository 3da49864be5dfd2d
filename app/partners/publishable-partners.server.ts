import { canManagePartnerPosts, type SessionUser } from "../auth/permissions";
import { listPartners } from "./partners.server";

/** The partners this user may publish for, as form options. */
export function listPublishablePartners(user: SessionUser): { slug: string; name: string }[] {
  return listPartners()
    .filter((partner) => canManagePartnerPosts(user, partner.id))
    .map(({ slug, name }) => ({ slug, name }));
}
