/**
 * The Hub as its operators meet it, from outside: a record that cannot be
 * read stays out of the way of every other record's way to search, and a
 * second Hub on the same data folder serves pages without relaying. This file
 * runs its own Hub: it damages data.
 */
import type { APIRequestContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInContext } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { makePostUnreadable, postId, recordChange } from "../support/e2e-hub-database";
import { createPost, uniqueTitle } from "../support/e2e-posts";
import { type RunningHub, startHub } from "../support/hub-server";
import { eventually } from "../support/wait";

const e2e = e2eFixture({ env: {} });
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";

async function searchFinds(request: APIRequestContext, baseUrl: string, title: string, slug: string) {
  const page = await (await request.get(`${baseUrl}/search?${new URLSearchParams({ q: title })}`)).text();
  return page.includes(`href="/posts/${slug}"`);
}

describe("a record that cannot be read", () => {
  it("is kept aside by search, shown to administrators, while every other record reaches search", async () => {
    const editor = await e2e.signedInPage(TORFAEN_EDITOR);
    const admin = await e2e.signedInPage("admin@demo.srs-hub.test");
    const brokenTitle = uniqueTitle("A lesson whose row breaks");
    const broken = await createPost(editor.request, e2e.baseUrl, { title: brokenTitle, status: "published" });
    const restore = makePostUnreadable(e2e.hub.dataDir, broken);
    try {
      // A change to it is recorded (as a tool outside the Hub would), so the relay must try it again.
      recordChange(e2e.hub.dataDir, postId(e2e.hub.dataDir, broken));
      const laterTitle = uniqueTitle("Published behind a broken record");
      const later = await createPost(editor.request, e2e.baseUrl, { title: laterTitle, status: "published" });
      await eventually(() => searchFinds(editor.request, e2e.baseUrl, laterTitle, later), 15_000);
      // The relay records the batch (its cursor and failures) just after Meilisearch has the documents.
      const health = async () => (await fetch(`${e2e.baseUrl}/healthz`)).json();
      await eventually(async () => (await health()).index.backlog === 0);
      expect(await health()).toMatchObject({ status: "ok", index: { backlog: 0, retrying: 1, parked: 0 } });

      await admin.goto(`${e2e.baseUrl}/admin/search`);
      const table = admin.getByRole("table", { name: "Records that could not be indexed" });
      await table.waitFor();
      const row = table.getByRole("row").filter({ hasText: brokenTitle });
      expect(await row.textContent()).toContain("Could not build the search document");
      expect(await row.textContent()).toContain("Trying again");
    } finally {
      restore();
    }
  });
});

describe("a second Hub on the same data folder", () => {
  it("serves pages and takes writes, but leaves relaying to the first", async () => {
    let second: RunningHub | undefined;
    try {
      second = await startHub({ dataDir: e2e.hub.dataDir });
      await eventually(() => second?.output().includes("standing by") ?? false);
      const [first, other] = await Promise.all([
        fetch(`${e2e.baseUrl}/healthz`).then((response) => response.json()),
        fetch(`${second.url}/healthz`).then((response) => response.json()),
      ]);
      // Both report a running relay and working search...
      expect([first.index.relay, other.index.relay]).toEqual(["running", "running"]);
      expect(other.search).toBe("ok");
      // ...and administrators of either (one database, so one session serves both) see the same process relaying.
      const admin = await e2e.signedInPage("admin@demo.srs-hub.test");
      const relayShownBy = async (url: string) => {
        await admin.goto(`${url}/admin/search`);
        return admin.locator(".govuk-summary-list__row", { hasText: "Kept up to date by" }).textContent();
      };
      expect(await relayShownBy(second.url)).toBe(await relayShownBy(e2e.baseUrl));

      // A post written through the second Hub reaches search through the first one's relay.
      const page = await e2e.newPage();
      await signInContext(page.context(), second.url, TORFAEN_EDITOR);
      const title = uniqueTitle("Written through the second Hub");
      const slug = await createPost(page.request, second.url, { title, status: "published" });
      await eventually(() => searchFinds(page.request, second?.url ?? "", title, slug), 15_000);
      expect(second.output()).not.toContain("took over the relay lease");
      expect(second.output()).not.toContain('"level":"error"');
    } finally {
      await second?.stop();
    }
  });
});
