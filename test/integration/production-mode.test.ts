import { describe, expect, it } from "vitest";
import { readSessionId, startSession, validateSession } from "~/auth/lucia.server";
import { authenticate, createUser } from "~/auth/users.server";
import { countDemoAccounts, DEMO_PASSWORD, ensureDemoAccounts, isDemoMode } from "~/content/demo-accounts.server";
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

  it("marks the session cookie Secure, with the __Host- prefix", async () => {
    const user = await givenUser("reader");
    const cookie = await startSession(user.id, { method: "password" });
    expect(cookie).toMatch(/^__Host-srs_hub_session=/);
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toContain("Domain");
  });

  it("refuses demo accounts left by an earlier demo run, at sign-in and for their sessions", async () => {
    const home = givenPartner("srs");
    const demo = await createUser({
      email: "reader@demo.srs-hub.test",
      name: "Demo Reader",
      role: "reader",
      partnerSlug: home.slug,
      password: DEMO_PASSWORD,
    });
    expect(await authenticate(demo.email, DEMO_PASSWORD)).toBeNull();
    const cookie = (await startSession(demo.id, { method: "password" })).split(";")[0] ?? "";
    expect(await validateSession(readSessionId(cookie) ?? "")).toBeNull();
    expect(countDemoAccounts()).toBe(1);
  });
});
