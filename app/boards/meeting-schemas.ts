/**
 * Meetings, agenda items, attendance and minutes as their forms send them:
 * zod schemas, limits and field orders. Client-safe. The day is three GOV.UK
 * date boxes and the times "10:00", both London's wall clock.
 */
import { z } from "zod";
import { MEETING_STATUSES } from "../../db/enums";
import { normaliseNewlines, oneLine } from "../platform/text";
import { type DateParts, type DateValue, readDate } from "../posts/post-dates";
import { readClockTime } from "./meeting-times";

export const MEETING_LIMITS = {
  location: 200,
  onlineUrl: 500,
  agendaTitle: 200,
  agendaDescriptionBytes: 10_000,
  minutesBytes: 200_000,
  agendaItems: 40,
} as const;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

const DatePartsSchema = z.object({
  day: z.string().default(""),
  month: z.string().default(""),
  year: z.string().default(""),
});

/** Only a secure address: the link is shown to every member of staff and put in calendars. */
function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const MeetingInputSchema = z
  .object({
    day: z
      .union([z.string(), DatePartsSchema])
      .optional()
      .transform((value, ctx): string => {
        const read = readDate(value);
        if ("problem" in read) {
          ctx.addIssue({ code: "custom", message: `meetings.errors.day.${read.problem}` });
          return z.NEVER;
        }
        if (!read.date) {
          ctx.addIssue({ code: "custom", message: "meetings.errors.day.required" });
          return z.NEVER;
        }
        return read.date;
      }),
    startTime: z
      .string({ error: "meetings.errors.startTime.required" })
      .trim()
      .min(1, "meetings.errors.startTime.required")
      .transform((text, ctx) => {
        const time = readClockTime(text);
        if (!time) {
          ctx.addIssue({ code: "custom", message: "meetings.errors.startTime.invalid" });
          return z.NEVER;
        }
        return time;
      }),
    endTime: z
      .string()
      .default("")
      .transform((text, ctx): string | null => {
        if (text.trim() === "") return null;
        const time = readClockTime(text);
        if (!time) {
          ctx.addIssue({ code: "custom", message: "meetings.errors.endTime.invalid" });
          return z.NEVER;
        }
        return time;
      }),
    location: z
      .string()
      .default("")
      .transform(oneLine)
      .pipe(z.string().trim().max(MEETING_LIMITS.location, "meetings.errors.location.tooLong")),
    onlineUrl: z
      .string()
      .default("")
      .transform((text) => text.trim())
      .refine((text) => text.length <= MEETING_LIMITS.onlineUrl, "meetings.errors.onlineUrl.tooLong")
      .refine((text) => text === "" || isHttpsUrl(text), "meetings.errors.onlineUrl.notHttps")
      .transform((text) => text || null),
  })
  .superRefine((meeting, ctx) => {
    if (meeting.location === "" && meeting.onlineUrl === null) {
      ctx.addIssue({ code: "custom", path: ["location"], message: "meetings.errors.location.required" });
    }
    if (meeting.endTime && meeting.startTime && meeting.endTime <= meeting.startTime) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "meetings.errors.endTime.beforeStart" });
    }
  });
export type MeetingInput = z.output<typeof MeetingInputSchema>;

export interface MeetingFields {
  day?: DateValue;
  startTime?: string;
  endTime?: string;
  location?: string;
  onlineUrl?: string;
}

export const MEETING_FIELD_ORDER = ["day", "startTime", "endTime", "location", "onlineUrl", "status"] as const;

export const MeetingStatusSchema = z.enum(MEETING_STATUSES, { error: "meetings.errors.status.required" });

export const AgendaItemInputSchema = z.object({
  title: z
    .string({ error: "meetings.errors.agendaTitle.required" })
    .transform(oneLine)
    .pipe(
      z
        .string()
        .trim()
        .min(1, "meetings.errors.agendaTitle.required")
        .max(MEETING_LIMITS.agendaTitle, "meetings.errors.agendaTitle.tooLong"),
    ),
  description: z
    .string()
    .default("")
    .transform(normaliseNewlines)
    .refine(
      (text) => utf8Length(text) <= MEETING_LIMITS.agendaDescriptionBytes,
      "meetings.errors.agendaDescription.tooLong",
    ),
  confidential: z.boolean().default(false),
});
export type AgendaItemInput = z.output<typeof AgendaItemInputSchema>;

export const AGENDA_FIELD_ORDER = ["title", "description", "confidential"] as const;

export const MinutesInputSchema = z.object({
  minutes: z
    .string({ error: "meetings.errors.minutes.required" })
    .transform(normaliseNewlines)
    .refine((text) => text.trim().length > 0, "meetings.errors.minutes.required")
    .refine((text) => utf8Length(text) <= MEETING_LIMITS.minutesBytes, "meetings.errors.minutes.tooLong"),
});

function textOf(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

function dateOf(form: FormData, name: string): DateParts | undefined {
  const day = textOf(form, `${name}-day`);
  const month = textOf(form, `${name}-month`);
  const year = textOf(form, `${name}-year`);
  if (day === undefined && month === undefined && year === undefined) return undefined;
  return { day: day ?? "", month: month ?? "", year: year ?? "" };
}

export function meetingFormToFields(form: FormData): MeetingFields {
  return {
    day: dateOf(form, "day"),
    startTime: textOf(form, "startTime"),
    endTime: textOf(form, "endTime"),
    location: textOf(form, "location"),
    onlineUrl: textOf(form, "onlineUrl"),
  };
}

/** What was typed into the meeting form, to show it again with its errors. */
export function echoMeetingForm(form: FormData) {
  return { ...meetingFormToFields(form), status: textOf(form, "status") };
}
