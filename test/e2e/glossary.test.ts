/**
 * The glossary end to end: an administrator adds a term from the form (the
 * search analytics page's "add to the glossary" link names it), sees the
 * errors for a duplicate, and staff see the term on /glossary; the finder
 * says when a search went through the glossary. One axe scan per new page type.
 */
import { describe, expect, it } from "vitest";
import { expectAccessible } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture();
const ADMIN = "admin@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";

describe("the glossary", () => {
  it("an administrator adds a term from the form, is told about a duplicate, and staff see the term", async () => {
    const admin = await e2e.signedInPage(ADMIN);
    const word = `Quillwort${Date.now()}`;
    await admin.goto(`${e2e.baseUrl}/admin/glossary/new?term=${encodeURIComponent(`${word} network`)}`);
    expect(await admin.getByLabel("Term", { exact: true }).inputValue()).toBe(`${word} network`);
    await admin.getByLabel("Abbreviations (optional)").fill("QWN");
    await admin.getByLabel("Welsh terms (optional)").fill(`rhwydwaith ${word.toLowerCase()}`);
    await admin.getByLabel("Description (optional)").fill("A network named for an end-to-end test.");
    await admin.getByRole("button", { name: "Add term" }).click();
    await admin.getByText(`Term “${word} network” added to the glossary`).waitFor();
    await expectAccessible(admin);

    // A duplicate of a demo term, with a bracket for good measure: both refused, each named.
    await admin.goto(`${e2e.baseUrl}/admin/glossary/new`);
    await admin.getByLabel("Term", { exact: true }).fill("Body worn Video");
    await admin.getByLabel("Abbreviations (optional)").fill("B(W)V");
    await admin.getByRole("button", { name: "Add term" }).click();
    const summary = admin.locator(".govuk-error-summary");
    await summary
      .getByRole("link", { name: "Term “Body worn Video” already belongs to the term “Body-worn video”" })
      .waitFor();
    await summary.getByRole("link", { name: /^Abbreviation “B\(W\)V” can only include/ }).waitFor();
    expect(await admin.title()).toMatch(/^Error: /);
    await expectAccessible(admin);

    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}/glossary`);
    const heading = reader.getByRole("heading", { level: 3, name: `${word} network` });
    await heading.waitFor();
    expect(await heading.getAttribute("id")).toBe(`${word.toLowerCase()}-network`);
    await reader.getByText("QWN", { exact: true }).waitFor();
    await expectAccessible(reader);
  });

  it("the admin list, an edit page with its history and the delete confirmation", async () => {
    const admin = await e2e.signedInPage(ADMIN);
    await admin.goto(`${e2e.baseUrl}/admin/glossary`);
    await admin.getByRole("link", { name: "Edit Body-worn video" }).click();
    await admin.getByRole("heading", { level: 1, name: "Edit glossary term: Body-worn video" }).waitFor();
    await admin.getByRole("heading", { level: 2, name: "Revision history" }).waitFor();
    await expectAccessible(admin);
    await admin.goto(`${e2e.baseUrl}/admin/glossary`);
    await expectAccessible(admin);
    await admin.goto(`${e2e.baseUrl}/admin/glossary/body-worn-video?delete`);
    await admin.getByRole("button", { name: "Yes, delete term" }).waitFor();
    await expectAccessible(admin);
  });

  it("the finder says what else a search looked for, linking to the glossary, and staff cannot manage it", async () => {
    const reader = await e2e.signedInPage(READER);
    const finder = await reader.request.get(`${e2e.baseUrl}/search?q=BWV`);
    const html = await finder.text();
    expect(html).toMatch(/Also searched for:.*<a[^>]+href="\/glossary#body-worn-video"[^>]*>Body-worn video<\/a>/s);
    expect(html).toContain('href="/glossary"');
    const plain = await (await reader.request.get(`${e2e.baseUrl}/search?q=body-worn+video`)).text();
    expect(plain).not.toContain("Also searched for:");
    expect((await reader.request.get(`${e2e.baseUrl}/admin/glossary`)).status()).toBe(403);
    expect(await (await reader.request.get(`${e2e.baseUrl}/glossary`)).text()).not.toContain("Manage the glossary");
  });
});
