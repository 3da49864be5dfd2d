/**
 * Sign-in with Microsoft Entra ID, start to finish (decision 019): the
 * organisations offered, the redirect to the chosen tenant's authority, and
 * the callback that checks everything, finds or creates the account and
 * logs each refusal as one JSON line with the request id.
 */
import { asc, inArray } from "drizzle-orm";
import { partners } from "../../../db/schema";
import { readCookie } from "../../platform/cookies";
import { type Db, getDb } from "../../platform/db.server";
import { type EntraSettings, getEnv } from "../../platform/env.server";
import { log } from "../../platform/log.server";
import { usesSecureCookies } from "../../platform/transport.server";
import type { SessionUser } from "../principals";
import { safeRedirectPath } from "../session.server";
import { emailFromClaims, resolveEntraAccount } from "./entra-accounts.server";
import { authorizationUrl, redeemCode, tenantIssuer } from "./entra-client.server";
import { EntraSignInRefused } from "./entra-refusal.server";
import { createSignInRequest, SIGN_IN_REQUEST_LIFETIME_MS, takeSignInRequest } from "./sign-in-requests.server";

export const ENTRA_CALLBACK_PATH = "/auth/entra/callback";

export function getEntraSettings(): EntraSettings | null {
  return getEnv().entra;
}

/** Each trusted tenant with its partner's name, for the person to choose from. */
export function listEntraOrganisations(db: Db = getDb()): { tenantId: string; name: string }[] {
  const settings = getEntraSettings();
  if (!settings) return [];
  const slugs = settings.tenants.map((tenant) => tenant.partnerSlug);
  const rows = db.select().from(partners).where(inArray(partners.slug, slugs)).orderBy(asc(partners.name)).all();
  return rows.flatMap((partner) =>
    settings.tenants
      .filter((tenant) => tenant.partnerSlug === partner.slug)
      .map((tenant) => ({ tenantId: tenant.tenantId, name: partner.name })),
  );
}

/** At start-up: every partner named in ENTRA_TENANTS must exist, or the Hub does not start. */
export function checkEntraPartners(db: Db = getDb()): void {
  const settings = getEntraSettings();
  if (!settings) return;
  const slugs = [...new Set(settings.tenants.map((tenant) => tenant.partnerSlug))];
  const known = new Set(
    db
      .select({ slug: partners.slug })
      .from(partners)
      .where(inArray(partners.slug, slugs))
      .all()
      .map((row) => row.slug),
  );
  const unknown = slugs.filter((slug) => !known.has(slug));
  if (unknown.length === 0) return;
  const all = db
    .select({ slug: partners.slug })
    .from(partners)
    .orderBy(asc(partners.slug))
    .all()
    .map((row) => row.slug);
  throw new Error(
    `Invalid environment:\n  ENTRA_TENANTS: no partner with the slug ${unknown.map((slug) => `"${slug}"`).join(", ")}` +
      ` (the partners are: ${all.join(", ") || "none yet"})`,
  );
}

/** The callback address registered with Microsoft: on PUBLIC_ORIGIN when set, else on the request's own origin. */
export function entraRedirectUri(request: Request): string {
  return `${getEnv().PUBLIC_ORIGIN ?? new URL(request.url).origin}${ENTRA_CALLBACK_PATH}`;
}

/*
 * The state also goes into a short-lived cookie, so the callback completes
 * only in the browser that started the sign-in: a link to someone else's
 * callback cannot sign a victim in to the attacker's account.
 */
function stateCookieName(): string {
  return usesSecureCookies() ? "__Host-srs_hub_entra_state" : "srs_hub_entra_state";
}

