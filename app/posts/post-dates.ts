/**
 * Dates typed in three boxes (day, month, year), as GOV.UK date inputs ask
 * for them, read into `YYYY-MM-DD`. Client-safe: the form and the server
 * both use it.
 */

/** A date as typed: each box's text, possibly empty or wrong. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** A date field's value: a `YYYY-MM-DD` string (from a file or the database) or the three boxes as typed. */
export type DateValue = string | DateParts;

export type DateProblem = "incomplete" | "invalid";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The three boxes of a stored date ("2024-03-07" becomes 7, 3, 2024), empty for none. */
export function datePartsOf(value: DateValue | null | undefined): DateParts {
  if (!value) return { day: "", month: "", year: "" };
  if (typeof value !== "string") return value;
  const match = ISO_DATE.exec(value);
  if (!match) return { day: "", month: "", year: value };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? "" };
}

/**
 * A typed date as `YYYY-MM-DD`, null when every box is empty, or the problem:
 * some boxes empty ("incomplete"), or not a day of the calendar ("invalid",
 * such as 31 February or a two-digit year).
 */
export function readDate(value: DateValue | null | undefined): { date: string | null } | { problem: DateProblem } {
  if (value === null || value === undefined) return { date: null };
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed === "") return { date: null };
    const match = ISO_DATE.exec(trimmed);
    if (!match) return { problem: "invalid" };
    return calendarDate(match[3] ?? "", match[2] ?? "", match[1] ?? "");
  }
  const day = value.day.trim();
  const month = value.month.trim();
  const year = value.year.trim();
  const given = [day, month, year].filter(Boolean).length;
  if (given === 0) return { date: null };
  if (given < 3) return { problem: "incomplete" };
  return calendarDate(day, month, year);
}

function calendarDate(day: string, month: string, year: string): { date: string } | { problem: DateProblem } {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { problem: "invalid" };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  // Date.UTC rolls 31 February over into March: a real date comes back with the same parts.
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return { problem: "invalid" };
  }
  return { date: `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

/** Today in the Hub's time zone (the UK), as `YYYY-MM-DD`. */
export function todayInUk(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(now);
}

/** A `YYYY-MM-DD` day as a timestamp at midnight UTC (how a review date is stored). */
export function dayToTime(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** A stored timestamp as its `YYYY-MM-DD` day. */
export function timeToDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/** The same day a year later (29 February becomes 28 February). */
export function oneYearAfter(time: Date): Date {
  const next = new Date(time);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  if (next.getUTCDate() !== time.getUTCDate()) next.setUTCDate(0);
  return next;
}
