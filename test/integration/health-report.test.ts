/**
 * /healthz's report is worked out at most once a second per process and
 * shared by every request in between (decision 023). No Meilisearch here:
 * MEILI_URL points at a port nothing listens on, so search is "down".
 */
import { describe, expect, it } from "vitest";
import { currentHealth, HEALTH_REPORT_LIFETIME_MS } from "~/operations/health-report.server";
import { acquireLease, newHolderId, releaseLease } from "~/platform/lease.server";
import { RELAY_LEASE } from "~/search/relay-runner.server";
import { serveHealthEndpoints } from "../support/health-endpoints";

process.env.MEILI_URL = "http://127.0.0.1:9";

const endpoints = serveHealthEndpoints();
const relayShown = async () => ((await currentHealth()).body.index as { relay: string }).relay;
const pastLifetime = () => new Promise((resolve) => setTimeout(resolve, HEALTH_REPORT_LIFETIME_MS + 100));

describe("the health report", () => {
  it("is shared by requests that ask while it is being worked out", async () => {
    await pastLifetime();
    const asked = Array.from({ length: 8 }, () => currentHealth());
    expect(new Set(asked).size).toBe(1);
    const reports = await Promise.all(asked);
    expect(reports.every((report) => report === reports[0])).toBe(true);
  });

  it("serves for a second after it is done, then is worked out again, with what changed meanwhile", async () => {
    await pastLifetime();
    const first = await currentHealth();
    expect(await relayShown()).toBe("none");
    const holder = newHolderId();
    expect(acquireLease(RELAY_LEASE, holder, 60_000)).toBe(true);
    try {
      // Within the second: the same report, the relay not yet seen.
      expect(await currentHealth()).toBe(first);
      expect(await relayShown()).toBe("none");
      await pastLifetime();
      const next = await currentHealth();
      expect(next).not.toBe(first);
      expect(await relayShown()).toBe("running");
    } finally {
      releaseLease(RELAY_LEASE, holder);
    }
  });

  it("is what /healthz answers, in full on this machine and as the status elsewhere", async () => {
    await pastLifetime();
    const response = await endpoints.get();
    expect([
      response.status,
      response.headers.get("cache-control"),
      response.headers.get("x-content-type-options"),
    ]).toEqual([200, "no-store", "nosniff"]);
    expect(await response.json()).toEqual((await currentHealth()).body);
    const elsewhere = await endpoints.get({ "X-Forwarded-For": "203.0.113.9" });
    expect(await elsewhere.json()).toEqual({ status: "degraded" });
  });

  it("refuses other methods with 405 and the methods it allows", async () => {
    for (const path of ["/healthz", "/healthz/live", "/healthz/ready"]) {
      const response = await fetch(new URL(path, (await endpoints.get()).url), { method: "POST", body: "x=1" });
      expect([path, response.status, response.headers.get("allow")]).toEqual([path, 405, "GET, HEAD"]);
    }
  });
});
