/**
 * Demo accounts exist only alongside demo content and never in production:
 * one admin, one roadmap coordinator, one reader, one board secretary (seated
 * by the boards' demo content) and one editor per partner, sharing one password.
 */
import { and, eq, isNull, like, sql } from "drizzle-orm";
import { partners, users } from "../../db/schema";
import { createUser, DEMO_EMAIL_DOMAIN, getUserByEmail } from "../auth/users.server";
import { listPartners } from "../partners/partners.server";
import { type Db, getDb } from "../platform/db.server";
import { isProduction } from "../platform/env.server";
import { getSetting, setSetting } from "../platform/settings.server";

export const DEMO_PASSWORD = "demo-password-1";
const DEMO_FLAG = "demo_accounts";

export interface DemoAccount {
  email: string;
  name: string;
  role: "admin" | "coordinator" | "editor" | "reader";
  partnerSlug: string;
  /** Shown beside their name on the posts they are the contact for. */
  jobTitle: string;
}

/** SRS staff belong to the SRS partner; a Hub without one puts them in its first partner. */
function homePartnerSlug(partners: { slug: string; type: string }[]): string | undefined {
  return (partners.find((partner) => partner.type === "shared-service") ?? partners[0])?.slug;
}

export function demoAccountsFor(partners: { slug: string; shortName: string; type: string }[]): DemoAccount[] {
  const home = homePartnerSlug(partners);
  if (!home) return [];
  return [
    {
      email: `admin@${DEMO_EMAIL_DOMAIN}`,
      name: "Demo Administrator",
      role: "admin",
      partnerSlug: home,
      jobTitle: "Knowledge Hub administrator",
    },
    {
      email: `coordinator@${DEMO_EMAIL_DOMAIN}`,
      name: "Demo Coordinator",
      role: "coordinator",
      partnerSlug: home,
      jobTitle: "Roadmap coordinator",
    },
    {
      email: `reader@${DEMO_EMAIL_DOMAIN}`,
      name: "Demo Reader",
      role: "reader",
      partnerSlug: home,
      jobTitle: "Service desk analyst",
    },
    {
      email: `secretary@${DEMO_EMAIL_DOMAIN}`,
      name: "Demo Secretary",
      role: "reader",
      partnerSlug: home,
      jobTitle: "Board secretary",
    },
    ...partners.map((partner) => ({
      email: `editor.${partner.slug}@${DEMO_EMAIL_DOMAIN}`,
      name: `Demo Editor (${partner.shortName})`,
      role: "editor" as const,
      partnerSlug: partner.slug,
      jobTitle: "Digital lead",
    })),
  ];
}

/** Creates any missing demo accounts. Refuses in production. */
export async function ensureDemoAccounts(db: Db = getDb()): Promise<DemoAccount[]> {
  if (isProduction()) throw new Error("Demo accounts are never created when NODE_ENV=production");
  const accounts = demoAccountsFor(listPartners(db));
  for (const account of accounts) {
    const { jobTitle, ...rest } = account;
    if (!getUserByEmail(account.email, db)) await createUser({ ...rest, password: DEMO_PASSWORD }, db);
    // Titles and leads are filled in where none is set, so a demo Hub made before them gets them too.
    db.update(users)
      .set({ jobTitle })
      .where(and(eq(users.email, account.email), isNull(users.jobTitle)))
      .run();
    if (account.role === "editor") nameDemoDigitalLead(account, db);
  }
  setSetting(DEMO_FLAG, "true", db);
  return accounts;
}

/** Each partner's demo editor is its digital lead, unless someone else already is. */
function nameDemoDigitalLead(account: DemoAccount, db: Db): void {
  const editor = getUserByEmail(account.email, db);
  if (!editor) return;
  db.update(partners)
    .set({ digitalLeadId: editor.id })
    .where(and(eq(partners.slug, account.partnerSlug), isNull(partners.digitalLeadId)))
    .run();
}

/** True when the demo accounts were created here and this is not production. */
export function isDemoMode(db: Db = getDb()): boolean {
  if (isProduction()) return false;
  return getSetting(DEMO_FLAG, db) === "true";
}

export function listDemoAccounts(db: Db = getDb()): DemoAccount[] {
  return demoAccountsFor(listPartners(db));
}

/** How many demo accounts are in the database (a production Hub warns of them, and refuses them). */
export function countDemoAccounts(db: Db = getDb()): number {
  return (
    db
      .select({ count: sql<number>`count(*)` })
      .from(users)
      .where(like(users.email, `%@${DEMO_EMAIL_DOMAIN}`))
      .get()?.count ?? 0
  );
}
