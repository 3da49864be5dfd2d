/**
 * Names no other record of the run has: slugs, e-mail addresses and board
 * reference prefixes for tests that share a database with other tests.
 */

import { randomBytes, randomInt } from "node:crypto";

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/**
 * A board reference prefix (two to six capitals) no other board of the run
 * has: `lead` then random capitals up to six letters, at least five of them
 * random (26^5, about 12 million, so a run's few hundred boards never meet).
 */
export function uniquePrefix(lead = ""): string {
  if (!/^[A-Z]?$/.test(lead)) throw new Error(`a prefix's lead is one capital letter, not "${lead}"`);
  const random = Array.from({ length: 6 - lead.length }, () => String.fromCharCode(65 + randomInt(26))).join("");
  return lead + random;
}
