import { describe, expect, it } from "vitest";
import { e2eFixture } from "../support/e2e-fixtures";
import { createPost } from "../support/e2e-posts";
import { eventually } from "../support/wait";

// A Hub of this file's own, told to run a Meilisearch binary that does not exist.
const e2e = e2eFixture({ env: { MEILI_BIN: "/nonexistent/meilisearch", MEILI_URL: "" } });
const NEWPORT_EDITOR = "editor.newport@demo.srs-hub.test";

describe("a Hub without Meilisearch", () => {
  it("starts anyway and says how to get search", () => {
    expect(e2e.hub.output()).toContain(
      "MEILI_BIN is set to /nonexistent/meilisearch, which is not an executable file.",
    );
    expect(e2e.hub.output()).toContain("Search is off: no Meilisearch was found.");
  });

  it("reports search down but the Hub healthy", async () => {
    const response = await fetch(`${e2e.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "degraded", database: "ok", search: "down" });
  });

  it("answers the search page with 503 and a message, while other pages work", async () => {
    e2e.allowNavigationStatus(503);
    const page = await e2e.signedInPage(NEWPORT_EDITOR);
    expect((await page.goto(`${e2e.baseUrl}/search?q=teams`))?.status()).toBe(503);
    expect(await page.getByRole("heading", { name: "Search is temporarily unavailable" }).count()).toBe(1);
    await page.getByRole("link", { name: "Browse posts instead" }).click();
    await page.getByRole("heading", { level: 1, name: "Browse posts" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/posts");
    await page.locator("article.app-post-card").first().waitFor();
  });

  it("saves posts meanwhile, which wait in the index's backlog", async () => {
    const page = await e2e.signedInPage(NEWPORT_EDITOR);
    const before = (await (await fetch(`${e2e.baseUrl}/healthz`)).json()).index.backlog as number;
    const slug = await createPost(page.request, e2e.baseUrl, {
      kind: "aspiration",
      title: "Written while search was down",
      summary: "Queued for the index.",
      partner: "newport",
      status: "published",
      sections: { desiredOutcome: "Search catches up", targetTimeframe: "Soon" },
    });
    expect((await page.goto(`${e2e.baseUrl}/posts/${slug}`))?.status()).toBe(200);
    // /healthz's report is shared for a second: the next one counts the new post.
    const backlog = async () => (await (await fetch(`${e2e.baseUrl}/healthz`)).json()).index.backlog as number;
    await eventually(async () => (await backlog()) > before, 3_000);
  });
});
