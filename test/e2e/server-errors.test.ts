import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { waitForScripts } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { makePostUnreadable } from "../support/e2e-hub-database";
import { createPost, uniqueTitle } from "../support/e2e-posts";

const e2e = e2eFixture();
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A draft of Torfaen's, made by the page's editor, that the server cannot read while `use` runs. */
async function withUnreadablePost(page: Page, use: (slug: string, title: string) => Promise<void>) {
  const title = uniqueTitle("A post the server cannot read");
  const slug = await createPost(page.request, e2e.baseUrl, { title, status: "draft" });
  const restore = makePostUnreadable(e2e.hub.dataDir, slug);
  try {
    await use(slug, title);
  } finally {
    restore();
  }
}

describe("an unexpected server error", () => {
  it("shows the request's reference on the error page, and the Hub logs it once with that id", async () => {
    e2e.allowNavigationStatus(500);
    const page = await e2e.signedInPage(TORFAEN_EDITOR);
    await withUnreadablePost(page, async (slug) => {
      const response = await page.goto(`${e2e.baseUrl}/posts/${slug}`);
      expect(response?.status()).toBe(500);
      const requestId = response?.headers()["x-request-id"] ?? "";
      expect(requestId).toMatch(REQUEST_ID);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
        "Sorry, there is a problem with the service",
      );
      expect(await page.getByTestId("error-reference").textContent()).toBe(
        `If you report this problem, quote this reference: ${requestId}`,
      );
      // No stack trace or error message reaches the page.
      expect(await page.locator("main").textContent()).not.toMatch(/SyntaxError|JSON|at .*\.js/);

      const logged = e2e.takeServerErrors();
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({
        level: "error",
        message: "Unexpected server error",
        requestId,
        method: "GET",
        path: `/posts/${slug}`,
        error: { message: expect.any(String) },
      });
      expect(typeof logged[0]?.time).toBe("string");
    });
  });

  it("quotes the failed request's reference after a client-side navigation too", async () => {
    e2e.allowNavigationStatus(500);
    const page = await e2e.signedInPage(TORFAEN_EDITOR);
    await withUnreadablePost(page, async (slug, title) => {
      // The workspace lists the partner's drafts (the partner page shows published posts only).
      await page.goto(`${e2e.baseUrl}/my?tab=drafts`);
      await waitForScripts(page);
      const [data] = await Promise.all([
        page.waitForResponse((response) => new URL(response.url()).pathname.startsWith(`/posts/${slug}`)),
        page.getByRole("link", { name: title, exact: true }).click(),
      ]);
      await page.getByRole("heading", { level: 1, name: "Sorry, there is a problem with the service" }).waitFor();
      const requestId = data.headers()["x-request-id"] ?? "";
      expect(requestId).toMatch(REQUEST_ID);
      expect(await page.getByTestId("error-reference").textContent()).toBe(
        `If you report this problem, quote this reference: ${requestId}`,
      );
      const logged = e2e.takeServerErrors();
      expect(logged.map((entry) => entry.requestId)).toEqual([requestId]);
    });
  });
});
