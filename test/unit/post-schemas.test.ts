import { describe, expect, it } from "vitest";
import { KIND_SECTIONS, POST_KINDS } from "~/posts/post-kinds";
import { ChangeNoteSchema, fieldErrorsOf, PostInputSchema, postFormToInput } from "~/posts/post-schemas";
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
      "section.desiredOutcome": ["errors.section.required"],
      "section.targetTimeframe": ["errors.section.required"],
    });
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
