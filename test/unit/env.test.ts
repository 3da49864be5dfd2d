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
});
