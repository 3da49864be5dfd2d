/**
 * Who may be named as a post's contact: a person with an active account at
 * the post's partner, or at the shared service (SRS), whose staff answer for
 * work across partners.
 */
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { partners, users } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";
import { ValidationError } from "../platform/errors";

export interface ContactChoice {
  id: string;
  name: string;
  jobTitle: string | null;
}

/** For each of these partners, the people who may be its posts' contacts, by name. */
export function listContactChoices(
  partnerSlugs: readonly string[],
  db: Db = getDb(),
): { partner: string; partnerName: string; people: ContactChoice[] }[] {
  if (partnerSlugs.length === 0) return [];
  const chosen = db
    .select({ id: partners.id, slug: partners.slug, name: partners.name })
    .from(partners)
    .where(inArray(partners.slug, [...partnerSlugs]))
    .all();
  const people = db
    .select({
      id: users.id,
      name: users.name,
      jobTitle: users.jobTitle,
      partnerId: users.partnerId,
      sharedService: eq(partners.type, "shared-service"),
    })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(
      and(
        isNull(users.deactivatedAt),
        or(
          inArray(
            users.partnerId,
            chosen.map((partner) => partner.id),
          ),
          eq(partners.type, "shared-service"),
        ),
      ),
    )
    .orderBy(asc(users.name))
    .all();
  return partnerSlugs.flatMap((slug) => {
    const partner = chosen.find((row) => row.slug === slug);
    if (!partner) return [];
    return [
      {
        partner: partner.slug,
        partnerName: partner.name,
        people: people
          .filter((person) => person.partnerId === partner.id || Boolean(person.sharedService))
          .map(({ id, name, jobTitle }) => ({ id, name, jobTitle })),
      },
    ];
  });
}

/**
 * The contact to store for a post of this partner: the one chosen, when they
 * may be (a forged or stale choice is a form error), or when none is chosen
 * (or the one already named is kept) `current`: the author, or the contact the post has.
 */
export function contactFor(tx: Db, chosen: string, partnerId: number, current: string): string {
  if (!chosen || chosen === current) return current;
  if (!mayBeContact(tx, chosen, partnerId)) throw new ValidationError({ contact: ["errors.contact.unknown"] });
  return chosen;
}

/** True when `userId` may be named as the contact of a post of `partnerId`: an active person of it, or of the SRS. */
export function mayBeContact(tx: Db, userId: string, partnerId: number): boolean {
  const person = tx
    .select({ partnerId: users.partnerId, deactivatedAt: users.deactivatedAt, partnerType: partners.type })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, userId))
    .get();
  return Boolean(
    person && !person.deactivatedAt && (person.partnerId === partnerId || person.partnerType === "shared-service"),
  );
}
