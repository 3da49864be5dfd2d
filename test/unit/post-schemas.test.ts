import { describe, expect, it } from "vitest";
import { inFieldOrder } from "~/components/post-form";
import { translateLoose, translator } from "~/i18n/translate";
import { readDate, todayInUk } from "~/posts/post-dates";
import { fieldOrder } from "~/posts/post-field-order";
import { KIND_SECTIONS, POST_KINDS } from "~/posts/post-kinds";
import {
  ChangeNoteSchema,
  fieldErrorsOf,
  PostInputSchema,
  postFormToInput,
  publishingErrors,
} from "~/posts/post-schemas";
import { normaliseTag, slugify } from "~/posts/slug";

const base = {
  title: " Cyber resilience ",
  summary: "A summary",
  body: "Line one\r\nLine two",
  kind: "aspiration",
  partner: "newport",
  status: "published",
  tags: "Cyber Security, MFA ,, mfa",
  sections: { desiredOutcome: "Fewer incidents", targetTimeframe: "By 2027", evidence: "ignored" },
};

describe("PostInputSchema", () => {
  it("trims, normalises newlines and tags, and keeps only the kind's sections", () => {
    const result = PostInputSchema.parse(base);
    expect(result.title).toBe("Cyber resilience");
    expect(result.body).toBe("Line one\nLine two");
    expect(result.tags).toEqual(["cyber-security", "mfa"]);
    expect(result.sections).toEqual({ desiredOutcome: "Fewer incidents", targetTimeframe: "By 2027" });
    expect(result.slug).toBe("");
  });

  it("reports errors by form field name", () => {
    const result = PostInputSchema.safeParse({ ...base, title: "", sections: { desiredOutcome: "" } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsOf(result.error)).toEqual({
      title: ["errors.title.required"],
      "section.desiredOutcome": ["errors.section.required.desiredOutcome"],
      "section.targetTimeframe": ["errors.section.required.targetTimeframe"],
    });
  });

  it("names the field in each section's message", () => {
    const t = translator("en");
    expect(t("errors.section.required.drivingEvent")).toBe("Enter the driving event");
    expect(t("errors.section.tooLong.targetTimeframe")).toBe("Target timeframe must be 200 characters or fewer");
    expect(t("errors.summary.tooLong")).toBe("Summary must be 600 characters or fewer");
  });

  it("counts the body limit in bytes, not characters", () => {
    const twoByteChars = "é".repeat(100 * 1024); // 200 KB exactly
    expect(PostInputSchema.safeParse({ ...base, body: twoByteChars }).success).toBe(true);
    expect(PostInputSchema.safeParse({ ...base, body: `${twoByteChars}x` }).success).toBe(false);
  });

  it("limits tags to ten", () => {
    const tags = Array.from({ length: 11 }, (_, i) => `tag${i}`).join(",");
    expect(PostInputSchema.safeParse({ ...base, tags }).success).toBe(false);
  });

  it("reads section fields from a form", () => {
    const form = new FormData();
    form.set("title", "T");
    form.set("section.lesson", "L");
    form.set("section.unknownThing", "dropped");
    form.set("changeNote", "Fixed a typo");
    const { fields, changeNote } = postFormToInput(form);
    expect(fields.title).toBe("T");
    expect(fields.sections).toEqual({ lesson: "L" });
    expect(changeNote).toBe("Fixed a typo");
  });

  it("gives every kind its structured sections", () => {
    expect(Object.keys(KIND_SECTIONS).sort()).toEqual([...POST_KINDS].sort());
    expect(KIND_SECTIONS.lesson).toEqual(["drivingEvent", "lesson", "recommendation", "evidence"]);
  });
});

describe("slugs and tags", () => {
  it.each([
    ["Microsoft 365 & Teams: roll-out!", "microsoft-365-and-teams-roll-out"],
    ["  Café  Cymraeg  ", "cafe-cymraeg"],
    ["???", ""],
  ])("slugify(%j) is %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("keeps slugs to 80 characters without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(79)} b`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });

  it("normalises tags", () => {
    expect(normaliseTag(" Office 365 ")).toBe("office-365");
  });
});

describe("text a person types", () => {
  it("keeps no control characters, and a title or change note stays on one line", () => {
    const parsed = PostInputSchema.parse({
      ...base,
      title: "A\u0001 title\nover two lines\u007f",
      summary: "Line one\r\nline two\u0000",
    });
    expect(parsed.title).toBe("A title over two lines");
    expect(parsed.summary).toBe("Line one\nline two");
    expect(ChangeNoteSchema.parse("Fixed\u0001 the\ttable\n")).toBe("Fixed the table");
    expect(ChangeNoteSchema.parse("\u0001\u0002")).toBeNull();
  });
});

const lesson = {
  ...base,
  kind: "lesson",
  tags: "",
  sections: { drivingEvent: "d", lesson: "l", recommendation: "r", evidence: "e" },
};
const errorsOf = (input: Record<string, unknown>) => {
  const result = PostInputSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
};
/** A day `days` from today in the UK, as `YYYY-MM-DD`. */
const dayFromToday = (days: number) => todayInUk(new Date(Date.now() + days * 86_400_000));

describe("dates typed in three boxes", () => {
  it.each([
    [{ day: "7", month: "3", year: "2024" }, { date: "2024-03-07" }],
    [{ day: "", month: "", year: "" }, { date: null }],
    [{ day: "7", month: "", year: "2024" }, { problem: "incomplete" }],
    [{ day: "31", month: "2", year: "2024" }, { problem: "invalid" }],
    [{ day: "1", month: "13", year: "2024" }, { problem: "invalid" }],
    [{ day: "1", month: "1", year: "24" }, { problem: "invalid" }],
    [{ day: "x", month: "1", year: "2024" }, { problem: "invalid" }],
    ["2024-02-29", { date: "2024-02-29" }],
    ["2023-02-29", { problem: "invalid" }],
  ])("reads %j as %j", (value, expected) => {
    expect(readDate(value)).toEqual(expected);
  });

  it("refuses an event date that is not a real date, or in the future", () => {
    expect(errorsOf({ ...lesson, eventDate: { day: "31", month: "2", year: "2024" } })).toEqual({
      eventDate: ["errors.eventDate.invalid"],
    });
    expect(errorsOf({ ...lesson, eventDate: dayFromToday(2) })).toEqual({ eventDate: ["errors.eventDate.future"] });
    expect(errorsOf({ ...lesson, eventDate: dayFromToday(0) })).toEqual({});
    expect(translator("en")("errors.eventDate.invalid")).toBe("Event date must be a real date");
  });

  it("refuses a review date in the past, and keeps dates only for the kinds that have them", () => {
    expect(errorsOf({ ...lesson, eventDate: "2020-03-23", reviewBy: dayFromToday(-2) })).toEqual({
      reviewBy: ["errors.reviewBy.past"],
    });
    const parsed = PostInputSchema.parse({ ...base, eventDate: "2020-03-23", targetDate: "2027-03-31" });
    expect(parsed.eventDate).toBeNull();
    expect(parsed.targetDate).toBe("2027-03-31");
  });

  it("asks for the event date of a lesson or case study before it is published, not of a draft", () => {
    expect(publishingErrors({ ...lesson, eventDate: { day: "", month: "", year: "" } })).toEqual({
      eventDate: ["errors.eventDate.required"],
    });
    expect(publishingErrors({ ...lesson, status: "draft" })).toEqual({});
    expect(publishingErrors({ ...base })).toEqual({});
    expect(publishingErrors({ ...lesson, eventDate: "2020-03-23" })).toEqual({});
  });

  it("reads the three boxes from a form", () => {
    const form = new FormData();
    form.set("eventDate-day", "23");
    form.set("eventDate-month", "3");
    form.set("eventDate-year", "2020");
    expect(postFormToInput(form).fields.eventDate).toEqual({ day: "23", month: "3", year: "2020" });
    expect(postFormToInput(form).fields.reviewBy).toBeUndefined();
  });
});

describe("tags as written", () => {
  it("keeps the first spelling of each tag as its name", () => {
    const parsed = PostInputSchema.parse({ ...base, tags: "Microsoft 365, microsoft-365, MFA" });
    expect(parsed.tags).toEqual(["microsoft-365", "mfa"]);
    expect(parsed.tagNames).toEqual(["Microsoft 365", "MFA"]);
  });

  it("refuses a tag with markup or over 50 characters, naming it, rather than changing it", () => {
    const t = translator("en");
    const markup = errorsOf({ ...base, tags: "cloud, <b>bold</b>" });
    expect(markup.tags?.map((message) => translateLoose(t, message))).toEqual([
      "The tag “<b>bold</b>” must not contain < or >",
    ]);
    const long = errorsOf({ ...base, tags: `${"a".repeat(51)}` });
    expect(long.tags?.map((message) => translateLoose(t, message))).toEqual([
      `The tag “${"a".repeat(30)}…” must be 50 characters or fewer`,
    ]);
    expect(errorsOf({ ...base, tags: "a".repeat(50) })).toEqual({});
  });
});

describe("the error summary's order", () => {
  it("follows the fields on the page, whatever order the errors came in", () => {
    const errors = {
      tags: ["t"],
      "section.evidence": ["e"],
      eventDate: ["d"],
      title: ["x"],
      "section.drivingEvent": ["s"],
      summary: ["y"],
    };
    expect(Object.keys(inFieldOrder("lesson", errors))).toEqual([
      "title",
      "summary",
      "eventDate",
      "section.drivingEvent",
      "section.evidence",
      "tags",
    ]);
    expect(fieldOrder("lesson").indexOf("section.lesson")).toBeLessThan(fieldOrder("lesson").indexOf("body"));
  });
});
