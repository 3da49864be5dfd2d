/**
 * Why a sign-in with Microsoft was refused: what the log says (`reason`),
 * what the person reads (`messageKey`) and the status of the page.
 */
import type { MessageKey } from "../../i18n/en";

const REFUSALS = {
  /** The callback carried no state, or one the Hub never issued, already used or expired. */
  "state-unknown": { status: 400, messageKey: "entra.refused.expired" },
  "state-expired": { status: 400, messageKey: "entra.refused.expired" },
  /** The state was issued, but to another browser (it is not the one this browser was given). */
  "state-not-this-browser": { status: 400, messageKey: "entra.refused.expired" },
  /** The person cancelled, or Microsoft refused them (error=access_denied). */
  "access-denied": { status: 403, messageKey: "entra.refused.accessDenied" },
  /** Any other error Microsoft sent back to the callback. */
  "provider-error": { status: 400, messageKey: "entra.refused.providerError" },
  /** Microsoft would not exchange the code (used already, or not issued for this sign-in). */
  "code-rejected": { status: 400, messageKey: "entra.refused.notConfirmed" },
  /** The ID token failed a check: issuer, audience, nonce, expiry or signature. */
  "token-invalid": { status: 400, messageKey: "entra.refused.notConfirmed" },
  /** The token's tenant is not the one chosen, or not one the Hub trusts. */
  "tenant-not-trusted": { status: 403, messageKey: "entra.refused.untrustedTenant" },
  /** The token names no account (`oid`) or no usable email address. */
  "claims-missing": { status: 400, messageKey: "entra.refused.noEmail" },
  /** The email address belongs to an account of another partner. */
  "other-partner": { status: 403, messageKey: "entra.refused.otherPartner" },
  /** The account is linked to another Microsoft account of the same tenant already. */
  "already-linked": { status: 403, messageKey: "entra.refused.alreadyLinked" },
  /** Deactivated, or a demo account on a production Hub. */
  "account-may-not-sign-in": { status: 403, messageKey: "entra.refused.accountMayNotSignIn" },
  /** Microsoft could not be reached, or answered nonsense. */
  "provider-unreachable": { status: 503, messageKey: "entra.refused.unreachable" },
} as const satisfies Record<string, { status: 400 | 403 | 503; messageKey: MessageKey }>;

export type RefusalReason = keyof typeof REFUSALS;

export class EntraSignInRefused extends Error {
  override name = "EntraSignInRefused";
  readonly status: 400 | 403 | 503;
  readonly messageKey: MessageKey;
  constructor(
    readonly reason: RefusalReason,
    /** For the log only: never shown, never a token or code. */
    readonly detail?: string,
  ) {
    super(`Sign-in with Microsoft refused: ${reason}${detail ? ` (${detail})` : ""}`);
    this.status = REFUSALS[reason].status;
    this.messageKey = REFUSALS[reason].messageKey;
  }
}
