import { describe, expect, it } from "vitest";
import { startSession } from "~/auth/lucia.server";
import { ensureDemoAccounts, isDemoMode } from "~/content/demo-accounts.server";
import { getDb } from "~/platform/db.server";
import { settings } from "../../db/schema";
import { givenPartner, givenUser } from "../support/factories";

// Read once by env.server.ts when the database is first opened, after this line.
process.env.NODE_ENV = "production";

describe("in production", () => {
  it("never creates demo accounts", async () => {
    givenPartner("torfaen");
    await expect(ensureDemoAccounts()).rejects.toThrow(/never created when NODE_ENV=production/);
  });

  it("never reports demo mode, even if a database from a demo run is reused", () => {
    getDb().insert(settings).values({ key: "demo_accounts", value: "true" }).run();
    expect(isDemoMode()).toBe(false);
  });

  it("marks the session cookie Secure", async () => {
    const user = await givenUser("reader");
    expect(await startSession(user.id)).toContain("Secure");
  });
});
