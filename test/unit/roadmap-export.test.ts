import { describe, expect, it } from "vitest";
import { neutraliseCell, roadmapCsvFileName } from "~/roadmap/roadmap-export.server";
import { parseRoadmapQuery, quarterAt, quarterIndex } from "~/roadmap/roadmap-query";

describe("CSV cells", () => {
  it.each(['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])(
    "neutralises %j, which a spreadsheet would read as a formula",
    (cell) => {
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
    },
  );

  it.each(["Microsoft 365 roll-out", "2026-Q3", "", " =not at the start", "'quoted"])("leaves %j as it is", (cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });

  it("names the file by the day it was made", () => {
    expect(roadmapCsvFileName(new Date("2026-05-01T10:00:00Z"))).toBe("srs-roadmap-2026-05-01.csv");
  });
});

describe("the roadmap's address", () => {
  it("keeps known values and ignores the rest, never failing", () => {
    const query = parseRoadmapQuery(
      new URLSearchParams(
        "view=gantt&status=planned&status=bogus&rag=at-risk&rag=purple&theme=cyber-security&theme=<script>&partner=torfaen",
      ),
    );
    expect(query).toEqual({
      view: "board",
      status: ["planned"],
      rag: ["at-risk"],
      theme: ["cyber-security"],
      partner: ["torfaen"],
    });
    expect(parseRoadmapQuery(new URLSearchParams("view=timeline")).view).toBe("timeline");
  });

  it("counts quarters", () => {
    expect(Number(quarterIndex("2026-Q4")) - Number(quarterIndex("2026-Q1"))).toBe(3);
    expect(quarterAt(Number(quarterIndex("2027-Q2")))).toBe("2027-Q2");
    expect(quarterIndex("2026-Q5")).toBeNull();
  });
});
