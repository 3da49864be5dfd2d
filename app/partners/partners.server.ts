import { asc, eq } from "drizzle-orm";
import { partners } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";

export type Partner = typeof partners.$inferSelect;

export function listPartners(db: Db = getDb()): Partner[] {
  return db.select().from(partners).orderBy(asc(partners.name)).all();
}

export function getPartnerBySlug(slug: string, db: Db = getDb()): Partner | null {
  return db.select().from(partners).where(eq(partners.slug, slug)).get() ?? null;
}
