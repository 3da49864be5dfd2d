import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };

async function freshEnv(vars: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  vi.resetModules();
  return (await import("~/platform/env.server")).getEnv();
}

afterEach(() => {
  process.env = { ...saved };
});

describe("getEnv", () => {
  it("has working defaults", async () => {
    const env = await freshEnv({
      NODE_ENV: undefined,
      PORT: undefined,
      DATA_DIR: undefined,
      LOAD_DEMO_CONTENT: undefined,
    });
    expect(env.PORT).toBe(3000);
    expect(env.databasePath).toMatch(/data\/hub\.db$/);
    expect(env.LOAD_DEMO_CONTENT).toBe(true);
  });

  it("loads no demo content in production unless asked", async () => {
    expect((await freshEnv({ NODE_ENV: "production", LOAD_DEMO_CONTENT: undefined })).LOAD_DEMO_CONTENT).toBe(false);
    expect((await freshEnv({ NODE_ENV: "production", LOAD_DEMO_CONTENT: "true" })).LOAD_DEMO_CONTENT).toBe(true);
  });

  it("keeps only the origin of PUBLIC_ORIGIN, so a trailing slash does not refuse every form", async () => {
    expect((await freshEnv({ PUBLIC_ORIGIN: "https://hub.example.gov.uk/" })).PUBLIC_ORIGIN).toBe(
      "https://hub.example.gov.uk",
    );
    await expect(freshEnv({ PUBLIC_ORIGIN: "javascript:alert(1)" })).rejects.toThrow(/PUBLIC_ORIGIN/);
  });

  it("waits two seconds for search to confirm a save unless told otherwise, never more than thirty", async () => {
    expect((await freshEnv({ SEARCH_CONFIRM_SECONDS: undefined })).SEARCH_CONFIRM_SECONDS).toBe(2);
    expect((await freshEnv({ SEARCH_CONFIRM_SECONDS: "0.5" })).SEARCH_CONFIRM_SECONDS).toBe(0.5);
    await expect(freshEnv({ SEARCH_CONFIRM_SECONDS: "31" })).rejects.toThrow(/SEARCH_CONFIRM_SECONDS/);
    await expect(freshEnv({ SEARCH_CONFIRM_SECONDS: "soon" })).rejects.toThrow(/SEARCH_CONFIRM_SECONDS/);
  });

  it("keeps searches in the search log for 90 days unless told otherwise, at least one", async () => {
    expect((await freshEnv({ SEARCH_LOG_DAYS: undefined })).SEARCH_LOG_DAYS).toBe(90);
    expect((await freshEnv({ SEARCH_LOG_DAYS: "30" })).SEARCH_LOG_DAYS).toBe(30);
    await expect(freshEnv({ SEARCH_LOG_DAYS: "0" })).rejects.toThrow(/SEARCH_LOG_DAYS/);
    await expect(freshEnv({ SEARCH_LOG_DAYS: "1.5" })).rejects.toThrow(/SEARCH_LOG_DAYS/);
    await expect(freshEnv({ SEARCH_LOG_DAYS: "forever" })).rejects.toThrow(/SEARCH_LOG_DAYS/);
  });

  it("names the setting that is wrong", async () => {
    await expect(freshEnv({ PORT: "eighty" })).rejects.toThrow(/Invalid environment:\n {2}PORT:/);
  });

  describe("sign-in with Microsoft Entra ID", () => {
    const TENANT = "0b5e7a1c-3f2d-4c8e-9a6b-1d2e3f4a5b6c";
    const OTHER_TENANT = "9f8e7d6c-5b4a-4321-8fed-cba987654321";
    const entra = (vars: Record<string, string | undefined>) =>
      freshEnv({
        ENTRA_CLIENT_ID: "hub-client",
        ENTRA_CLIENT_SECRET: "hub-secret",
        ENTRA_TENANTS: `${TENANT}=newport`,
        ENTRA_AUTHORITY: undefined,
        ...vars,
      });

    it("is off when none of its variables is set, or they are empty", async () => {
      const unset = { ENTRA_CLIENT_ID: undefined, ENTRA_CLIENT_SECRET: undefined, ENTRA_TENANTS: undefined };
      expect((await freshEnv(unset)).entra).toBeNull();
      expect((await freshEnv({ ENTRA_CLIENT_ID: "", ENTRA_CLIENT_SECRET: "", ENTRA_TENANTS: "" })).entra).toBeNull();
    });

    it("reads the client, the tenants with their partners and Microsoft's authority by default", async () => {
      const env = await entra({ ENTRA_TENANTS: ` ${TENANT.toUpperCase()}=newport , ${OTHER_TENANT}=gwent-police,` });
      expect(env.entra).toEqual({
        clientId: "hub-client",
        clientSecret: "hub-secret",
        authority: "https://login.microsoftonline.com",
        tenants: [
          { tenantId: TENANT, partnerSlug: "newport" },
          { tenantId: OTHER_TENANT, partnerSlug: "gwent-police" },
        ],
      });
    });

    it("names each variable missing when only some are set", async () => {
      await expect(entra({ ENTRA_CLIENT_SECRET: undefined, ENTRA_TENANTS: "" })).rejects.toThrow(
        /ENTRA_CLIENT_SECRET: required for sign-in with Microsoft Entra ID[^\n]*\n {2}ENTRA_TENANTS: required/,
      );
    });

    it("explains a malformed tenant list", async () => {
      await expect(entra({ ENTRA_TENANTS: "newport" })).rejects.toThrow(
        /ENTRA_TENANTS: "newport" is not tenant-id=partner-slug/,
      );
      await expect(entra({ ENTRA_TENANTS: "contoso=newport" })).rejects.toThrow(
        /ENTRA_TENANTS: "contoso" is not a tenant id/,
      );
      await expect(entra({ ENTRA_TENANTS: `${TENANT}=New Port` })).rejects.toThrow(/"New Port" is not a partner slug/);
      await expect(entra({ ENTRA_TENANTS: `${TENANT}=newport,${TENANT}=torfaen` })).rejects.toThrow(
        /tenant 0b5e7a1c-3f2d-4c8e-9a6b-1d2e3f4a5b6c is listed twice/,
      );
      await expect(entra({ ENTRA_TENANTS: " , " })).rejects.toThrow(/ENTRA_TENANTS: lists no tenant/);
    });

    it("takes an https authority, or http on loopback only, without a trailing slash", async () => {
      expect((await entra({ ENTRA_AUTHORITY: "https://login.microsoftonline.us/" })).entra?.authority).toBe(
        "https://login.microsoftonline.us",
      );
      expect((await entra({ ENTRA_AUTHORITY: "http://127.0.0.1:4010" })).entra?.authority).toBe(
        "http://127.0.0.1:4010",
      );
      await expect(entra({ ENTRA_AUTHORITY: "http://login.example.com" })).rejects.toThrow(
        /ENTRA_AUTHORITY: must be an https address/,
      );
      await expect(entra({ ENTRA_AUTHORITY: "https://login.example.com/?x=1" })).rejects.toThrow(
        /ENTRA_AUTHORITY: must not carry a query/,
      );
    });
  });

  it("trusts no proxy unless TRUST_PROXY names one: a number of hops or addresses", async () => {
    expect((await freshEnv({ TRUST_PROXY: undefined })).TRUST_PROXY).toBeUndefined();
    expect((await freshEnv({ TRUST_PROXY: "false" })).TRUST_PROXY).toBe(false);
    expect((await freshEnv({ TRUST_PROXY: "1" })).TRUST_PROXY).toBe(1);
    expect((await freshEnv({ TRUST_PROXY: "10.0.0.2, loopback" })).TRUST_PROXY).toBe("10.0.0.2, loopback");
    expect((await freshEnv({ TRUST_PROXY: "0" })).TRUST_PROXY).toBe(false);
    expect((await freshEnv({ TRUST_PROXY: "10.0.0.0/8,::1" })).TRUST_PROXY).toBe("10.0.0.0/8,::1");
    for (const bad of ["<script>", "true", "yes", "proxy.example", "10.0.0.300"]) {
      await expect(freshEnv({ TRUST_PROXY: bad })).rejects.toThrow(/TRUST_PROXY/);
    }
  });

  it("takes SMTP settings only as smtp:// or smtps:// with a sender, and reads empty ones as unset", async () => {
    const env = await freshEnv({
      SMTP_URL: "smtp://user:pass@mail.example.test:587",
      MAIL_FROM: "Hub <hub@example.test>",
    });
    expect([env.SMTP_URL, env.MAIL_FROM]).toEqual(["smtp://user:pass@mail.example.test:587", "Hub <hub@example.test>"]);
    await expect(freshEnv({ SMTP_URL: "http://mail.example.test", MAIL_FROM: "hub@example.test" })).rejects.toThrow(
      /SMTP_URL/,
    );
    await expect(freshEnv({ SMTP_URL: "smtp://mail.example.test", MAIL_FROM: undefined })).rejects.toThrow(/MAIL_FROM/);
    expect((await freshEnv({ SMTP_URL: "", MAIL_FROM: "" })).SMTP_URL).toBeUndefined();
  });
});

describe("linkOrigin", () => {
  it("prefers PUBLIC_ORIGIN, then the request's address, then localhost and the port", async () => {
    const link = async (vars: Record<string, string | undefined>, requestUrl?: string) => {
      await freshEnv(vars);
      return (await import("~/platform/env.server")).linkOrigin(requestUrl);
    };
    expect(await link({ PUBLIC_ORIGIN: "https://hub.example.gov.uk" }, "http://evil.example/x")).toBe(
      "https://hub.example.gov.uk",
    );
    expect(await link({ PUBLIC_ORIGIN: undefined }, "http://127.0.0.1:4000/admin")).toBe("http://127.0.0.1:4000");
    expect(await link({ PUBLIC_ORIGIN: undefined, PORT: "4321" })).toBe("http://localhost:4321");
  });
});
