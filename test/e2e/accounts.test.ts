/**
 * Accounts run from the Hub, on the shared Hub (which has no SMTP, so
 * invitation links are shown to the administrator): invitations, sessions,
 * deactivation, password changes, and the service desk's reset link. Each
 * test makes its own people; the demo accounts are only used to act.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { pauseBeforeSendingAgain } from "../support/browser";
import {
  invitePerson,
  isSignedIn,
  PERSON_PASSWORD,
  setPasswordThroughLink,
  signInWithPassword,
} from "../support/e2e-accounts";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture();
const ADMIN = "admin@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";

/** A new person with a password, and a browser context signed in as them. */
async function signedInPerson(role = "reader") {
  const admin = await e2e.signedInPage(ADMIN);
  const person = await invitePerson(admin.request, e2e.baseUrl, { role });
  const context = await e2e.newContext();
  expect(await setPasswordThroughLink(context.request, person.link)).toBe(302);
  return { person, context, admin };
}

async function anotherSession(email: string, password = PERSON_PASSWORD) {
  const context = await e2e.newContext();
  expect(await signInWithPassword(context.request, e2e.baseUrl, email, password)).toBe(302);
  return context;
}

describe("invitations", () => {
  it("an administrator invites someone, who sets a password with the link and is signed in; the link then refuses", async () => {
    e2e.allowNavigationStatus(400, 410);
    const admin = await e2e.signedInPage(ADMIN);
    await admin.goto(`${e2e.baseUrl}/`);
    await admin.getByRole("link", { name: "Users" }).click();
    await admin.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    await admin.getByRole("link", { name: "Invite someone" }).click();
    const email = `invited-${Date.now()}@example.test`;
    await admin.getByLabel("Full name").fill("Ivy Invited");
    await admin.getByLabel("Email address").fill(email);
    await admin.getByLabel("Editor").check();
    await admin.getByLabel("Partner").selectOption("newport");
    await admin.getByRole("button", { name: "Invite" }).click();
    const link = (await admin.getByTestId("invitation-link").textContent()) ?? "";
    expect(link).toMatch(new RegExp(`^${e2e.baseUrl}/account/accept/[A-Za-z0-9_-]{43}$`));
    await admin.getByRole("link", { name: "View Ivy Invited" }).click();
    await admin.locator("tr[data-event-type='user.invited']").getByText("Invited as Editor of").waitFor();

    const invitee = await e2e.newPage();
    await invitee.goto(link);
    await invitee.getByRole("heading", { name: "Set up your account" }).waitFor();
    await invitee.getByLabel("New password", { exact: true }).fill("Password1234!");
    await invitee.getByLabel("New password again").fill("Password1234!");
    await invitee.getByRole("button", { name: "Save password and sign in" }).click();
    await invitee
      .locator(".govuk-error-summary")
      .getByRole("link", { name: /on a list of common passwords/ })
      .waitFor();
    await invitee.getByLabel("New password", { exact: true }).fill(PERSON_PASSWORD);
    await invitee.getByLabel("New password again").fill(PERSON_PASSWORD);
    await pauseBeforeSendingAgain(invitee);
    await invitee.getByRole("button", { name: "Save password and sign in" }).click();
    await invitee.getByText("Signed in as Ivy Invited").waitFor();
    expect(new URL(invitee.url()).pathname).toBe("/");

    const again = await e2e.newPage();
    expect((await again.goto(link))?.status()).toBe(410);
    await again.getByRole("heading", { name: "This link cannot be used" }).waitFor();
    const reused = await setPasswordThroughLink(again.context().request, link, "another long password");
    expect(reused).toBe(410);
    expect(await signInWithPassword(again.context().request, e2e.baseUrl, email, "another long password")).toBe(401);
  });

  it("bad input is refused with field errors and makes no account", async () => {
    const admin = await e2e.signedInPage(ADMIN);
    const response = await admin.request.post(`${e2e.baseUrl}/admin/users/new`, {
      form: { name: "", email: "not-an-email", role: "owner", partner: "atlantis" },
      headers: { Origin: e2e.baseUrl },
    });
    expect(response.status()).toBe(400);
    const html = await response.text();
    for (const message of [
      "Enter the person’s full name",
      "Enter an email address in the correct format",
      "Select the person’s role",
    ]) {
      expect(html).toContain(message);
    }
    expect(html).not.toContain("Invalid input");
    const list = await admin.request.get(`${e2e.baseUrl}/admin/users?q=not-an-email`);
    expect(await list.text()).toContain("0 people");
  });
});

