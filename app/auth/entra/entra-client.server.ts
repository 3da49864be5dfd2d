/**
 * The only module that imports openid-client: discovery of a tenant's
 * OpenID configuration, the authorisation URL, and redeeming the code.
 *
 * Each tenant has its own authority, `${ENTRA_AUTHORITY}/${tenantId}/v2.0`, so
 * the issuer openid-client expects is that tenant's and nothing else's
 * (decision 019). ID tokens are checked against Microsoft's published keys
 * too, although they come straight from the token endpoint.
 */
import * as oidc from "openid-client";
import type { EntraSettings } from "../../platform/env.server";
import { EntraSignInRefused } from "./entra-refusal.server";

/** Scopes for the ID token's `name`, `email` / `preferred_username`, `tid` and `oid` claims. */
const SCOPES = "openid profile email";
/** Discovery results are kept this long; keys rotate through the JWKS, fetched again on an unknown key id. */
const DISCOVERY_TTL_MS = 60 * 60_000;
const TIMEOUT_SECONDS = 10;

export function tenantIssuer(settings: EntraSettings, tenantId: string): string {
  return `${settings.authority}/${tenantId}/v2.0`;
}

/** Plain http is allowed only for a provider on this machine (the tests'); env.server.ts refuses it elsewhere. */
function allowsPlainHttp(settings: EntraSettings): boolean {
  const url = new URL(settings.authority);
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

const discovered = new Map<string, { at: number; configuration: Promise<oidc.Configuration> }>();

async function tenantConfiguration(settings: EntraSettings, tenantId: string): Promise<oidc.Configuration> {
  const issuer = tenantIssuer(settings, tenantId);
  const key = `${issuer} ${settings.clientId}`;
  let entry = discovered.get(key);
  if (!entry || Date.now() - entry.at > DISCOVERY_TTL_MS) {
    const configuration = oidc.discovery(
      new URL(issuer),
      settings.clientId,
      { client_secret: settings.clientSecret },
      oidc.ClientSecretPost(settings.clientSecret),
      {
        execute: [...(allowsPlainHttp(settings) ? [oidc.allowInsecureRequests] : []), oidc.enableNonRepudiationChecks],
        timeout: TIMEOUT_SECONDS,
      },
    );
    entry = { at: Date.now(), configuration };
    discovered.set(key, entry);
    // A failed discovery is not kept: the next sign-in tries again.
    configuration.catch(() => {
      if (discovered.get(key) === entry) discovered.delete(key);
    });
  }
  try {
    return await entry.configuration;
  } catch (error) {
    throw new EntraSignInRefused("provider-unreachable", describe(error));
  }
}

export async function authorizationUrl(
  settings: EntraSettings,
  request: { tenantId: string; redirectUri: string; state: string; nonce: string; codeVerifier: string },
): Promise<URL> {
  const configuration = await tenantConfiguration(settings, request.tenantId);
  return oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: request.redirectUri,
    scope: SCOPES,
    response_mode: "query",
    state: request.state,
    nonce: request.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(request.codeVerifier),
    code_challenge_method: "S256",
  });
}

/** The ID token's claims, as far as the Hub reads them. */
export interface EntraClaims {
  iss: string;
  tid?: unknown;
  oid?: unknown;
  email?: unknown;
  preferred_username?: unknown;
  name?: unknown;
}

/**
 * Checks the authorisation response (state, or an error from Microsoft),
 * redeems the code with the PKCE verifier and checks the ID token: issuer,
 * audience, signature, expiry and nonce. Throws EntraSignInRefused.
 */
export async function redeemCode(
  settings: EntraSettings,
  callback: { tenantId: string; url: URL; state: string; nonce: string; codeVerifier: string },
): Promise<EntraClaims> {
  const configuration = await tenantConfiguration(settings, callback.tenantId);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(configuration, callback.url, {
      expectedState: callback.state,
      expectedNonce: callback.nonce,
      pkceCodeVerifier: callback.codeVerifier,
      idTokenExpected: true,
    });
  } catch (error) {
    throw refusalFor(error);
  }
  const claims = tokens.claims();
  if (!claims) throw new EntraSignInRefused("token-invalid", "no ID token");
  return claims as EntraClaims;
}

function refusalFor(error: unknown): EntraSignInRefused {
  if (error instanceof oidc.AuthorizationResponseError) {
    const detail = `${error.error}: ${error.error_description ?? ""}`.slice(0, 300);
    return new EntraSignInRefused(error.error === "access_denied" ? "access-denied" : "provider-error", detail);
  }
  if (error instanceof oidc.ResponseBodyError) {
    const detail = `token endpoint ${error.status} ${error.error}: ${error.error_description ?? ""}`.slice(0, 300);
    return new EntraSignInRefused(error.error === "invalid_grant" ? "code-rejected" : "provider-error", detail);
  }
  if (error instanceof oidc.ClientError) {
    const unusable = ["OAUTH_RESPONSE_IS_NOT_CONFORM", "OAUTH_RESPONSE_IS_NOT_JSON"].includes(error.code ?? "");
    return new EntraSignInRefused(unusable ? "provider-unreachable" : "token-invalid", describe(error));
  }
  return new EntraSignInRefused("provider-unreachable", describe(error));
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? `; ${error.cause.message}` : "";
  return `${typeof code === "string" ? `${code} ` : ""}${error.message}${cause}`.slice(0, 300);
}
