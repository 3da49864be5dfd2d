import { describe, expect, it } from "vitest";
import { defaultReviewBy, reviewByAfterConfirmation, reviewStatus } from "~/posts/review-dates";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-03-03T10:00:00Z");

describe("review-by dates", () => {
  it("fall a year after publishing (the day, at midnight UTC) or confirming, 29 February moving to 28 February", () => {
    expect(defaultReviewBy(new Date("2026-03-03T10:00:00Z")).toISOString()).toBe("2027-03-03T00:00:00.000Z");
    expect(defaultReviewBy(new Date("2028-02-29T12:00:00Z")).toISOString()).toBe("2029-02-28T00:00:00.000Z");
    expect(reviewByAfterConfirmation(now).toISOString()).toBe("2027-03-03T10:00:00.000Z");
  });

  it("make a published post overdue once passed, due soon within 30 days, current after", () => {
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    expect(reviewStatus({ status: "published", reviewBy: at(-1) }, now)).toBe("overdue");
    expect(reviewStatus({ status: "published", reviewBy: now }, now)).toBe("overdue");
    expect(reviewStatus({ status: "published", reviewBy: at(30) }, now)).toBe("soon");
    expect(reviewStatus({ status: "published", reviewBy: at(31) }, now)).toBe("current");
    // Dates arrive from loaders as strings.
    expect(reviewStatus({ status: "published", reviewBy: at(-1).toISOString() }, now)).toBe("overdue");
  });

  it("leave drafts, archived posts and posts without a date alone", () => {
    expect(reviewStatus({ status: "draft", reviewBy: new Date(0) }, now)).toBeNull();
    expect(reviewStatus({ status: "archived", reviewBy: new Date(0) }, now)).toBeNull();
    expect(reviewStatus({ status: "published", reviewBy: null }, now)).toBeNull();
    expect(reviewStatus({ status: "published", reviewBy: "not a date" }, now)).toBeNull();
  });
});
