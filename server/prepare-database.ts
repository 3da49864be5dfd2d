import { count } from "drizzle-orm";
import { checkEntraPartners } from "../app/auth/entra/entra-sign-in.server";
import { readContentDirectory } from "../app/content/content-files.server";
import {
  type DemoAccount,
  ensureDemoAccounts,
  isDemoMode,
  listDemoAccounts,
} from "../app/content/demo-accounts.server";
import { importContent } from "../app/content/import-content.server";
import { getDb } from "../app/platform/db.server";
import { getEnv, isProduction } from "../app/platform/env.server";
import { migrateDatabase } from "../app/platform/migrate.server";
import { partners, posts } from "../db/schema";

export interface PreparedDatabase {
  imported: boolean;
  demoAccounts: DemoAccount[];
}

function isEmpty(): boolean {
  const db = getDb();
  const partnerCount = db.select({ n: count() }).from(partners).get()?.n ?? 0;
  const postCount = db.select({ n: count() }).from(posts).get()?.n ?? 0;
  return partnerCount === 0 && postCount === 0;
}

/**
 * Applies migrations, then on an empty database imports the demo content and,
 * outside production, creates the demo accounts; checks that the partners
 * ENTRA_TENANTS names exist.
 */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<PreparedDatabase> {
  const env = getEnv();
  migrateDatabase();
  let imported = false;
  if (env.LOAD_DEMO_CONTENT && isEmpty()) {
    const report = importContent(readContentDirectory(env.contentDir));
    log(`Imported demo content: ${report.partners.created} partners, ${report.posts.created} posts.`);
    imported = true;
    if (!isProduction()) await ensureDemoAccounts();
  }
  // ENTRA_TENANTS names partners by slug: a slug with no partner stops the Hub here, not at someone's sign-in.
  checkEntraPartners();
  return { imported, demoAccounts: isDemoMode() ? listDemoAccounts() : [] };
}