describe("sessions", () => {
  it("the sessions page lists each session, marks this one, and ends another", async () => {
    const { person, context } = await signedInPerson();
    const other = await anotherSession(person.email);
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/`);
    await page.getByRole("link", { name: "Your account" }).click();
    await page.getByRole("heading", { name: "Your sessions" }).waitFor();
    expect(await page.getByTestId("session-row").count()).toBe(2);
    expect(await page.getByText("This session").count()).toBe(1);
    await page
      .getByTestId("session-row")
      .getByRole("button", { name: /^Sign out/ })
      .click();
    await page.getByText("1 session signed out").waitFor();
    expect(await page.getByTestId("session-row").count()).toBe(1);
    expect(await isSignedIn(other.request, e2e.baseUrl)).toBe(false);
    expect(await isSignedIn(context.request, e2e.baseUrl)).toBe(true);
  });

  it("changing one's password needs the current one and signs out the other sessions", async () => {
    e2e.allowNavigationStatus(400);
    const { person, context } = await signedInPerson();
    const other = await anotherSession(person.email);
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/account/password`);
    await page.getByLabel("Current password").fill("not my password at all");
    await page.getByLabel("New password", { exact: true }).fill("granite willow compass 9");
    await page.getByLabel("New password again").fill("granite willow compass 9");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.locator(".govuk-error-summary").getByText("Your current password is not correct").waitFor();
    expect(await isSignedIn(other.request, e2e.baseUrl)).toBe(true);
    await page.getByLabel("Current password").fill(PERSON_PASSWORD);
    await page.getByLabel("New password", { exact: true }).fill("granite willow compass 9");
    await page.getByLabel("New password again").fill("granite willow compass 9");
    await pauseBeforeSendingAgain(page);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Your password has been changed. Your 1 other session was signed out").waitFor();
    expect(await isSignedIn(other.request, e2e.baseUrl)).toBe(false);
    expect(await isSignedIn(context.request, e2e.baseUrl)).toBe(true);
    const fresh = await e2e.newContext();
    expect(await signInWithPassword(fresh.request, e2e.baseUrl, person.email)).toBe(401);
    expect(await signInWithPassword(fresh.request, e2e.baseUrl, person.email, "granite willow compass 9")).toBe(302);
  });
});

