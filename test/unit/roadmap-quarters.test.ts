import { describe, expect, it } from "vitest";
import { translateLoose, translator } from "~/i18n/translate";
import {
  addQuarters,
  compareQuarters,
  normaliseQuarter,
  parseQuarter,
  quarterLabel,
  quarterOf,
  quartersBetween,
} from "~/roadmap/quarters";

describe("quarters", () => {
  it("reads YYYY-Qn from 2000 to 2100, Q1 to Q4", () => {
    expect(parseQuarter("2026-Q3")).toEqual({ year: 2026, quarter: 3 });
    expect(parseQuarter(" 2026-q1 ")).toEqual({ year: 2026, quarter: 1 });
    expect(parseQuarter("2000-Q1")).toEqual({ year: 2000, quarter: 1 });
    expect(parseQuarter("2100-Q4")).toEqual({ year: 2100, quarter: 4 });
    for (const bad of ["2026-Q5", "2026-Q0", "1999-Q4", "2101-Q1", "2026Q3", "26-Q3", "2026-Q3x", "", "Q3-2026"]) {
      expect(parseQuarter(bad), bad).toBeNull();
    }
    expect(normaliseQuarter("2026-q2")).toBe("2026-Q2");
  });

  it("compares across years and lists a range, both ends included", () => {
    expect(compareQuarters("2026-Q4", "2027-Q1")).toBeLessThan(0);
    expect(compareQuarters("2027-Q1", "2026-Q4")).toBeGreaterThan(0);
    expect(compareQuarters("2026-Q2", "2026-Q2")).toBe(0);
    expect(quartersBetween("2026-Q3", "2027-Q2")).toEqual(["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"]);
    expect(quartersBetween("2027-Q1", "2026-Q4")).toEqual([]);
    expect(addQuarters("2026-Q4", 1)).toBe("2027-Q1");
    expect(addQuarters("2026-Q1", -1)).toBe("2025-Q4");
    expect(() => compareQuarters("2026-Q5", "2026-Q1")).toThrow();
  });

  it("names a quarter in words or as a column does", () => {
    const t = translator("en");
    expect(quarterLabel("2026-Q3", t, "en")).toBe("July to September 2026");
    expect(quarterLabel("2027-Q1", t, "en")).toBe("January to March 2027");
    expect(quarterLabel("2026-Q3", t, "en", "short")).toBe("2026 Q3");
    // Years are never written with a thousands separator.
    expect(translateLoose(t, "roadmap.errors.startQuarter.invalid")).toContain("from 2000 to 2100");
  });

  it("knows the quarter a day falls in, in UK time", () => {
    expect(quarterOf(new Date("2026-09-30T22:59:00Z"))).toBe("2026-Q3");
    // 23:30 UTC on 31 March 2026 is already 1 April in the UK (British Summer Time).
    expect(quarterOf(new Date("2026-03-31T23:30:00Z"))).toBe("2026-Q2");
  });
});
