/**
 * Review-by dates: when a published post should next be checked as still
 * accurate. A post is due a year after it was published, and a year after
 * each confirmation; the workspace lists those due within the next 30 days,
 * and pages flag those past their date. Pure and client-safe.
 */

import { dayToTime, oneYearAfter, timeToDay } from "./post-dates";

/** How far ahead the workspace's "Due for review" tab looks, so editors can check before the date passes. */
export const REVIEW_SOON_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

function yearAfter(from: Date): Date {
  return oneYearAfter(from);
}

/**
 * The review-by date a post gets when it is first published and none was
 * chosen: the day a year on, kept as a typed date is (midnight UTC), so the
 * publication's time of day never shifts the day shown.
 */
export function defaultReviewBy(publishedAt: Date): Date {
  return dayToTime(timeToDay(yearAfter(publishedAt)));
}

/** The next review-by date after someone confirms the post still accurate at `confirmedAt`. */
export function reviewByAfterConfirmation(confirmedAt: Date): Date {
  return yearAfter(confirmedAt);
}

/** The latest review-by date the "Due for review" tab includes. */
export function dueForReviewCutoff(now: Date): Date {
  return new Date(now.getTime() + REVIEW_SOON_DAYS * DAY_MS);
}

/**
 * Where a published post stands: "overdue" once its date has passed (pages
 * flag it), "soon" within the next 30 days, "current" otherwise. Unpublished
 * posts, and any without a date, have nothing to review.
 */
export function reviewStatus(
  post: { status: string; reviewBy: Date | string | number | null },
  now: Date,
): "overdue" | "soon" | "current" | null {
  if (post.status !== "published" || post.reviewBy === null) return null;
  const due = new Date(post.reviewBy).getTime();
  if (Number.isNaN(due)) return null;
  if (due <= now.getTime()) return "overdue";
  if (due <= dueForReviewCutoff(now).getTime()) return "soon";
  return "current";
}
