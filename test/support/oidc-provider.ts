/**
 * A real OpenID provider for the tests, shaped like Microsoft Entra ID: one
 * oidc-provider instance per tenant, each mounted at `/<tenant id>/v2.0` so
 * its issuer is `http://127.0.0.1:<port>/<tenant id>/v2.0`, all signing with
 * the same keys (as Entra's tenants do). ID tokens carry `tid` and `oid`; the
 * client must use PKCE. Who signs in is decided by the test: the login
 * interaction is a tiny form, driven over HTTP by `signIn` (or in a browser).
 *
 * `tamperIdTokens` re-signs the ID tokens the token endpoint returns, with the
 * provider's own key, after changing a claim: the Hub then gets a token whose
 * signature is good and whose one changed claim must be refused.
 */
import type { Server } from "node:http";
import express from "express";
import { decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import Provider, { type KoaContext } from "oidc-provider";
import { freeLocalPort } from "../../server/meilisearch-process";

export interface TestAccount {
  /** The login typed at the provider; also the `sub`. */
  login: string;
  /** Entra's object id; defaults to a value derived from the login. */
  oid?: string;
  email?: string;
  preferredUsername?: string;
  name?: string;
  /** The `tid` claim; defaults to the tenant the account signs in at. */
  tid?: string;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

type ClaimsTamper = (claims: Record<string, unknown>) => Record<string, unknown>;

export interface RunningOidcProvider {
  /** Such as http://127.0.0.1:40123: what ENTRA_AUTHORITY is set to. */
  authority: string;
  issuerOf(tenantId: string): string;
  addAccount(tenantId: string, account: TestAccount): void;
  /** Lifetime of the ID tokens issued from now on, in seconds (negative: already expired). */
  setIdTokenLifetime(seconds: number): void;
  /** Changes claims of every ID token issued from now on (null: stop). */
  tamperIdTokens(tamper: ClaimsTamper | null): void;
  /**
   * Plays the person at the provider: opens the authorisation URL, signs in
   * as `login` at the tenant it names (or cancels), and returns where the
   * provider sends the browser back (the Hub's callback, with code and state).
   */
  signIn(authorizationUrl: string, as: { login: string } | { cancel: true }): Promise<URL>;
  stop(): Promise<void>;
}

const SCOPES = ["openid", "profile", "email"];

type Stored = Record<string, unknown> & { uid?: string; userCode?: string; grantId?: string; consumed?: number };

/** Codes, sessions and grants in memory, for as long as the test's provider runs (its own is noisy about it). */
class MemoryAdapter {
  private static readonly rows = new Map<string, Stored>();
  constructor(private readonly name: string) {}
  private key(id: string) {
    return `${this.name}:${id}`;
  }
  async upsert(id: string, payload: Stored) {
    MemoryAdapter.rows.set(this.key(id), payload);
  }
  async find(id: string) {
    return MemoryAdapter.rows.get(this.key(id));
  }
  async findByUid(uid: string) {
    return [...MemoryAdapter.rows.entries()].find(
      ([key, row]) => key.startsWith(`${this.name}:`) && row.uid === uid,
    )?.[1];
  }
  async findByUserCode(userCode: string) {
    return [...MemoryAdapter.rows.values()].find((row) => row.userCode === userCode);
  }
  async consume(id: string) {
    const row = MemoryAdapter.rows.get(this.key(id));
    if (row) row.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    MemoryAdapter.rows.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string) {
    for (const [key, row] of MemoryAdapter.rows) if (row.grantId === grantId) MemoryAdapter.rows.delete(key);
  }
}

/** `client` is the Hub, registered at every tenant as a multi-tenant app is; `port` may be chosen beforehand. */
export async function startOidcProvider({
  tenants,
  client,
  port: givenPort,
}: {
  tenants: string[];
  client: TestClient;
  port?: number;
}): Promise<RunningOidcProvider> {
  const port = givenPort ?? (await freeLocalPort());
  const authority = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingJwk: JWK = { ...(await exportJWK(privateKey)), kid: "test-signing-key", alg: "RS256", use: "sig" };
  const signingKey = await importJWK(signingJwk, "RS256");

  const accounts = new Map<string, TestAccount>();
  let idTokenLifetime = 300;
  let tamper: ClaimsTamper | null = null;
  const providers = new Map<string, Provider>();

  const app = express();
  app.disable("x-powered-by");
  const issuerOf = (tenantId: string) => `${authority}/${tenantId}/v2.0`;
  const idTokenTtl = () => idTokenLifetime;

  for (const tenantId of tenants) {
    const prefix = `/${tenantId}/v2.0`;
    const provider = new Provider(issuerOf(tenantId), {
      clients: [
        {
          client_id: client.clientId,
          client_secret: client.clientSecret,
          redirect_uris: [client.redirectUri],
          grant_types: ["authorization_code"],
          response_types: ["code"],
          token_endpoint_auth_method: "client_secret_post",
        },
      ],
      adapter: MemoryAdapter,
      jwks: { keys: [signingJwk] },
      cookies: { keys: ["test-provider-cookie-key"] },
      scopes: SCOPES,
      claims: { openid: ["sub", "tid", "oid"], profile: ["name", "preferred_username"], email: ["email"] },
      // Entra puts these claims in the ID token itself.
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      features: { devInteractions: { enabled: false } },
      ttl: {
        IdToken: idTokenTtl,
        AccessToken: 300,
        AuthorizationCode: 60,
        Grant: 600,
        Interaction: 600,
        Session: 600,
      },
      interactions: {
        url: (_ctx: unknown, interaction: { uid: string }) => `${prefix}/interaction/${interaction.uid}`,
      },
      findAccount: (_ctx: unknown, id: string) => {
        const account = accounts.get(`${tenantId} ${id}`);
        if (!account) return undefined;
        return {
          accountId: id,
          claims: async () => ({
            sub: id,
            tid: account.tid ?? tenantId,
            oid: account.oid ?? `oid-${id}`,
            email: account.email,
            preferred_username: account.preferredUsername,
            name: account.name,
          }),
        };
      },
    });
    provider.use(async (ctx: KoaContext, next) => {
      await next();
      const body = ctx.body as { id_token?: unknown } | undefined;
      if (ctx.oidc?.route !== "token" || !tamper || typeof body?.id_token !== "string") return;
      const claims = tamper({ ...decodeJwt(body.id_token) });
      body.id_token = await new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: signingJwk.kid, typ: "JWT" })
        .sign(signingKey);
    });

    app.get(`${prefix}/interaction/:uid`, async (req, res, next) => {
      try {
        const details = await provider.interactionDetails(req, res);
        res
          .type("html")
          .send(
            `<!doctype html><html lang="en"><title>Test provider sign-in</title><link rel="icon" href="data:,"><main><h1>Sign in to ${tenantId}</h1>` +
              `<form method="post" action="${prefix}/interaction/${details.uid}/login">` +
              `<label for="login">Login</label> <input id="login" name="login">` +
              `<button type="submit">Sign in</button> <button type="submit" name="cancel" value="1">Cancel</button>` +
              "</form></main></html>",
          );
      } catch (error) {
        next(error);
      }
    });
    app.post(`${prefix}/interaction/:uid/login`, express.urlencoded({ extended: false }), async (req, res, next) => {
      try {
        const details = await provider.interactionDetails(req, res);
        const body = req.body as { login?: string; cancel?: string };
        if (body.cancel) {
          await provider.interactionFinished(
            req,
            res,
            { error: "access_denied", error_description: "The user cancelled the sign-in." },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        const accountId = body.login ?? "";
        if (!accounts.has(`${tenantId} ${accountId}`)) {
          res.status(400).type("text").send(`No account ${accountId} at tenant ${tenantId}`);
          return;
        }
        // Consent is given with the sign-in, as an administrator's consent for the tenant gives it.
        const grant = new provider.Grant({ accountId, clientId: details.params.client_id ?? "" });
        grant.addOIDCScope(details.params.scope ?? "openid");
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        next(error);
      }
    });
    app.use(prefix, provider.callback());
    providers.set(tenantId, provider);
  }

  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, "127.0.0.1", () => resolve(listening));
    listening.once("error", reject);
  });

  return {
    authority,
    issuerOf,
    addAccount(tenantId, account) {
      accounts.set(`${tenantId} ${account.login}`, account);
    },
    setIdTokenLifetime(seconds) {
      idTokenLifetime = seconds;
    },
    tamperIdTokens(next) {
      tamper = next;
    },
    async signIn(authorizationUrl, as) {
      const jar = new Map<string, string>();
      const send = async (url: string, init: RequestInit = {}) => {
        const headers = new Headers(init.headers);
        if (jar.size) headers.set("Cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
        const response = await fetch(url, { ...init, headers, redirect: "manual" });
        for (const cookie of response.headers.getSetCookie()) {
          const [pair = ""] = cookie.split(";");
          const equals = pair.indexOf("=");
          jar.set(pair.slice(0, equals), pair.slice(equals + 1));
        }
        await response.body?.cancel();
        return response;
      };
      let url = authorizationUrl;
      for (let hop = 0; hop < 10; hop++) {
        if (!url.startsWith(`${authority}/`)) return new URL(url);
        let response: Response;
        if (/\/interaction\/[^/]+$/.test(new URL(url).pathname)) {
          const form: Record<string, string> = "cancel" in as ? { cancel: "1" } : { login: as.login };
          response = await send(`${url}/login`, { method: "POST", body: new URLSearchParams(form) });
        } else {
          response = await send(url);
        }
        const location = response.headers.get("location");
        if (response.status < 300 || response.status >= 400 || !location) {
          throw new Error(`The test provider answered ${response.status} at ${url}`);
        }
        url = new URL(location, url).href;
      }
      throw new Error("The test provider redirected too many times");
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