function stateCookie(value: string, maxAgeSeconds: number): string {
  const secure = usesSecureCookies() ? "; Secure" : "";
  return `${stateCookieName()}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
}

export function isTrustedTenant(tenantId: string): boolean {
  return getEntraSettings()?.tenants.some((tenant) => tenant.tenantId === tenantId) ?? false;
}

/**
 * Starts a sign-in with the chosen (trusted) tenant: the address of Microsoft's
 * sign-in page, and the cookie that binds the sign-in to this browser.
 */
export async function beginEntraSignIn({
  request,
  tenantId,
  redirectTo,
  requestId,
}: {
  request: Request;
  tenantId: string;
  redirectTo: unknown;
  requestId: string;
}): Promise<{ url: string; cookie: string }> {
  const settings = getEntraSettings();
  if (!settings || !isTrustedTenant(tenantId)) throw new Error("beginEntraSignIn needs a trusted tenant");
  const secrets = createSignInRequest({ tenantId, redirectTo: safeRedirectPath(redirectTo) });
  try {
    const url = await authorizationUrl(settings, { tenantId, redirectUri: entraRedirectUri(request), ...secrets });
    return { url: url.href, cookie: stateCookie(secrets.state, SIGN_IN_REQUEST_LIFETIME_MS / 1000) };
  } catch (error) {
    if (error instanceof EntraSignInRefused) logRefusal(error, requestId, tenantId);
    throw error;
  }
}

export type EntraCallbackResult =
  | { ok: true; user: SessionUser; redirectTo: string; clearCookie: string }
  | { ok: false; refusal: EntraSignInRefused; clearCookie: string };

/** Completes a sign-in at the callback. Every refusal is logged; none throws. */
export async function completeEntraSignIn({
  request,
  requestId,
  now = new Date(),
}: {
  request: Request;
  requestId: string;
  now?: Date;
}): Promise<EntraCallbackResult> {
  const clearCookie = stateCookie("", 0);
  let tenantId: string | undefined;
  try {
    const settings = getEntraSettings();
    if (!settings) throw new Error("completeEntraSignIn needs Entra ID configured");
    const query = new URL(request.url).searchParams;
    const state = query.get("state");
    const browserState = readCookie(request.headers.get("Cookie"), stateCookieName());
    // Used once, whatever the outcome: both the state that came back and the one this browser holds.
    const signIn = state ? takeSignInRequest(state) : null;
    if (browserState && browserState !== state) takeSignInRequest(browserState);
    if (!signIn || !state) throw new EntraSignInRefused("state-unknown");
    tenantId = signIn.tenantId;
    if (browserState !== state) throw new EntraSignInRefused("state-not-this-browser");
    if (signIn.expiresAt.getTime() < now.getTime()) throw new EntraSignInRefused("state-expired");
    const tenant = settings.tenants.find((candidate) => candidate.tenantId === signIn.tenantId);
    if (!tenant) throw new EntraSignInRefused("tenant-not-trusted", "tenant no longer in ENTRA_TENANTS");

    const claims = await redeemCode(settings, {
      tenantId: tenant.tenantId,
      url: new URL(`${entraRedirectUri(request)}?${query}`),
      state: state,
      nonce: signIn.nonce,
      codeVerifier: signIn.codeVerifier,
    });
    // The issuer is the chosen tenant's (openid-client checked it); the tenant claim must agree.
    if (claims.tid !== tenant.tenantId || claims.iss !== tenantIssuer(settings, tenant.tenantId)) {
      throw new EntraSignInRefused("tenant-not-trusted", `token of tenant ${String(claims.tid).slice(0, 64)}`);
    }
    const email = emailFromClaims(claims);
    if (typeof claims.oid !== "string" || !claims.oid || !email) {
      throw new EntraSignInRefused("claims-missing", `${claims.oid ? "" : "oid "}${email ? "" : "email"}`.trim());
    }
    const { user, outcome } = resolveEntraAccount(
      {
        tenantId: tenant.tenantId,
        objectId: claims.oid,
        email,
        name: typeof claims.name === "string" ? claims.name : null,
      },
      tenant.partnerSlug,
    );
    log("info", "Signed in with Microsoft", { requestId, userId: user.id, tenantId: tenant.tenantId, outcome });
    return { ok: true, user, redirectTo: safeRedirectPath(signIn.redirectTo), clearCookie };
  } catch (error) {
    if (!(error instanceof EntraSignInRefused)) throw error;
    logRefusal(error, requestId, tenantId);
    return { ok: false, refusal: error, clearCookie };
  }
}

function logRefusal(refusal: EntraSignInRefused, requestId: string, tenantId: string | undefined) {
  // Microsoft out of reach is the service's problem, not the person's: an error, for whoever runs the Hub.
  log(refusal.status >= 500 ? "error" : "warn", "Sign-in with Microsoft refused", {
    requestId,
    reason: refusal.reason,
    status: refusal.status,
    tenantId,
    detail: refusal.detail,
  });
}
