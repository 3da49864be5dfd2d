/**
 * Sign-ins with Microsoft under way. Each holds the SHA-256 of its state (the
 * state itself travels only through the browser), the nonce, the PKCE
 * verifier, the chosen tenant and where to go afterwards. A request lives ten
 * minutes and is used once: taking it deletes it, whatever happens next.
 */
import { createHash } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { randomNonce, randomPKCECodeVerifier, randomState } from "openid-client";
import { signInRequests } from "../../../db/schema";
import { type Db, getDb, writeTransaction } from "../../platform/db.server";

export const SIGN_IN_REQUEST_LIFETIME_MS = 10 * 60_000;

export interface NewSignInRequest {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type SignInRequest = typeof signInRequests.$inferSelect;

export function stateHashOf(state: string): string {
  return createHash("sha256").update(state).digest("base64url");
}

/** Stores a new request (and forgets expired ones); returns the secrets for the authorisation URL. */
export function createSignInRequest(
  { tenantId, redirectTo }: { tenantId: string; redirectTo: string },
  db: Db = getDb(),
  now = new Date(),
): NewSignInRequest {
  const created = { state: randomState(), nonce: randomNonce(), codeVerifier: randomPKCECodeVerifier() };
  writeTransaction((tx) => {
    tx.delete(signInRequests).where(lt(signInRequests.expiresAt, now)).run();
    tx.insert(signInRequests)
      .values({
        stateHash: stateHashOf(created.state),
        tenantId,
        nonce: created.nonce,
        codeVerifier: created.codeVerifier,
        redirectTo,
        expiresAt: new Date(now.getTime() + SIGN_IN_REQUEST_LIFETIME_MS),
      })
      .run();
  }, db);
  return created;
}

/**
 * Removes the request for `state` and returns it, expired or not (the caller
 * decides); null when there is none: never issued, or used already.
 */
export function takeSignInRequest(state: string, db: Db = getDb()): SignInRequest | null {
  return (
    db
      .delete(signInRequests)
      .where(eq(signInRequests.stateHash, stateHashOf(state)))
      .returning()
      .get() ?? null
  );
}
