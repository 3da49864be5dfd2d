import { describe, expect, it } from "vitest";
import { ValidationError } from "~/platform/errors";
import { todayInUk } from "~/posts/post-dates";
import {
  ProgressUpdateInputSchema,
  RoadmapItemInputSchema,
  roadmapItemFormToFields,
  validated,
} from "~/roadmap/roadmap-item-schemas";
import { ROADMAP_LIMITS } from "~/roadmap/roadmap-limits";

const item = {
  title: "Microsoft 365 roll-out",
  summary: "Every partner on Microsoft 365.",
  description: "## Plan\n\nMove mailboxes first.",
  theme: "collaboration-and-productivity",
  status: "in-progress",
  startQuarter: "2026-Q1",
  targetQuarter: "2026-Q4",
  partners: ["torfaen"],
  owner: "user-1",
};

function errorsOf(schema: Parameters<typeof validated>[0], fields: unknown): Record<string, string[]> {
  try {
    validated(schema, fields);
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("the roadmap item schema", () => {
  it("accepts a complete item, normalising quarters and partners", () => {
    const parsed = validated(RoadmapItemInputSchema, {
      ...item,
      startQuarter: "2026-q1",
      partners: ["torfaen", " torfaen", "newport"],
    });
    expect(parsed).toMatchObject({
      startQuarter: "2026-Q1",
      partners: ["torfaen", "newport"],
      slug: "",
      reviewedAt: null,
    });
  });

  it("refuses a list of partners no form offers before looking any of them up", () => {
    const partners = Array.from({ length: 51 }, (_, index) => `partner-${index}`);
    expect(errorsOf(RoadmapItemInputSchema, { ...item, partners })).toEqual({
      partners: ["roadmap.errors.partners.unknown"],
    });
    expect(validated(RoadmapItemInputSchema, { ...item, partners: partners.slice(0, 50) }).partners).toHaveLength(50);
  });

  it("names the field of each problem", () => {
    expect(errorsOf(RoadmapItemInputSchema, {})).toMatchObject({
      title: ["roadmap.errors.title.required"],
      summary: ["roadmap.errors.summary.required"],
      description: ["roadmap.errors.description.required"],
      theme: ["roadmap.errors.theme.required"],
      status: ["roadmap.errors.status.required"],
      startQuarter: ["roadmap.errors.startQuarter.required"],
      targetQuarter: ["roadmap.errors.targetQuarter.required"],
      partners: ["roadmap.errors.partners.required"],
      owner: ["roadmap.errors.owner.required"],
    });
  });

  it("refuses an unknown quarter and a target before the start", () => {
    expect(errorsOf(RoadmapItemInputSchema, { ...item, startQuarter: "2026-Q5" })).toEqual({
      startQuarter: ["roadmap.errors.startQuarter.invalid"],
    });
    expect(errorsOf(RoadmapItemInputSchema, { ...item, targetQuarter: "2101-Q1" })).toEqual({
      targetQuarter: ["roadmap.errors.targetQuarter.invalid"],
    });
    expect(errorsOf(RoadmapItemInputSchema, { ...item, startQuarter: "2026-Q3", targetQuarter: "2026-Q2" })).toEqual({
      targetQuarter: ["roadmap.errors.targetQuarter.beforeStart"],
    });
    // The same quarter for both is a one-quarter item.
    expect(validated(RoadmapItemInputSchema, { ...item, targetQuarter: "2026-Q1" }).targetQuarter).toBe("2026-Q1");
  });

  it("refuses a status outside the list, a reserved or malformed slug, a long title and a future review date", () => {
    const errors = errorsOf(RoadmapItemInputSchema, {
      ...item,
      status: "done",
      slug: "new",
      title: "x".repeat(ROADMAP_LIMITS.title + 1),
      reviewedAt: { day: "1", month: "1", year: String(Number(todayInUk().slice(0, 4)) + 1) },
    });
    expect(errors).toEqual({
      status: ["roadmap.errors.status.required"],
      slug: ["roadmap.errors.slug.reserved"],
      title: ["roadmap.errors.title.tooLong"],
      reviewedAt: ["roadmap.errors.reviewedAt.future"],
    });
    expect(errorsOf(RoadmapItemInputSchema, { ...item, slug: "Not A Slug" })).toEqual({
      slug: ["roadmap.errors.slug.invalid"],
    });
  });

  it("reads partners as checkboxes and the review date as three boxes from the form", () => {
    const form = new FormData();
    form.append("title", "T");
    form.append("partners", "torfaen");
    form.append("partners", "newport");
    form.append("reviewedAt-day", "3");
    form.append("reviewedAt-month", "4");
    form.append("reviewedAt-year", "2026");
    const { fields } = roadmapItemFormToFields(form);
    expect(fields.partners).toEqual(["torfaen", "newport"]);
    expect(fields.reviewedAt).toEqual({ day: "3", month: "4", year: "2026" });
  });
});

describe("the progress update schema", () => {
  const today = todayInUk();
  it("takes a date up to today, a RAG rating and a short note", () => {
    expect(validated(ProgressUpdateInputSchema, { updateDate: today, rating: "at-risk", note: " Late. " })).toEqual({
      updateDate: today,
      rating: "at-risk",
      note: "Late.",
    });
  });

  it("refuses a future date, a missing one, an unknown rating and a long note", () => {
    const next = String(Number(today.slice(0, 4)) + 1);
    expect(
      errorsOf(ProgressUpdateInputSchema, {
        updateDate: { day: "1", month: "1", year: next },
        rating: "amber",
        note: "x".repeat(ROADMAP_LIMITS.updateNote + 1),
      }),
    ).toEqual({
      updateDate: ["roadmap.errors.updateDate.future"],
      rating: ["roadmap.errors.rating.required"],
      note: ["roadmap.errors.note.tooLong"],
    });
    expect(errorsOf(ProgressUpdateInputSchema, { rating: "on-track", note: "n" })).toEqual({
      updateDate: ["roadmap.errors.updateDate.required"],
    });
    expect(
      errorsOf(ProgressUpdateInputSchema, {
        updateDate: { day: "31", month: "2", year: "2026" },
        rating: "on-track",
        note: "n",
      }),
    ).toEqual({ updateDate: ["roadmap.errors.updateDate.invalid"] });
  });
});
