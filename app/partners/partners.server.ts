import { asc, eq } from "drizzle-orm";
import { partners } from "../../db/schema";
import { inLocale } from "../i18n/bilingual";
import type { Locale } from "../i18n/translate";
import { renderRemembered } from "../markdown/render.server";
import { type Db, getDb } from "../platform/db.server";
import { NotFoundError } from "../platform/errors";
import { preparedOnce } from "../platform/prepared.server";

export type Partner = typeof partners.$inferSelect;

const allPartners = preparedOnce((db) => db.select().from(partners).orderBy(asc(partners.name)).prepare());

export function listPartners(db: Db = getDb()): Partner[] {
  return allPartners(db).all();
}

export function getPartnerBySlug(slug: string, db: Db = getDb()): Partner | null {
  return db.select().from(partners).where(eq(partners.slug, slug)).get() ?? null;
}

/** The partner for its page; NotFoundError when there is none. Partners are public to every member of staff. */
export function getPartnerForReading(slug: string, db: Db = getDb()): Partner {
  const partner = getPartnerBySlug(slug, db);
  if (!partner) throw new NotFoundError("No such partner");
  return partner;
}

/** What of a partner lists show, in the reader's language. */
export function presentPartner(partner: Partner, locale: Locale) {
  return {
    slug: partner.slug,
    name: inLocale(partner.name, partner.nameCy, locale).text,
    shortName: inLocale(partner.shortName, partner.shortNameCy, locale).text,
    type: partner.type,
    website: partner.website,
  };
}

/** What the partner's own page shows: its description too, made safe. */
export function presentPartnerPage(partner: Partner, locale: Locale) {
  return {
    ...presentPartner(partner, locale),
    descriptionHtml: renderRemembered(inLocale(partner.description, partner.descriptionCy, locale).text),
  };
}
