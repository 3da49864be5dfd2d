/**
 * A meeting as an iCalendar file (RFC 5545), for "Add to calendar": one
 * VEVENT whose UID stays the same for the meeting, so a calendar updates
 * the event it has (a later download with STATUS:CANCELLED cancels it).
 * Times are UTC; text is escaped and long lines folded as the RFC says.
 */
import type { MeetingRow } from "./meetings.server";

const HOUR_MS = 60 * 60 * 1000;

/** 20260701T090000Z */
function icsTime(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
export function escapeIcsText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets folded: CRLF and a space, never inside a UTF-8 character (RFC 5545 3.1). */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // The first line holds 75 octets; each continuation line's leading space counts towards its 75.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function meetingCalendar({
  meeting,
  boardName,
  pageUrl,
  host,
  now = new Date(),
}: {
  meeting: MeetingRow;
  boardName: string;
  /** The meeting's page, absolute. */
  pageUrl: string;
  /** The Hub's host name, which makes the UID unique across Hubs. */
  host: string;
  now?: Date;
}): string {
  const endsAt = meeting.endsAt ?? new Date(meeting.startsAt.getTime() + 2 * HOUR_MS);
  const location = [meeting.location, meeting.onlineUrl].filter(Boolean).join(", ");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//SRS Knowledge Hub//Board meetings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:meeting-${meeting.id}@${host}`,
    `DTSTAMP:${icsTime(now)}`,
    // Each change of the meeting is a new sequence number, so calendars take the latest.
    `SEQUENCE:${Math.floor(meeting.updatedAt.getTime() / 1000)}`,
    `DTSTART:${icsTime(meeting.startsAt)}`,
    `DTEND:${icsTime(endsAt)}`,
    `SUMMARY:${escapeIcsText(boardName)}`,
    ...(location ? [`LOCATION:${escapeIcsText(location)}`] : []),
    `URL:${pageUrl}`,
    `STATUS:${meeting.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(foldIcsLine).join("\r\n")}\r\n`;
}
