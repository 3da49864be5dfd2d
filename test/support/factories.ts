import type { SessionUser } from "~/auth/principals";
import { createUser } from "~/auth/users.server";
import { getPartnerBySlug } from "~/partners/partners.server";
import { getDb } from "~/platform/db.server";
import type { PostFields } from "~/posts/post-schemas";
import { type PartnerType, partners } from "../../db/schema";
import { unique } from "./unique-names";

export { unique };

/** A partner row; returns the existing one when the slug is already there. */
export function givenPartner(
  slug: string = unique("partner"),
  name = `Partner ${slug}`,
  type: PartnerType = "council",
) {
  const existing = getPartnerBySlug(slug);
  if (existing) return existing;
  const now = new Date();
  return getDb()
    .insert(partners)
    .values({ slug, name, shortName: name, type, description: "", createdAt: now, updatedAt: now })
    .returning()
    .get();
}

export async function givenUser(
  role: SessionUser["role"],
  partnerSlug?: string,
  password = "correct horse battery staple",
): Promise<SessionUser> {
  // Everyone belongs to a partner: by default one of their own, so they see no other partner's drafts.
  const home = partnerSlug ?? givenPartner(unique("home")).slug;
  return createUser({ email: `${unique(role)}@example.test`, name: `Test ${role}`, role, partnerSlug: home, password });
}

/** A complete lesson for `partner`, published unless overridden. */
export function lessonInput(partner: string, overrides: PostFields = {}): PostFields {
  return {
    title: "Rolling out Teams in three weeks",
    summary: "What we learned moving 3,000 staff to Microsoft Teams at pace.",
    body: "## What happened\n\nWe moved quickly.",
    kind: "lesson",
    partner,
    status: "published",
    eventDate: "2020-03-23",
    tags: "teams, microsoft-365",
    sections: {
      drivingEvent: "The first Covid-19 lockdown.",
      lesson: "Training matters as much as licences.",
      recommendation: "Plan champions early.",
      evidence: "Service desk tickets fell by a third.",
    },
    ...overrides,
  };
}
