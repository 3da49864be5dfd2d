/**
 * A Hub told to trust one proxy (TRUST_PROXY=10.9.9.9) and reached by
 * someone else: what that client says in X-Forwarded-* headers counts for
 * nothing, however it is formed.
 */
import http from "node:http";
import { describe, expect, it } from "vitest";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture({ env: { PUBLIC_ORIGIN: "https://hub.example.test", TRUST_PROXY: "10.9.9.9" } });

function direct(target: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${e2e.baseUrl}${target}`, { headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("a client that is not the trusted proxy", () => {
  it("cannot pass a forwarded name or protocol, however malformed", async () => {
    const variants: Record<string, string>[] = [
      { "X-Forwarded-Host": "a:99999" },
      { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "a b" },
    ];
    for (const headers of variants) {
      expect([headers, (await direct("/login", headers)).status]).toEqual([headers, 200]);
    }
    expect((await direct("/login", { Host: "a b" })).status).toBe(421);
    expect(e2e.takeServerErrors()).toEqual([]);
  });

  it("cannot claim another address, and a forwarded request never counts as this machine's own", async () => {
    // Straight from this machine: the health check's details and the metrics.
    expect(JSON.parse((await direct("/healthz", {})).body)).toHaveProperty("index");
    expect((await direct("/metrics", {})).status).toBe(200);
    // Forwarded by a server TRUST_PROXY does not name (such as a proxy on this machine, left out of TRUST_PROXY):
    // every visitor would arrive from loopback, so only the status, and no metrics.
    const forwardings: Record<string, string>[] = [
      { "X-Forwarded-For": "203.0.113.7" },
      { Forwarded: "for=203.0.113.7" },
    ];
    for (const headers of forwardings) {
      expect(JSON.parse((await direct("/healthz", headers)).body)).toEqual({ status: expect.any(String) });
      expect((await direct("/metrics", headers)).status).toBe(302);
    }
  });
});
