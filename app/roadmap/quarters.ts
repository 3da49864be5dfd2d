/**
 * Quarters of the calendar year, written `2026-Q3`: when a roadmap item
 * starts and when it is meant to land. Client-safe: the form, the pages and
 * the commands all read them the same way.
 */
import { type Locale, localeTag, type Translate } from "../i18n/translate";
import { ROADMAP_LIMITS } from "./roadmap-limits";

export const FIRST_QUARTER_YEAR = ROADMAP_LIMITS.firstYear;
export const LAST_QUARTER_YEAR = ROADMAP_LIMITS.lastYear;

const QUARTER = /^(\d{4})-Q([1-4])$/;

export interface Quarter {
  year: number;
  /** 1 to 4. */
  quarter: number;
}

/** A quarter as written (`2026-Q3`, any case, spaces trimmed), or null when it is not one the roadmap accepts. */
export function parseQuarter(text: string | null | undefined): Quarter | null {
  const match = QUARTER.exec((text ?? "").trim().toUpperCase());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < FIRST_QUARTER_YEAR || year > LAST_QUARTER_YEAR) return null;
  return { year, quarter: Number(match[2]) };
}

export function formatQuarter({ year, quarter }: Quarter): string {
  return `${year}-Q${quarter}`;
}

/** The quarter as written, normalised (`2026-q3` becomes `2026-Q3`), or null. */
export function normaliseQuarter(text: string | null | undefined): string | null {
  const parsed = parseQuarter(text);
  return parsed ? formatQuarter(parsed) : null;
}

const ordinal = ({ year, quarter }: Quarter) => year * 4 + (quarter - 1);
const fromOrdinal = (value: number): Quarter => ({ year: Math.floor(value / 4), quarter: (value % 4) + 1 });

/** Negative when `a` comes before `b`, zero when they are the same quarter. Throws on a quarter that is not one. */
export function compareQuarters(a: string, b: string): number {
  return ordinal(mustParse(a)) - ordinal(mustParse(b));
}

function mustParse(text: string): Quarter {
  const parsed = parseQuarter(text);
  if (!parsed) throw new Error(`Not a quarter: ${JSON.stringify(text)}`);
  return parsed;
}

/** Every quarter from `from` to `to`, both included; empty when `to` comes first. */
export function quartersBetween(from: string, to: string): string[] {
  const start = ordinal(mustParse(from));
  const end = ordinal(mustParse(to));
  const list: string[] = [];
  for (let value = start; value <= end; value++) list.push(formatQuarter(fromOrdinal(value)));
  return list;
}

/** The quarter a moment falls in, in the UK (the Hub's time zone). */
export function quarterOf(when: Date = new Date()): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
  })
    .format(when)
    .split("-")
    .map(Number);
  return formatQuarter({ year: year ?? FIRST_QUARTER_YEAR, quarter: Math.floor(((month ?? 1) - 1) / 3) + 1 });
}

/** The quarter `count` quarters after (or before, when negative) this one. */
export function addQuarters(quarter: string, count: number): string {
  return formatQuarter(fromOrdinal(ordinal(mustParse(quarter)) + count));
}

/**
 * The quarter in words: "July to September 2026" (`long`), or as the
 * roadmap's columns name it, "2026 Q3" (`short`). Month names come from the
 * reader's locale.
 */
export function quarterLabel(quarter: string, t: Translate, locale: Locale, style: "long" | "short" = "long"): string {
  const parsed = parseQuarter(quarter);
  if (!parsed) return quarter;
  if (style === "short")
    return t("roadmap.quarter.short", { year: String(parsed.year), quarter: String(parsed.quarter) });
  const month = new Intl.DateTimeFormat(localeTag(locale), { month: "long", timeZone: "UTC" });
  const first = month.format(Date.UTC(parsed.year, (parsed.quarter - 1) * 3, 1));
  const last = month.format(Date.UTC(parsed.year, (parsed.quarter - 1) * 3 + 2, 1));
  return t("roadmap.quarter.long", { from: first, to: last, year: String(parsed.year) });
}
