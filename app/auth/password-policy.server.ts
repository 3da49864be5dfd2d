/**
 * What a new password must be, wherever one is set (an invitation accepted, a
 * reset, a change, the user:create script): 12 to 256 characters and not on
 * the list of common passwords. Length and a deny list, with no rules about
 * character classes, as NCSC and NIST SP 800-63B advise.
 */
import { z } from "zod";
import { ACCOUNT_LIMITS } from "./account-limits";
import commonPasswords from "./common-passwords.json";

const COMMON = new Set(commonPasswords.passwords);

/** What is left when digits and symbols are taken off both ends: "Sunshine2024!" gives "sunshine". */
function core(password: string): string {
  return password.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
}

/** "passwordpassword" is "password" twice: every piece that, repeated, makes the whole. */
function repeatedPieces(password: string): string[] {
  const pieces: string[] = [];
  for (let size = 1; size <= password.length / 2; size++) {
    const piece = password.slice(0, size);
    if (password.length % size === 0 && piece.repeat(password.length / size) === password) pieces.push(piece);
  }
  return pieces;
}

/**
 * True when the password is on the list, whatever its case, or is a listed
 * password with digits or symbols around it ("Password123!", "2024dragon"),
 * or a listed password repeated ("qwertyqwerty"). Since passwords must be 12
 * characters or more, most listed ones only ever appear in these forms.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize("NFKC").toLowerCase();
  const candidates = [lower, ...repeatedPieces(lower)].flatMap((text) => [text, core(text)]);
  return candidates.some((candidate) => candidate.length > 0 && COMMON.has(candidate));
}

/** A new password, as typed: its message keys say which rule it broke. */
export const NewPasswordSchema = z
  .string({ error: "errors.password.tooShort" })
  // One message at a time: a password too short is not also called common.
  .min(ACCOUNT_LIMITS.passwordMin, { error: "errors.password.tooShort", abort: true })
  .max(ACCOUNT_LIMITS.passwordMax, { error: "errors.password.tooLong", abort: true })
  .refine((password) => !isCommonPassword(password), "errors.password.common");

/** The message key for the first rule the password breaks, or null when it may be used. */
export function passwordProblem(password: string): string | null {
  const result = NewPasswordSchema.safeParse(password);
  return result.success ? null : (result.error.issues[0]?.message ?? "errors.password.tooShort");
}
