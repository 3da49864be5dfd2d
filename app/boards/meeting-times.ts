/**
 * Meeting times as people type them (a UK day and a 24-hour "10:00") and as
 * they are stored (a UTC instant). The Hub's boards meet in the UK, so the
 * clock on the wall is London's whatever the server's zone. Client-safe.
 */

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** "9:30", "09.30" or "21:05" as "HH:MM"; null when it is not a time of day. */
export function readClockTime(text: string): string | null {
  const match = TIME.exec(text.trim());
  if (!match) return null;
  return `${(match[1] ?? "").padStart(2, "0")}:${match[2]}`;
}

/** London's offset from UTC at an instant, in minutes (0 in winter, 60 in summer). */
function londonOffsetMinutes(at: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return Math.round((wall - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a London wall-clock time names: `day` is `YYYY-MM-DD`, `time`
 * "HH:MM". (In the hour the clocks skip or repeat, one of its readings:
 * boards do not meet at 1 a.m. on a Sunday.)
 */
export function ukLocalToUtc(day: string, time: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const asIfUtc = Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1, hour ?? 0, minute ?? 0);
  const first = asIfUtc - londonOffsetMinutes(asIfUtc) * 60_000;
  return new Date(asIfUtc - londonOffsetMinutes(first) * 60_000);
}

/** An instant as London's day (`YYYY-MM-DD`) and time ("HH:MM"), for a form. */
export function utcToUkLocal(at: Date): { day: string; time: string } {
  const wall = new Date(at.getTime() + londonOffsetMinutes(at.getTime()) * 60_000);
  return { day: wall.toISOString().slice(0, 10), time: wall.toISOString().slice(11, 16) };
}
