/**
 * A production Hub behind a reverse proxy it trusts (TRUST_PROXY), served as
 * https://hub.example.test: the forwarded headers it accepts, the ones it
 * refuses, and the headers only an https production Hub sends. The test
 * itself plays the proxy, from loopback.
 */
import http from "node:http";
import { describe, expect, it } from "vitest";
import { e2eFixture } from "../support/e2e-fixtures";

const PUBLIC = "https://hub.example.test";
const e2e = e2eFixture({ env: { NODE_ENV: "production", PUBLIC_ORIGIN: PUBLIC, TRUST_PROXY: "loopback" } });

function viaProxy(
  target: string,
  headers: Record<string, string>,
  method = "GET",
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${e2e.baseUrl}${target}`, { method, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

const forwarded = {
  "X-Forwarded-Host": "hub.example.test",
  "X-Forwarded-Proto": "https",
  "X-Forwarded-For": "203.0.113.7",
};

describe("behind a trusted proxy", () => {
  it("serves the public name it forwards, with HSTS", async () => {
    const page = await viaProxy("/login", forwarded);
    expect(page.status).toBe(200);
    expect(page.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  it("refuses a forwarded name it does not serve, or a malformed one, and a protocol that is not http or https", async () => {
    for (const host of ["evil.example", "a:70000", "a:-1", "hub.example.test:99999999999"]) {
      expect([host, (await viaProxy("/login", { ...forwarded, "X-Forwarded-Host": host })).status]).toEqual([
        host,
        421,
      ]);
    }
    expect((await viaProxy("/login", { ...forwarded, "X-Forwarded-Proto": "a b" })).status).toBe(400);
    // A proxy that appends to the client's header: the first name is checked, and only it reaches the app.
    expect((await viaProxy("/login", { ...forwarded, "X-Forwarded-Host": "hub.example.test, a:99999" })).status).toBe(
      200,
    );
    expect((await viaProxy("/login", { ...forwarded, "X-Forwarded-Host": "a:99999, hub.example.test" })).status).toBe(
      421,
    );
  });

  it("takes forms from the public origin only", async () => {
    const form = "email=nobody%40example.test&password=not-the-password";
    const post = (origin: string) =>
      viaProxy(
        "/login",
        { ...forwarded, Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
        "POST",
        form,
      );
    expect((await post(PUBLIC)).status).toBe(401);
    expect((await post(e2e.baseUrl)).status).toBe(403);
  });

  it("takes the client's address from the proxy: the health details are not for a client elsewhere", async () => {
    const elsewhere = JSON.parse((await viaProxy("/healthz", forwarded)).body);
    expect(Object.keys(elsewhere)).toEqual(["status"]);
    const onTheMachine = JSON.parse((await viaProxy("/healthz", {})).body);
    expect(onTheMachine).toHaveProperty("index");
  });
});
