/**
 * The finder's empty states and "Did you mean", and a post's similar posts,
 * on the built Hub with the demo content: one browser journey, the rest over HTTP.
 */
import { describe, expect, it } from "vitest";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture();
const READER = "reader@demo.srs-hub.test";

describe("did you mean and similar posts", () => {
  it("offers a correction for a misspelling that finds nothing, and following it finds results", async () => {
    const page = await e2e.signedInPage(READER);
    // "telecare" typed with two slips: too far for the engine's own typo tolerance on a seven-letter word.
    expect((await page.goto(`${e2e.baseUrl}/search?q=telcaer`))?.status()).toBe(200);
    expect(await page.getByRole("status").textContent()).toBe("0 results for ‘telcaer’");
    const didYouMean = page.locator(".app-did-you-mean");
    expect(await didYouMean.textContent()).toMatch(/^Did you mean: telecare/);
    expect(
      await page.getByRole("link", { name: "glossary of council IT terms", exact: true }).getAttribute("href"),
    ).toBe("/glossary");
    await didYouMean.getByRole("link").first().click();
    await page.waitForURL(/\/search\?q=telecare$/);
    // The address changes before the new results render: wait for what they say.
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/^[1-9]\d* results? for ‘telecare’$/);
    expect(await page.locator(".app-results > li").count()).toBeGreaterThan(0);
  });

  it("answers stop words or punctuation alone with what to type instead, not an error", async () => {
    const page = await e2e.signedInPage(READER);
    const stopWords = await page.request.get(`${e2e.baseUrl}/search?q=${encodeURIComponent("the of and")}`);
    expect(stopWords.status()).toBe(200);
    expect(await stopWords.text()).toContain("Add a word that says what you are looking for");
    const punctuation = await page.request.get(`${e2e.baseUrl}/search?q=${encodeURIComponent("?!*")}`);
    expect(punctuation.status()).toBe(200);
    expect(await punctuation.text()).toContain("Type some words to search for");
  });

  it("shows a post's similar posts, other partners' first", async () => {
    const page = await e2e.signedInPage(READER);
    const response = await page.request.get(`${e2e.baseUrl}/posts/teams-rollout-covid`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain(">Similar posts</h2>");
    const section = html.slice(html.indexOf('id="similar-posts"'));
    expect(section).toContain('href="/posts/gwent-police-teams-rollout-lockdown"');
    expect(section).not.toContain('href="/posts/teams-rollout-covid"');
  });
});
