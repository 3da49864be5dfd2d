import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn, visit } from "../support/browser";
import { type RunningHub, startHub } from "../support/hub-server";

// A second Hub, told to run a Meilisearch binary that does not exist.
let hub: RunningHub;

beforeAll(async () => {
  hub = await startHub({ env: { MEILI_BIN: "/nonexistent/meilisearch", MEILI_URL: "" } });
});

afterAll(async () => {
  await hub?.stop();
});

describe("a Hub without Meilisearch", () => {
  it("starts anyway and says how to get search", () => {
    expect(hub.output()).toContain("MEILI_BIN is set to /nonexistent/meilisearch, which is not an executable file.");
    expect(hub.output()).toContain("Search is off: no Meilisearch was found.");
  });

  it("reports search down but the Hub healthy", async () => {
    const response = await fetch(`${hub.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "degraded", database: "ok", search: "down" });
  });

  it("answers the search page with 503 and a message, while other pages and writes work", async () => {
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext()).newPage();
      await signIn(page, hub.url, "editor.newport@demo.srs-hub.test");
      expect(await visit(page, `${hub.url}/search?q=teams`)).toBe(503);
      expect(await page.getByRole("heading", { name: "Search is temporarily unavailable" }).count()).toBe(1);
      expect(await visit(page, `${hub.url}/posts`)).toBe(200);

      const saved = await page.request.post(`${hub.url}/posts/new?kind=aspiration`, {
        headers: { Origin: hub.url },
        form: {
          kind: "aspiration",
          title: "Written while search was down",
          summary: "Queued for the index.",
          body: "Body",
          partner: "newport",
          status: "published",
          "section.desiredOutcome": "Search catches up",
          "section.targetTimeframe": "Soon",
        },
        maxRedirects: 0,
      });
      expect(saved.status()).toBe(302);
      const health = await (await fetch(`${hub.url}/healthz`)).json();
      expect(health.outbox.pending).toBeGreaterThanOrEqual(1);
    } finally {
      await browser.close();
    }
  });
});
