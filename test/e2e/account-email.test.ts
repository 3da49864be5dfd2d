/**
 * Account links by email: a Hub of this file's own, configured with SMTP
 * (SMTP_URL with a user and password, MAIL_FROM) and PUBLIC_ORIGIN, sends
 * its mail to a real SMTP server started here, and the tests follow the
 * links they read from the messages received.
 */
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeLocalPort } from "../../server/meilisearch-process";
import { isSignedIn, PERSON_PASSWORD, signInWithPassword } from "../support/e2e-accounts";
import { e2eFixture } from "../support/e2e-fixtures";
import { eventually } from "../support/wait";

interface Received {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

const inbox: Received[] = [];
const smtpPort = await freeLocalPort();
const hubPort = await freeLocalPort();
const origin = `http://127.0.0.1:${hubPort}`;
const SMTP_USER = "hub-mailer";
const SMTP_PASS = "test-only-smtp-password";

const smtp = new SMTPServer({
  // Plain SMTP on the loopback interface: STARTTLS would need a certificate the Hub trusts.
  disabledCommands: ["STARTTLS"],
  allowInsecureAuth: true,
  onAuth(auth, _session, callback) {
    if (auth.username === SMTP_USER && auth.password === SMTP_PASS) callback(null, { user: auth.username });
    else callback(new Error("Invalid username or password"));
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      inbox.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        user: session.user as string | undefined,
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const e2e = e2eFixture({
  env: {
    PORT: String(hubPort),
    PUBLIC_ORIGIN: origin,
    SMTP_URL: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${smtpPort}`,
    MAIL_FROM: "SRS Knowledge Hub <hub@srs.example.test>",
    // Search plays no part here: this Hub runs without Meilisearch.
    MEILI_BIN: "/nonexistent/meilisearch",
    MEILI_URL: "",
  },
});
const ADMIN = "admin@demo.srs-hub.test";

/** The message's text, with quoted-printable soft line breaks and escapes undone. */
function bodyOf(message: Received): string {
  return message.raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const INVITATION = "Subject: You are invited to the SRS Knowledge Hub";
const RESET = "Subject: Reset your SRS Knowledge Hub password";

async function messageTo(email: string, subject: string): Promise<Received> {
  const find = () => inbox.find((message) => message.to.includes(email) && bodyOf(message).includes(subject));
  await eventually(() => find() !== undefined, 15_000);
  const message = find();
  if (!message) throw new Error(`No message to ${email}`);
  return message;
}

function linkIn(message: Received, path: string): string {
  const link = new RegExp(`${origin}${path}[A-Za-z0-9_-]{43}`).exec(bodyOf(message))?.[0];
  if (!link) throw new Error(`No ${path} link in:\n${bodyOf(message)}`);
  return link;
}

describe("account links by email", () => {
  it("an invitation is emailed, and its link sets up the account", async () => {
    const admin = await e2e.signedInPage(ADMIN);
    const email = `emailed-${Date.now()}@example.test`;
    await admin.goto(`${e2e.baseUrl}/admin/users/new`);
    await admin.getByLabel("Full name").fill("Elsie Emailed");
    await admin.getByLabel("Email address").fill(email);
    await admin.getByLabel("Partner").selectOption("torfaen");
    await admin.getByRole("button", { name: "Invite" }).click();
    await admin.getByText(`We have emailed an invitation to ${email}.`).waitFor();
    expect(await admin.getByTestId("invitation-link").count()).toBe(0);

    const message = await messageTo(email, INVITATION);
    expect(message).toMatchObject({ from: "hub@srs.example.test", user: SMTP_USER });
    const page = await e2e.newPage();
    await page.goto(linkIn(message, "/account/accept/"));
    await page.getByLabel("New password", { exact: true }).fill(PERSON_PASSWORD);
    await page.getByLabel("New password again").fill(PERSON_PASSWORD);
    await page.getByRole("button", { name: "Save password and sign in" }).click();
    await page.getByText("Signed in as Elsie Emailed").waitFor();
  });

  it("a reset is emailed only for a real account; its link works once and ends the other sessions", async () => {
    e2e.allowNavigationStatus(410);
    // Someone with a password and a session, made through an emailed invitation.
    const admin = await e2e.signedInPage(ADMIN);
    const email = `reset-${Date.now()}@example.test`;
    const invited = await admin.request.post(`${e2e.baseUrl}/admin/users/new`, {
      form: { name: "Rhys Reset", email, role: "reader", partner: "newport" },
      headers: { Origin: e2e.baseUrl },
    });
    expect(invited.status()).toBe(200);
    const oldSession = await e2e.newContext();
    const accepted = await oldSession.request.post(linkIn(await messageTo(email, INVITATION), "/account/accept/"), {
      form: { password: PERSON_PASSWORD, confirmPassword: PERSON_PASSWORD },
      headers: { Origin: origin },
      maxRedirects: 0,
    });
    expect(accepted.status()).toBe(302);

    const nobody = `nobody-${Date.now()}@example.test`;
    const page = await e2e.newPage();
    for (const address of [nobody, email]) {
      await page.goto(`${e2e.baseUrl}/login`);
      await page.getByRole("link", { name: "Forgotten your password?" }).click();
      // The sign-in page has an "Email address" field too: wait for the reset page before typing.
      await page.getByRole("heading", { name: "Reset your password" }).waitFor();
      await page.getByLabel("Email address").fill(address);
      await page.getByRole("button", { name: "Send reset link" }).click();
      await page.getByRole("heading", { name: "Check your email" }).waitFor();
    }
    const message = await messageTo(email, RESET);
    expect(inbox.some((candidate) => candidate.to.includes(nobody))).toBe(false);
    const link = linkIn(message, "/account/reset/");

    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill("copper heron valley 5");
    await page.getByLabel("New password again").fill("copper heron valley 5");
    await page.getByRole("button", { name: "Save password and sign in" }).click();
    await page.getByText("Signed in as Rhys Reset").waitFor();
    expect(await isSignedIn(oldSession.request, e2e.baseUrl)).toBe(false);

    expect((await page.goto(link))?.status()).toBe(410);
    await page.getByRole("heading", { name: "This link cannot be used" }).waitFor();
    const fresh = await e2e.newContext();
    expect(await signInWithPassword(fresh.request, e2e.baseUrl, email, "copper heron valley 5")).toBe(302);
  });
});
