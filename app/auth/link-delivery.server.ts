/**
 * Getting links to people: by email when SMTP is configured, otherwise on the
 * administrator's screen (invitations) or from the service desk's script
 * (resets). Emailed links always start with PUBLIC_ORIGIN (else
 * http://localhost:PORT), never the request's Host header, which a forged
 * request could point at another site to collect the token.
 */

import { linkOrigin } from "../platform/env.server";
import { describeError, log } from "../platform/log.server";
import { emailAccountLink, issuePasswordReset, LINK_LIFETIME_MS, linkUrl } from "./account-links.server";
import { canSendEmail } from "./mailer.server";

/**
 * Asking for a password reset from the sign-in page. The answer never says
 * whether the address has an account: the link, if there is one to send,
 * goes by email in the background, so even the time taken is the same.
 * Issues and emails a reset link when the Hub can send email and the address
 * belongs to an account that may sign in. Without SMTP nothing is issued:
 * the service desk makes a link with `npm run user:reset-link`.
 */
export function requestPasswordReset(email: string): void {
  if (!canSendEmail()) return;
  const reset = issuePasswordReset(email, { source: "web", actorId: null });
  if (!reset) return;
  const url = linkUrl(linkOrigin(), "password-reset", reset.token);
  emailAccountLink("password-reset", reset.user, url).catch((error: unknown) => {
    log("error", "Could not send a password reset email", { userId: reset.user.id, error: describeError(error) });
  });
}

export interface InvitationDelivery {
  person: { id: string; name: string; email: string };
  /** The link to show the administrator, when it was not emailed. */
  link: string | null;
  emailed: boolean;
  emailFailed: boolean;
  expiresInDays: number;
}

/**
 * Emails an invitation when the Hub can; otherwise (or when sending fails)
 * returns the link for the administrator to pass on, starting with the
 * address they are using the Hub at.
 */
export async function deliverInvitation(
  person: { id: string; name: string; email: string },
  token: string,
  requestUrl: string,
): Promise<InvitationDelivery> {
  const expiresInDays = LINK_LIFETIME_MS.invitation / 86_400_000;
  const shown = { person, link: linkUrl(linkOrigin(requestUrl), "invitation", token), emailed: false, expiresInDays };
  if (!canSendEmail()) return { ...shown, emailFailed: false };
  try {
    await emailAccountLink("invitation", person, linkUrl(linkOrigin(), "invitation", token));
    return { person, link: null, emailed: true, emailFailed: false, expiresInDays };
  } catch (error) {
    log("error", "Could not send an invitation email", { userId: person.id, error: describeError(error) });
    return { ...shown, emailFailed: true };
  }
}
