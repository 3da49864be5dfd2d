/**
 * The two pages a single-use link opens (accepting an invitation, resetting a
 * password) work alike: show the form while the link is live, set the
 * password, sign the person in afresh. A link that cannot be used answers
 * 410 Gone with a page that says so, whatever the reason.
 */
import { data } from "@remix-run/node";
import type { AccountTokenPurpose } from "../../db/enums";
import { ValidationError } from "../platform/errors";
import { readForm } from "../platform/http.server";
import { redirectWithNotice } from "../platform/notice.server";
import { findLiveLink, setPasswordWithLink, UnusableLinkError } from "./account-links.server";
import { startSession } from "./lucia.server";
import { endRequestSession } from "./session.server";

const unusable = () => data({ state: "unusable" as const, errors: {} }, { status: 410 });

export function loadLinkPage(token: string, purpose: AccountTokenPurpose) {
  const person = findLiveLink(token, purpose);
  if (!person) return unusable();
  return data({ state: "ready" as const, person: { name: person.name, email: person.email }, errors: {} });
}

export async function submitLinkPage(request: Request, token: string, purpose: AccountTokenPurpose) {
  const form = await readForm(request);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  try {
    const user = await setPasswordWithLink(token, purpose, {
      password: text("password"),
      confirmPassword: text("confirmPassword"),
    });
    // Whoever this browser was signed in as, it is now this person, in a new session.
    await endRequestSession(request);
    const cookie = await startSession(user.id, { method: "password", userAgent: request.headers.get("User-Agent") });
    return redirectWithNotice(
      "/",
      { key: purpose === "invitation" ? "notices.account.accountSetUp" : "notices.account.passwordReset" },
      { headers: { "Set-Cookie": cookie } },
    );
  } catch (error) {
    if (error instanceof UnusableLinkError) return unusable();
    if (error instanceof ValidationError) {
      const person = findLiveLink(token, purpose);
      if (!person) return unusable();
      return data(
        { state: "ready" as const, person: { name: person.name, email: person.email }, errors: error.fieldErrors },
        { status: 400 },
      );
    }
    throw error;
  }
}
