/**
 * Names no other record of the run has: slugs, e-mail addresses and board
 * reference prefixes for tests that share a database with other tests.
 */

import { randomBytes, randomInt } from "node:crypto";

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/**
 * A board reference prefix of six capitals: `lead`, when given, then random
 * capitals. With at least five random (26^5, about 12 million), the few
 * hundred boards of a run are very unlikely to share one (about 0.4% for
 * 300 boards on one lead letter).
 */
export function uniquePrefix(lead = ""): string {
  if (!/^[A-Z]?$/.test(lead)) throw new Error(`a prefix's lead is one capital letter, not "${lead}"`);
  const random = Array.from({ length: 6 - lead.length }, () => String.fromCharCode(65 + randomInt(26))).join("");
  return lead + random;
}
