/**
 * A form sent after its session ended keeps what was typed (WCAG 2.2.1,
 * decision 031): its author signs in again and carries on; nobody else who
 * signs in on that browser gets it.
 */
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture();
const TORFAEN_EDITOR = "editor.torfaen@demo.srs-hub.test";
const NEWPORT_EDITOR = "editor.newport@demo.srs-hub.test";
const FORM_PAGE = "/posts/new?kind=lesson";

/** Ends the person's sessions as 8 idle hours would: their rows stay, past their expiry. */
function expireSessionsOf(email: string): void {
  const db = new Database(path.join(e2e.hub.dataDir, "hub.db"));
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("update sessions set expires_at = ? where user_id = (select id from users where email = ?)").run(
      Math.floor(Date.now() / 1000) - 60,
      email,
    );
  } finally {
    db.close();
  }
}

function keptFormsOf(email: string): number {
  const db = new Database(path.join(e2e.hub.dataDir, "hub.db"), { readonly: true });
  try {
    const row = db
      .prepare("select count(*) as n from pending_forms where user_id = (select id from users where email = ?)")
      .get(email) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

/** Torfaen's editor starts a lesson, leaves it for 8 hours, then sends it: the Hub asks them to sign in. */
async function lessonSentAfterSessionEnded(title: string): Promise<Page> {
  const page = await e2e.signedInPage(TORFAEN_EDITOR);
  await page.goto(`${e2e.baseUrl}${FORM_PAGE}`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("Moving the contact centre off ISDN.");
  expireSessionsOf(TORFAEN_EDITOR);
  // Sent as the browser would, whichever of the form's buttons it has.
  await page.getByLabel("Title").evaluate((field) => (field as HTMLInputElement).form?.requestSubmit());
  await page.waitForURL(/\/login\?/);
  await page.getByText("Your session ended. Sign in again to carry on: what you typed has been kept.").waitFor();
  return page;
}

async function signInThroughTheForm(page: Page, email: string): Promise<void> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

describe("a form sent after the session ended", () => {
  it("is back, as typed, once its author signs in again", async () => {
    const title = `Porting numbers early ${Date.now()}`;
    const page = await lessonSentAfterSessionEnded(title);
    await signInThroughTheForm(page, TORFAEN_EDITOR);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(FORM_PAGE);
    expect(await page.getByLabel("Title").inputValue()).toBe(title);
    expect(await page.getByLabel("Summary").inputValue()).toBe("Moving the contact centre off ISDN.");
    expect(keptFormsOf(TORFAEN_EDITOR)).toBe(0);
    // Read once: coming back to the page later starts afresh.
    await page.reload();
    expect(await page.getByLabel("Title").inputValue()).toBe("");
  });

  it("is not given to someone else who signs in on that browser", async () => {
    const title = `Not for Newport ${Date.now()}`;
    const page = await lessonSentAfterSessionEnded(title);
    expect(keptFormsOf(TORFAEN_EDITOR)).toBe(1);
    await signInThroughTheForm(page, NEWPORT_EDITOR);
    await page.goto(`${e2e.baseUrl}${FORM_PAGE}`);
    expect(await page.getByLabel("Title").inputValue()).toBe("");
    expect(await page.content()).not.toContain(title);
    // Discarded at the other person's sign-in: nobody can claim it now.
    expect(keptFormsOf(TORFAEN_EDITOR)).toBe(0);
  });
});
