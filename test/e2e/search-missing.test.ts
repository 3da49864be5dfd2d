import { describe, expect, it } from "vitest";
import { waitForScripts } from "../support/browser";
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

  it("still lists and filters posts from the database, saying keyword search is unavailable", async () => {
    const page = await e2e.signedInPage(NEWPORT_EDITOR);
    expect((await page.goto(`${e2e.baseUrl}/search?q=teams&kind=lesson`))?.status()).toBe(200);
    await page.getByText("Keyword search is unavailable at the moment").waitFor();
    // Before scripts start, a tick neither applies at once nor survives their first render.
    await waitForScripts(page);
    expect(await page.getByText("‘teams’ was not searched for.").count()).toBe(1);
    expect(await page.getByLabel("Search for").isDisabled()).toBe(true);
    const countShown = async () =>
      Number((await page.getByRole("status").textContent())?.match(/^(\d+) results?$/)?.[1]);
    const lessons = await countShown();
    expect(lessons).toBeGreaterThan(0);
    const cards = page.locator(".app-results > li");
    for (const card of await cards.all()) expect(await card.textContent()).toContain("Lesson learned");
    // Counts come from the database too, and stay useful with a kind chosen.
    const caseStudies = page.getByRole("checkbox", { name: /^Case study \(\d+\)$/ });
    const added = Number(
      (await page.locator(`label[for="${await caseStudies.getAttribute("id")}"]`).textContent())?.match(
        /\((\d+)\)$/,
      )?.[1],
    );
    expect(added).toBeGreaterThan(0);
    await caseStudies.check();
    await page.waitForURL(/kind=case-study/);
    await page.getByRole("link", { name: /^Remove filter: Kind Case study/ }).waitFor();
    expect(await countShown()).toBe(lessons + added);
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

  it("says a post just published will show in search shortly", async () => {
    const page = await e2e.signedInPage(NEWPORT_EDITOR);
    await page.goto(`${e2e.baseUrl}/posts/new?kind=aspiration`);
    await page.getByLabel("Title").fill("Published while search was down");
    await page.getByLabel("Summary").fill("Search will catch up.");
    await page.getByLabel("Desired outcome", { exact: true }).fill("Every partner finds it later.");
    await page.getByLabel("Target timeframe", { exact: true }).fill("Soon");
    await page.getByLabel("Full account").fill("Written while the engine was away.");
    await page.getByRole("button", { name: "Preview and publish" }).click();
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    const banner = page.locator(".govuk-notification-banner--success");
    await banner.getByText("Aspiration published").waitFor();
    expect(await banner.getByText("Search results will show this change shortly.").count()).toBe(1);
  });
});
