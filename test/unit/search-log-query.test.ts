import { describe, expect, it } from "vitest";
import { analyseWeek, recentWeeks, weekOf } from "~/search-analytics/search-analytics.server";
import { LOGGED_QUERY_MAX_CHARS, queryForLog } from "~/search-analytics/search-log-query";

describe("what the search log keeps of a query", () => {
  it("lower-cases, collapses spaces and trims punctuation at either end", () => {
    expect(queryForLog("  Disaster   Recovery\t Testing?  ")).toBe("disaster recovery testing");
    expect(queryForLog('"BWV"')).toBe("bwv");
    expect(queryForLog("...teams, phones!!")).toBe("teams, phones");
    expect(queryForLog("(m365)")).toBe("m365");
  });

  it("keeps Welsh letters and their accents", () => {
    expect(queryForLog("Gwersi a Ddysgwyd")).toBe("gwersi a ddysgwyd");
    expect(queryForLog("Adfer ar ôl trychineb")).toBe("adfer ar ôl trychineb");
    expect(queryForLog("DŴR CYMRU")).toBe("dŵr cymru");
    // Decomposed accents (typed on some keyboards) are kept as one letter each.
    expect(queryForLog("Ŷ\u0302".normalize("NFD").slice(0, 2))).toBe("ŷ");
  });

  it("keeps nothing of a query of spaces or punctuation only", () => {
    expect(queryForLog("")).toBeNull();
    expect(queryForLog("   ")).toBeNull();
    expect(queryForLog("?!... --- ''")).toBeNull();
    expect(queryForLog("“”")).toBeNull();
  });

  it("replaces email addresses, whatever their case or surroundings", () => {
    expect(queryForLog("Jane.Doe@Newport.gov.uk")).toBe("[email]");
    expect(queryForLog("laptop for jane.doe+it@torfaen.gov.uk please")).toBe("laptop for [email] please");
    expect(queryForLog("<bob@srs>")).toBe("[email]");
    expect(queryForLog("a@b.c and c@d.e")).toBe("[email] and [email]");
    // An @ with nothing on one side names nobody.
    expect(queryForLog("teams @ 2pm")).toBe("teams @ 2pm");
  });

  it("replaces phone numbers, with spaces, dashes or brackets inside", () => {
    expect(queryForLog("call 01633 644644")).toBe("call [number]");
    expect(queryForLog("+44 (0)1633-644-644 voicemail")).toBe("[number] voicemail");
    expect(queryForLog("07700 900 123")).toBe("[number]");
    expect(queryForLog("ext 0800–123–456")).toBe("ext [number]");
  });

  it("replaces account, asset and warrant numbers of six digits or more", () => {
    expect(queryForLog("warrant 123456")).toBe("warrant [number]");
    expect(queryForLog("account 12345678901234 locked")).toBe("account [number] locked");
    expect(queryForLog("asset 12-34-56")).toBe("asset [number]");
    expect(queryForLog("ticket INC0012345")).toBe("ticket inc[number]");
  });

  it("keeps numbers shorter than six digits", () => {
    expect(queryForLog("windows 11")).toBe("windows 11");
    expect(queryForLog("Microsoft 365 E5")).toBe("microsoft 365 e5");
    expect(queryForLog("room 12345")).toBe("room 12345");
    expect(queryForLog("2026-Q3 roadmap")).toBe("2026-q3 roadmap");
  });

  it("keeps at most 200 characters, redacting before it cuts", () => {
    const long = `${"cyber ".repeat(60)}end`;
    const kept = queryForLog(long) ?? "";
    expect(Array.from(kept).length).toBeLessThanOrEqual(LOGGED_QUERY_MAX_CHARS);
    expect(kept.startsWith("cyber cyber")).toBe(true);
    // A long number straddling the cut leaves none of its digits behind.
    const straddling = `${"a".repeat(LOGGED_QUERY_MAX_CHARS - 3)} 1234567890`;
    expect(queryForLog(straddling)).not.toMatch(/\d/);
    // Counted in characters, not UTF-16 units: 200 Welsh ŵ stay 200.
    expect(Array.from(queryForLog("ŵ".repeat(300)) ?? "").length).toBe(LOGGED_QUERY_MAX_CHARS);
  });
});

describe("search weeks", () => {
  it("run Monday to Monday on London's clock", () => {
    // Wednesday 15 July 2026, summer time: the week began at midnight London time on Monday 13 July (23:00 UTC).
    const week = weekOf(new Date("2026-07-15T12:00:00Z"));
    expect(week.id).toBe("2026-07-13");
    expect(week.start.toISOString()).toBe("2026-07-12T23:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-07-19T23:00:00.000Z");
    // Sunday night 23:30 UTC in summer is already Monday in London.
    expect(weekOf(new Date("2026-07-19T23:30:00Z")).id).toBe("2026-07-20");
    expect(weekOf(new Date("2026-01-11T23:30:00Z")).id).toBe("2026-01-05");
  });

  it("are offered newest first, one after another", () => {
    const weeks = recentWeeks(new Date("2026-03-31T10:00:00Z"), 6);
    expect(weeks.map((week) => week.id)).toEqual([
      "2026-03-30",
      "2026-03-23",
      "2026-03-16",
      "2026-03-09",
      "2026-03-02",
      "2026-02-23",
    ]);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]?.end.getTime()).toBe(weeks[i - 1]?.start.getTime());
  });

  it("sort queries into top, found nothing and nobody opened", () => {
    const week = analyseWeek([
      { query: "teams", searches: 5, zeroResults: 0, withResults: 5, opened: 2 },
      { query: "bwv", searches: 3, zeroResults: 3, withResults: 0, opened: 0 },
      { query: "siem", searches: 2, zeroResults: 1, withResults: 1, opened: 0 },
      { query: "soc", searches: 1, zeroResults: 0, withResults: 1, opened: 0 },
    ]);
    expect(week).toMatchObject({ searches: 11, distinctQueries: 4, zeroResultSearches: 4, openedSearches: 2 });
    expect(week.top.map((row) => row.query)).toEqual(["teams", "bwv", "siem", "soc"]);
    expect(week.zeroResults.map((row) => row.query)).toEqual(["bwv", "siem"]);
    expect(week.notOpened.map((row) => row.query)).toEqual(["siem", "soc"]);
  });
});
