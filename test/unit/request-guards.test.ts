import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/auth/session.server";
import { hubOriginFor, isFormBody, isSameOriginRequest } from "~/platform/request-guards";

const expectedOrigin = "http://localhost:3000";

describe("isSameOriginRequest", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(isSameOriginRequest({ method: "GET", origin: "https://evil.example", referer: null, expectedOrigin })).toBe(
      true,
    );
  });

  it.each([
    ["same origin", "http://localhost:3000", null, true],
    ["another site", "https://evil.example", null, false],
    ["another port", "http://localhost:3001", null, false],
    ["an opaque origin", "null", null, false],
    ["no origin but a same-site referer", null, "http://localhost:3000/posts/new", true],
    ["no origin and a foreign referer", null, "https://evil.example/form", false],
    ["no origin and no referer", null, null, false],
    ["Origin: null, even with the Hub's referer", "null", "http://hub.test/posts/new", false],
  ])("a POST from %s is allowed: %s", (_name, origin, referer, allowed) => {
    expect(isSameOriginRequest({ method: "POST", origin, referer, expectedOrigin })).toBe(allowed);
  });
});

describe("Sec-Fetch-Site", () => {
  it("refuses a state change the browser says is cross-site, whatever else it claims", () => {
    const request = { method: "POST", origin: expectedOrigin, referer: null, expectedOrigin };
    expect(isSameOriginRequest({ ...request, fetchSite: "cross-site" })).toBe(false);
    expect(isSameOriginRequest({ ...request, fetchSite: "same-origin" })).toBe(true);
    expect(isSameOriginRequest({ ...request, method: "GET", fetchSite: "cross-site" })).toBe(true);
  });
});

describe("hubOriginFor", () => {
  const base = { publicOrigin: undefined, localAddress: "10.0.0.5", localPort: 3000, protocol: "http" };
  it.each([
    ["localhost:3000", "http://localhost:3000"],
    ["127.0.0.1:3000", "http://127.0.0.1:3000"],
    ["[::1]:3000", "http://[::1]:3000"],
    ["10.0.0.5:3000", "http://10.0.0.5:3000"],
    ["LOCALHOST:3000", "http://localhost:3000"],
    ["evil.example:3000", null],
    ["localhost:3001", null],
    ["localhost", null],
    [undefined, null],
  ])("Host %j is served as %j", (host, expected) => {
    expect(hubOriginFor({ ...base, host })).toBe(expected);
  });

  it("serves PUBLIC_ORIGIN's host, and loopback names for checks on the machine", () => {
    const publicOrigin = "https://hub.srs.example";
    const options = { ...base, publicOrigin, localAddress: "::ffff:127.0.0.1", protocol: "https" };
    expect(hubOriginFor({ ...options, host: "hub.srs.example" })).toBe(publicOrigin);
    expect(hubOriginFor({ ...options, host: "127.0.0.1:3000" })).toBe("https://127.0.0.1:3000");
    expect(hubOriginFor({ ...options, host: "rebound.evil.example" })).toBeNull();
  });
});

describe("safeRedirectPath", () => {
  it.each([
    ["/posts?kind=lesson", "/posts?kind=lesson"],
    ["https://evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/posts\n", "/posts"],
    // A path whose resolved form starts with "//" would leave the Hub once followed.
    ["/.//evil.example", "/"],
    ["/./\\evil.example", "/"],
    ["/%2e//evil.example", "/"],
    ["/%2E%2E//evil.example", "/"],
    ["/a/..//evil.example", "/"],
    ["/a/%2e%2e//evil.example", "/"],
    ["/..//evil.example/x?y#z", "/"],
    ["/.\\/evil.example", "/"],
    ["/posts/./../search?q=x", "/search?q=x"],
    ["/search?q=a b#results", "/search?q=a%20b#results"],
    [undefined, "/"],
  ])("%j goes to %j", (target, expected) => {
    expect(safeRedirectPath(target)).toBe(expected);
  });
});

describe("isFormBody", () => {
  it.each([
    ["POST", "application/x-www-form-urlencoded", true, true],
    ["POST", "application/x-www-form-urlencoded;charset=UTF-8", true, true],
    ["POST", "multipart/form-data; boundary=x", true, true],
    ["POST", "application/json", true, false],
    ["POST", "text/plain", true, false],
    ["POST", undefined, true, false],
    ["POST", undefined, false, true],
    ["GET", "application/json", true, true],
  ])("%s with %j (a body: %s) is a form: %s", (method, contentType, hasBody, expected) => {
    expect(isFormBody({ method, contentType, hasBody })).toBe(expected);
  });
});
