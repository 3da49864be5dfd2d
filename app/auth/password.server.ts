import { hash, verify } from "@node-rs/argon2";

/**
 * OWASP's argon2id parameters, stated explicitly because the library's
 * defaults are weaker. `algorithm: 2` is Argon2id; the library's const enum
 * cannot be imported under isolatedModules.
 */
const ARGON2ID_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password, ARGON2ID_OPTIONS);
  } catch {
    return false;
  }
}
