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

  it("names the setting that is wrong", async () => {
    await expect(freshEnv({ PORT: "eighty" })).rejects.toThrow(/Invalid environment:\n {2}PORT:/);
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
