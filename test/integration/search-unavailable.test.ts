import { beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/auth/lucia.server";
import { createPost } from "~/posts/save-post.server";
import { loader as searchLoader } from "~/routes/search._index";
import { loader as suggestLoader } from "~/routes/search.suggest";
import { givenPartner, givenUser, lessonInput } from "../support/factories";
import { serveHealthEndpoints } from "../support/health-endpoints";

// No Meilisearch in this file: MEILI_URL points at a port nothing listens on.
process.env.MEILI_URL = "http://127.0.0.1:9";

let cookie: string;
const health = serveHealthEndpoints();

beforeAll(async () => {
  givenPartner("torfaen");
  const editor = await givenUser("editor", "torfaen");
  createPost({ actor: editor, fields: lessonInput("torfaen", { title: "Published while search was down" }) });
  const user = await givenUser("reader");
  cookie = (await startSession(user.id, { method: "password" })).split(";")[0] ?? "";
});

const args = (url: string, headers: Record<string, string> = {}) => ({
  request: new Request(url, { headers }),
  params: {},
  context: {
    requestId: "test-request",
    clientAddress: "127.0.0.1",
    monitoringAddress: "127.0.0.1",
    cspNonce: "test-nonce",
  },
});

describe("when search is down", () => {
  it("the finder lists from the database instead, and says keyword search is down", async () => {
    const result = await searchLoader(args("http://hub.test/search?q=teams", { Cookie: cookie }));
    expect(result.searchDown).toBe(true);
    expect(result.results.hits.map((hit) => hit.title.map((segment) => segment.text).join(""))).toContain(
      "Published while search was down",
    );
    expect(result.results.hits.every((hit) => hit.matchedIn === null)).toBe(true);
  });

  it("suggestions answer 503 with an empty list", async () => {
    const response = await suggestLoader(args("http://hub.test/search/suggest?q=teams", { Cookie: cookie }));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ suggestions: [] });
  });

  it("the health check reports it while the database is fine", async () => {
    const response = await health.get();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "degraded", database: "ok", search: "down" });
  });

  it("the health check tells a caller from elsewhere the status only, unless an administrator asks", async () => {
    const fromElsewhere = (headers: Record<string, string> = {}) =>
      health.get({ "X-Forwarded-For": "203.0.113.9", ...headers }).then((response) => response.json());
    expect(await fromElsewhere()).toEqual({ status: "degraded" });
    expect(await fromElsewhere({ Cookie: cookie })).toEqual({ status: "degraded" });
    const admin = await givenUser("admin");
    const adminCookie = (await startSession(admin.id, { method: "password" })).split(";")[0] ?? "";
    expect(await fromElsewhere({ Cookie: adminCookie })).toMatchObject({
      status: "degraded",
      search: "down",
      index: expect.any(Object),
    });
  });
});

describe("visitors", () => {
  it("are sent to sign in before searching", async () => {
    const thrown = await searchLoader(args("http://hub.test/search?q=teams")).then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fsearch%3Fq%3Dteams");
  });

  it("get 401 from the suggestions endpoint", async () => {
    const response = await suggestLoader(args("http://hub.test/search/suggest?q=teams"));
    expect(response.status).toBe(401);
  });
});