describe("administrators", () => {
  it("deactivating someone ends all their sessions at once and refuses sign-in; reactivating lets them back", async () => {
    const { person, context, admin } = await signedInPerson("editor");
    const other = await anotherSession(person.email);
    await admin.goto(`${e2e.baseUrl}/admin/users?q=${encodeURIComponent(person.email)}`);
    await admin.getByRole("link", { name: person.name }).click();
    await admin.getByRole("button", { name: "Deactivate account" }).click();
    await admin.getByText("Account deactivated: every session it had has ended").waitFor();
    expect(await isSignedIn(context.request, e2e.baseUrl)).toBe(false);
    expect(await isSignedIn(other.request, e2e.baseUrl)).toBe(false);
    expect(await signInWithPassword(other.request, e2e.baseUrl, person.email)).toBe(401);
    await admin.locator("tr[data-event-type='user.deactivated']").waitFor();

    await pauseBeforeSendingAgain(admin);
    await admin.getByRole("button", { name: "Reactivate account" }).click();
    await admin.getByText("Account reactivated").waitFor();
    expect(await signInWithPassword(other.request, e2e.baseUrl, person.email)).toBe(302);
  });

  it("changing a role and partner is logged in the person's history", async () => {
    const { person, admin } = await signedInPerson("reader");
    await admin.goto(`${e2e.baseUrl}/admin/users/${person.id}`);
    await admin.getByLabel("Role").selectOption("editor");
    await admin.getByLabel("Partner").selectOption("monmouthshire");
    await admin.getByRole("button", { name: "Save changes" }).click();
    await admin.getByText("Role and partner saved").waitFor();
    await admin.getByText("Role changed from Reader to Editor").waitFor();
    await admin.getByText(/Partner changed from .*Torfaen.* to .*Monmouthshire/).waitFor();
  });

  it("an administrator cannot deactivate or demote themselves, and is told why", async () => {
    const admin = await e2e.signedInPage(ADMIN);
    const list = await (await admin.request.get(`${e2e.baseUrl}/admin/users?q=${encodeURIComponent(ADMIN)}`)).text();
    const ownId = /href="\/admin\/users\/(?!new")([A-Za-z0-9_-]+)"/.exec(list)?.[1] ?? "";
    const post = (form: Record<string, string>) =>
      admin.request.post(`${e2e.baseUrl}/admin/users/${ownId}`, { form, headers: { Origin: e2e.baseUrl } });
    const deactivate = await post({ intent: "deactivate" });
    expect(deactivate.status()).toBe(400);
    expect(await deactivate.text()).toContain("You cannot deactivate your own account");
    const demote = await post({ intent: "update", role: "reader", partner: "srs" });
    expect(demote.status()).toBe(400);
    expect(await demote.text()).toContain("You cannot take away your own administrator role");
    expect(await isSignedIn(admin.request, e2e.baseUrl)).toBe(true);
    expect((await admin.request.get(`${e2e.baseUrl}/admin/users`)).status()).toBe(200);
  });

  it("other people cannot see or change accounts", async () => {
    const { person } = await signedInPerson();
    const reader = await e2e.signedInPage(READER);
    expect((await reader.request.get(`${e2e.baseUrl}/admin/users/${person.id}`)).status()).toBe(403);
    const refused = await reader.request.post(`${e2e.baseUrl}/admin/users/${person.id}`, {
      form: { intent: "deactivate" },
      headers: { Origin: e2e.baseUrl },
    });
    expect(refused.status()).toBe(403);
    const fresh = await e2e.newContext();
    expect(await signInWithPassword(fresh.request, e2e.baseUrl, person.email)).toBe(302);
  });
});

describe("password resets without email", () => {
  it("the reset page answers the same whether or not the address has an account", async () => {
    const { person } = await signedInPerson();
    const page = await e2e.newPage();
    const answers: string[] = [];
    for (const email of [person.email, `nobody-${Date.now()}@example.test`]) {
      await page.goto(`${e2e.baseUrl}/login`);
      await page.getByRole("link", { name: "Forgotten your password?" }).click();
      // The sign-in page has an "Email address" field too: wait for the reset page before typing.
      await page.getByRole("heading", { name: "Reset your password" }).waitFor();
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Send reset link" }).click();
      await page.getByRole("heading", { name: "Check your email" }).waitFor();
      answers.push(((await page.locator("main").textContent()) ?? "").replace(email, "EMAIL"));
    }
    expect(answers[0]).toBe(answers[1]);
  });

  it("the service desk's script prints a link that works once and signs the person in, ending their sessions", async () => {
    e2e.allowNavigationStatus(410);
    const { person, context } = await signedInPerson();
    const { stdout } = await promisify(execFile)(
      path.resolve("node_modules/.bin/tsx"),
      ["scripts/reset-link.ts", "--email", person.email.toUpperCase()],
      { env: { ...process.env, DATA_DIR: e2e.hub.dataDir, PUBLIC_ORIGIN: e2e.baseUrl, NODE_ENV: "test" } },
    );
    const link = /https?:\/\/\S+\/account\/reset\/[A-Za-z0-9_-]{43}/.exec(stdout)?.[0] ?? "";
    expect(link.startsWith(`${e2e.baseUrl}/account/reset/`)).toBe(true);

    const page = await e2e.newPage();
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill("harbour lantern fossil 3");
    await page.getByLabel("New password again").fill("harbour lantern fossil 3");
    await page.getByRole("button", { name: "Save password and sign in" }).click();
    await page.getByText(`Signed in as ${person.name}`).waitFor();
    expect(await isSignedIn(context.request, e2e.baseUrl)).toBe(false);
    expect((await page.goto(link))?.status()).toBe(410);
  });
});
