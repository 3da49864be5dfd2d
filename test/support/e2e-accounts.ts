/**
 * People made over HTTP, as an administrator's browser would make them, so
 * that tests of accounts never change the shared demo accounts: invite
 * someone (the Hub shows the link when it cannot send email), accept the
 * invitation, sign in with the password chosen.
 */
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "playwright-core";
import { expect } from "vitest";

export const PERSON_PASSWORD = "plum orchard kettle 77";

export interface InvitedPerson {
  id: string;
  name: string;
  email: string;
  /** The invitation link, as shown to the administrator. */
  link: string;
}

/** The text of the first element with this test id in a page's HTML. */
function testIdText(html: string, testId: string): string | null {
  const match = new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html);
  return match?.[1] ?? null;
}

/** Invites someone new through /admin/users/new; `admin` must be signed in as an administrator. */
export async function invitePerson(
  admin: APIRequestContext,
  baseUrl: string,
  fields: { role?: string; partner?: string; name?: string } = {},
): Promise<InvitedPerson> {
  const tag = randomUUID().slice(0, 8);
  const name = fields.name ?? `Test Person ${tag}`;
  const email = `person-${tag}@example.test`;
  const response = await admin.post(`${baseUrl}/admin/users/new`, {
    form: { name, email, role: fields.role ?? "reader", partner: fields.partner ?? "torfaen" },
    headers: { Origin: baseUrl },
    maxRedirects: 0,
  });
  const html = await response.text();
  expect(response.status(), html.slice(0, 500)).toBe(200);
  const link = testIdText(html, "invitation-link");
  const id = /href="\/admin\/users\/(?!new")([A-Za-z0-9_-]+)"/.exec(html)?.[1];
  if (!link || !id) throw new Error("The invitation page showed no link (is SMTP configured for this Hub?)");
  return { id, name, email, link };
}

/** Sets the person's password through a link (invitation or reset); the request's context is then signed in as them. */
export async function setPasswordThroughLink(
  request: APIRequestContext,
  link: string,
  password = PERSON_PASSWORD,
): Promise<number> {
  const response = await request.post(link, {
    form: { password, confirmPassword: password },
    headers: { Origin: new URL(link).origin },
    maxRedirects: 0,
  });
  return response.status();
}

/** Signs the context in with the sign-in form over HTTP. */
export async function signInWithPassword(
  request: APIRequestContext,
  baseUrl: string,
  email: string,
  password = PERSON_PASSWORD,
): Promise<number> {
  const response = await request.post(`${baseUrl}/login`, {
    form: { email, password, redirectTo: "/" },
    headers: { Origin: baseUrl },
    maxRedirects: 0,
  });
  return response.status();
}

/** Whether the context's session still works: a page that needs one answers 200 rather than a redirect to sign in. */
export async function isSignedIn(request: APIRequestContext, baseUrl: string): Promise<boolean> {
  const response = await request.get(`${baseUrl}/account/sessions`, { maxRedirects: 0 });
  if (response.status() === 200) return true;
  expect(response.headers().location ?? "").toMatch(/^\/login/);
  return false;
}
