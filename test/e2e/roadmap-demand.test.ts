/**
 * Demand from partners, in Chromium against the built Hub: a Monmouthshire
 * reader says Monmouthshire wants a Torfaen aspiration too; the aspiration
 * shows it, and so does the roadmap's demand view (checked with axe). The
 * aspiration's own partner may not say it wants it.
 */
import { describe, expect, it } from "vitest";
import { expectAccessible, waitForScripts } from "../support/browser";
import { invitePerson, setPasswordThroughLink } from "../support/e2e-accounts";
import { e2eFixture } from "../support/e2e-fixtures";
import { createPost, uniqueTitle } from "../support/e2e-posts";

const e2e = e2eFixture();
const ADMIN = "admin@demo.srs-hub.test";
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";

describe("demand from partners", () => {
  it("a Monmouthshire reader registers interest in a Torfaen aspiration, which then shows in the demand view", async () => {
    const torfaen = await e2e.signedInPage(TORFAEN_EDITOR);
    const title = uniqueTitle("Shared booking for leisure centres");
    const slug = await createPost(torfaen.request, e2e.baseUrl, {
      kind: "aspiration",
      title,
      partner: "torfaen",
      status: "published",
    });
    // Its own partner is not offered the form, and a POST anyway is refused.
    await torfaen.goto(`${e2e.baseUrl}/posts/${slug}`);
    expect(await torfaen.getByRole("button", { name: "We want this too" }).count()).toBe(0);
    const refused = await torfaen.request.post(`${e2e.baseUrl}/posts/${slug}`, {
      form: { intent: "interest", note: "Ours" },
      headers: { Origin: e2e.baseUrl },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);

    // No demo account is a Monmouthshire reader: one is invited.
    const admin = await e2e.signedInPage(ADMIN);
    const person = await invitePerson(admin.request, e2e.baseUrl, { role: "reader", partner: "monmouthshire" });
    const reader = await e2e.newPage();
    expect(await setPasswordThroughLink(reader.request, person.link)).toBe(302);

    // The first page after setting a password shows that notice: see it off before the one under test.
    await reader.goto(`${e2e.baseUrl}/`);
    await reader.goto(`${e2e.baseUrl}/posts/${slug}`);
    const wanted = reader.getByRole("region", { name: "Wanted by other partners" });
    await expect.poll(() => wanted.textContent()).toContain("No other partner has said it wants this yet.");
    await reader
      .getByLabel("Why does your organisation want it? (optional)")
      .fill("Our leisure trust asked for the same booking system.");
    await reader.getByRole("button", { name: "We want this too" }).click();
    await reader.waitForURL(`**/posts/${slug}#wanted`);
    await expect
      .poll(() => reader.getByRole("alert").textContent())
      .toContain("Registered that Monmouthshire County Council wants this too");
    expect(await wanted.textContent()).toContain("Our leisure trust asked for the same booking system.");
    expect(await wanted.getByRole("link", { name: "Monmouthshire County Council" }).count()).toBe(1);

    // The roadmap leads to the demand view.
    await reader.goto(`${e2e.baseUrl}/roadmap`);
    await waitForScripts(reader);
    await reader.getByRole("link", { name: /^Demand from partners/ }).click();
    await reader.getByRole("heading", { level: 1, name: "Demand from partners" }).waitFor();
    const entry = reader.getByRole("listitem").filter({ has: reader.getByRole("heading", { name: title }) });
    expect(await entry.textContent()).toContain("Wanted by 1 other partner");
    expect(await entry.getByRole("link", { name: "Monmouthshire County Council" }).count()).toBe(1);
    await expectAccessible(reader);
  });
});
