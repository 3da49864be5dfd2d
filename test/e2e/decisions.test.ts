/**
 * Decisions against the built Hub, on a board of the test's own: the
 * secretary records one for a meeting (after an error first) and links a
 * roadmap item through the picker; the item's page lists it. A confidential
 * decision keeps its row for a reader, who sees "Restricted" and never its
 * title, in the register, on its page and in the CSV; the register filters
 * by board; a reference sent with an edit is ignored.
 */
import { describe, expect, it } from "vitest";
import { expectAccessible, pauseBeforeSendingAgain, waitForScripts } from "../support/browser";
import { seedBoard } from "../support/e2e-board-database";
import { e2eFixture } from "../support/e2e-fixtures";
import { uniquePrefix } from "../support/unique-names";

const e2e = e2eFixture();
const SECRETARY = "secretary@demo.srs-hub.test";
const MEMBER = "editor.newport@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";

function givenOwnBoard() {
  const prefix = uniquePrefix("E");
  const name = `Decisions Test Board ${prefix.slice(1)}`;
  const seeded = seedBoard(e2e.hub.dataDir, {
    slug: `decisions-e2e-${prefix.toLowerCase()}`,
    name,
    referencePrefix: prefix,
    secretary: SECRETARY,
    members: [MEMBER],
  });
  return { ...seeded, name, prefix };
}

describe("decisions", () => {
  it("are recorded by the board's secretary and linked to the roadmap items they affect", async () => {
    const board = givenOwnBoard();
    const title = `Adopt the shared telephony contract ${Date.now().toString(36)}`;
    const page = await e2e.signedInPage(SECRETARY);
    await page.goto(`${e2e.baseUrl}/meetings/${board.meetingId}/decisions/new`);
    await waitForScripts(page);
    await expectAccessible(page);
    // Nothing filled in: refused with every error named.
    await page.getByLabel("Decision maker").fill("");
    await page.getByRole("button", { name: "Record decision" }).click();
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Enter a title");
    expect(await summary.textContent()).toContain("Select a status");
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("What was decided").fill("The Board **agreed** to join the contract.");
    await page.getByLabel("Decision maker").fill("The Board");
    await page.getByLabel("Agreed").check();
    await page.getByLabel("Day").fill("1");
    await page.getByLabel("Month").fill("4");
    await page.getByLabel("Year").fill("2026");
    await pauseBeforeSendingAgain(page);
    await page.getByRole("button", { name: "Record decision" }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const reference = decodeURIComponent(new URL(page.url()).pathname.split("/")[2] ?? "");
    const year = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000).getUTCFullYear();
    expect(reference).toBe(`${board.prefix}-${year}-001`);
    expect(await page.locator(".govuk-notification-banner--success").textContent()).toContain(
      `Decision ${reference} recorded`,
    );
    expect(await page.locator("strong", { hasText: "agreed" }).count()).toBeGreaterThan(0);
    await expectAccessible(page);

    // Linking the roadmap item it affects, through the picker as they type.
    await page.getByRole("link", { name: "Link to a roadmap item" }).click();
    await waitForScripts(page);
    const itemTitle = "Microsoft 365 roll-out across the partnership";
    await page.getByLabel("Search roadmap items").pressSequentially("Microsoft 365 roll");
    await page.getByRole("radio", { name: itemTitle }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("radio", { name: "The decision affects the item" }).check();
    await page.getByRole("button", { name: "Link", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const affected = page.locator("#decision-affects").locator("..");
    const itemLink = affected.getByRole("link", { name: itemTitle });
    const itemAddress = await itemLink.getAttribute("href");
    expect(itemAddress).toMatch(/^\/roadmap\//);

    // The item's page lists the decision under "Board decisions".
    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}${itemAddress}`);
    const decisionsSection = reader.locator("section.app-board-decisions");
    expect(await decisionsSection.getByRole("link", { name: reference }).count()).toBe(1);
    expect(await decisionsSection.textContent()).toContain(title);
  });

  it("keep a confidential one's place in the register, restricted for non-members, on every page and in the CSV", async () => {
    const board = givenOwnBoard();
    const secretary = await e2e.signedInPage(SECRETARY);
    const secretaryHttp = secretary.context().request;
    const record = async (title: string, confidential: boolean) => {
      const response = await secretaryHttp.post(`${e2e.baseUrl}/meetings/${board.meetingId}/decisions/new`, {
        form: {
          title,
          text: "Decided.",
          decisionMaker: "The Board",
          status: "agreed",
          ...(confidential ? { confidential: "yes" } : {}),
          reference: "XX-2000-001",
        },
        headers: { Origin: e2e.baseUrl },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(302);
      return (response.headers().location ?? "").split("/")[2] ?? "";
    };
    const openTitle = `Open decision ${Date.now().toString(36)}`;
    const secretTitle = `Award of the confidential supplier contract ${Date.now().toString(36)}`;
    const open = await record(openTitle, false);
    const secret = await record(secretTitle, true);
    // The references are the numbering's, whatever the form said.
    expect([open.split("-")[2], secret.split("-")[2]]).toEqual(["001", "002"]);

    const reader = await e2e.signedInPage(READER);
    await reader.goto(`${e2e.baseUrl}/decisions`);
    await waitForScripts(reader);
    await expectAccessible(reader);
    await reader.getByLabel(`${board.name} (2)`).check();
    await reader.getByRole("button", { name: "Apply filters" }).click();
    await reader.waitForURL(/board=/);
    await reader.getByText("2 decisions").waitFor();
    const rows = reader.locator(".app-decision-register tbody tr");
    expect(await rows.count()).toBe(2);
    const secretRow = rows.filter({ hasText: secret });
    expect(await secretRow.textContent()).toContain("Restricted");
    expect(await reader.content()).not.toContain(secretTitle);
    expect(await rows.filter({ hasText: open }).textContent()).toContain(openTitle);

    const readerHttp = reader.context().request;
    const secretPage = await readerHttp.get(`${e2e.baseUrl}/decisions/${secret.toLowerCase()}`);
    expect(secretPage.status()).toBe(200);
    const secretHtml = await secretPage.text();
    expect(secretHtml).toContain(secret);
    expect(secretHtml).toContain("Restricted");
    expect(secretHtml).not.toContain(secretTitle);
    expect((await readerHttp.get(`${e2e.baseUrl}/decisions/${secret}/history`)).status()).toBe(404);

    const csv = await readerHttp.get(`${e2e.baseUrl}/decisions.csv?board=${board.slug}`);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toMatch(
      /^attachment; filename="srs-decisions-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(csv.headers()["cache-control"]).toBe("private, no-store");
    const csvText = await csv.text();
    expect(csvText.split("\r\n").filter(Boolean)).toHaveLength(3);
    expect(csvText).toContain(`${secret},`);
    expect(csvText).toContain(",Agreed,Restricted,");
    expect(csvText).not.toContain(secretTitle);
    expect(csvText).toContain(openTitle);
    // A member of the board reads it all.
    const member = await e2e.signedInPage(MEMBER);
    expect(
      await (await member.context().request.get(`${e2e.baseUrl}/decisions.csv?board=${board.slug}`)).text(),
    ).toContain(secretTitle);
  });
});
