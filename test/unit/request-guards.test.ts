import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/auth/session.server";
import { isFormBody, isSameOriginRequest } from "~/platform/request-guards";

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
  ])("a POST from %s is allowed: %s", (_name, origin, referer, allowed) => {
    expect(isSameOriginRequest({ method: "POST", origin, referer, expectedOrigin })).toBe(allowed);
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
