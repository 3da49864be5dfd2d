/**
 * `npm run user:reset-link -- --email someone@example.gov.uk`
 * For the service desk when the Hub cannot send email: prints a password
 * reset link (single use, 1 hour) to pass on to the person, after checking
 * who they are. The link starts with PUBLIC_ORIGIN, else http://localhost:PORT.
 * Issuing it is logged in the account's history, and retires earlier links.
 */
import { parseArgs } from "node:util";
import { issuePasswordReset, linkUrl } from "../app/auth/account-links.server";
import { closeDb } from "../app/platform/db.server";
import { linkOrigin } from "../app/platform/env.server";
import { migrateDatabase } from "../app/platform/migrate.server";

const USAGE = "Usage: npm run user:reset-link -- --email EMAIL";

function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, help: { type: "boolean" } } });
  if (values.help || !values.email) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  migrateDatabase();
  const reset = issuePasswordReset(values.email, { source: "script", actorId: null });
  if (!reset) {
    console.error(
      `No link for ${values.email}: no account that may sign in has that address, it signs in with Microsoft (its organisation resets that password), or it has had three links this hour.`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(`Password reset link for ${reset.user.name} <${reset.user.email}>, valid once for 1 hour:`);
  console.log(linkUrl(linkOrigin(), "password-reset", reset.token));
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  closeDb();
}
