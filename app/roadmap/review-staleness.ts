/**
 * A roadmap item is stale when nobody has reviewed it (edited it as reviewed,
 * or posted a progress update) for 90 days: its page and the roadmap views
 * flag it. Pure and client-safe.
 */
export const STALE_AFTER_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export function isStale(reviewedAt: Date | number, now: Date | number = Date.now()): boolean {
  return Number(now) - Number(reviewedAt) > STALE_AFTER_DAYS * DAY_MS;
}
