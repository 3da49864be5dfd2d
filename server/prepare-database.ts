import { count } from "drizzle-orm";
import { checkEntraPartners } from "../app/auth/entra/entra-sign-in.server";
import { pruneThrottle } from "../app/auth/sign-in-throttle.server";
import { readContentDirectory } from "../app/content/content-files.server";
import {
  countDemoAccounts,
  type DemoAccount,
  ensureDemoAccounts,
  isDemoMode,
  listDemoAccounts,
} from "../app/content/demo-accounts.server";
import { importBoardContent } from "../app/content/import-boards.server";
import { importContent } from "../app/content/import-content.server";
import { secureDataFolder } from "../app/platform/data-folder.server";
import { gatherPlannerStatistics, getDb } from "../app/platform/db.server";
import { getEnv, isProduction } from "../app/platform/env.server";
import { migrateDatabase } from "../app/platform/migrate.server";
import { moveDraftsIntoPartnerNamespaces } from "../app/posts/draft-addresses.server";
import { renderPostsSavedBefore } from "../app/posts/post-rendering.server";
import { partners, posts } from "../db/schema";
import { checkDataFolder } from "./data-folder-check";

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
 * Checks the data folder, applies migrations, then on an empty database imports the demo content and,
 * outside production, creates the demo accounts; checks that the partners
 * ENTRA_TENANTS names exist.
 */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<PreparedDatabase> {
  const env = getEnv();
  // A folder the Hub cannot write in stops it here, with a message that says what to change.
  checkDataFolder(env.dataDir);
  secureDataFolder(env.dataDir);
  migrateDatabase();
  // Failed sign-ins older than the throttle remembers are of no more use.
  pruneThrottle();
  const moved = moveDraftsIntoPartnerNamespaces();
  if (moved > 0) log(`Moved ${moved} draft(s) to addresses in their partner's namespace.`);
  const rendered = renderPostsSavedBefore();
  if (rendered > 0) log(`Rendered the Markdown of ${rendered} post(s) saved before rendering was kept.`);
  let imported = false;
  if (env.LOAD_DEMO_CONTENT && isEmpty()) {
    const content = readContentDirectory(env.contentDir);
    // A large folder takes seconds, all in one transaction: say it has begun, not only that it ended.
    log(`Importing demo content: ${content.partners.length} partners, ${content.posts.length} posts...`);
    const report = importContent(content);
    log(
      `Imported demo content: ${report.partners.created} partners, ${report.posts.created} posts, ${report.roadmap.created} roadmap items.`,
    );
    imported = true;
    if (!isProduction()) {
      await ensureDemoAccounts();
      // The roadmap's owners are demo accounts, made just now: importing again assigns them (decision 046).
      const owners = importContent(content);
      if (owners.roadmap.updated > 0) log(`Assigned the owners of ${owners.roadmap.updated} roadmap items.`);
      // Boards seat demo accounts, so they come after them.
      const boards = importBoardContent(env.contentDir);
      log(`Imported demo boards: ${boards.boards.created} boards, ${boards.meetings.created} meetings.`);
    }
  }
  if (env.PUBLIC_ORIGIN && env.TRUST_PROXY === undefined) {
    log(
      "PUBLIC_ORIGIN is set but TRUST_PROXY is not: behind a reverse proxy every visitor looks like the proxy's address. Set TRUST_PROXY to the proxy.",
    );
  }
  if (env.SMTP_URL && !env.PUBLIC_ORIGIN) {
    log("SMTP_URL is set but PUBLIC_ORIGIN is not: emailed links will start with http://localhost. Set PUBLIC_ORIGIN.");
  }
  if (isProduction()) {
    const leftOver = countDemoAccounts();
    if (leftOver > 0) {
      log(
        `${leftOver} demo account(s) from an earlier demo run are in this database. Their password is public, so a production Hub refuses them at sign-in.`,
      );
    }
  }
  // ENTRA_TENANTS names partners by slug: a slug with no partner stops the Hub here, not at someone's sign-in.
  checkEntraPartners();
  // After any import, so the planner knows how many posts there are.
  gatherPlannerStatistics("analyze");
  return { imported, demoAccounts: isDemoMode() ? listDemoAccounts() : [] };
}
