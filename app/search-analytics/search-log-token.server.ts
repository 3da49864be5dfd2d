/**
 * The opaque reference a finder page holds to its own row of the search log.
 * A row's number, encrypted and authenticated (AES-256-GCM) with a key of this
 * installation's own: it says nothing about other searches (not even how many
 * there have been), cannot be made up or altered, and all it can do is mark
 * that one search's result as opened (decision 060).
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { settings } from "../../db/schema";
import { type Db, getDb } from "../platform/db.server";
import { getSetting } from "../platform/settings.server";

const KEY_SETTING = "search-log-key";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ID_BYTES = 8;
/** base64url of 12 + 8 + 16 bytes. */
export const SEARCH_LOG_TOKEN_LENGTH = 48;

const keys = new WeakMap<Db, Buffer>();

/** The installation's key, made on first use; every process of the Hub reads the same one from the database. */
function logKey(db: Db): Buffer {
  const cached = keys.get(db);
  if (cached) return cached;
  let stored = getSetting(KEY_SETTING, db);
  if (!stored) {
    // Two processes making one at once: the first write wins, and both read it back.
    db.insert(settings)
      .values({ key: KEY_SETTING, value: randomBytes(32).toString("base64url") })
      .onConflictDoNothing()
      .run();
    stored = getSetting(KEY_SETTING, db);
  }
  if (!stored) throw new Error("The search log's key could not be kept");
  const key = Buffer.from(stored, "base64url");
  keys.set(db, key);
  return key;
}

export function tokenForSearchLogId(id: number, db: Db = getDb()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", logKey(db), iv);
  const plain = Buffer.alloc(ID_BYTES);
  plain.writeBigUInt64BE(BigInt(id));
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
}

/** The row a token names, or null for anything that is not a token this installation made. */
export function searchLogIdForToken(token: string, db: Db = getDb()): number | null {
  if (token.length !== SEARCH_LOG_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length !== IV_BYTES + ID_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", logKey(db), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES + ID_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, IV_BYTES + ID_BYTES)), decipher.final()]);
    const id = plain.readBigUInt64BE();
    return id > 0n && id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : null;
  } catch {
    // Altered or made up: the authentication tag does not match.
    return null;
  }
}
