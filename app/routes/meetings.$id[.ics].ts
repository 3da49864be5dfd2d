import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { meetingCalendar } from "~/boards/meeting-calendar.server";
import { getMeetingFor } from "~/boards/meetings.server";
import { linkOrigin } from "~/platform/env.server";
import { orRespond } from "~/platform/http.server";

/** /meetings/<id>.ics: the meeting for a calendar (RFC 5545). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, board } = orRespond(() => getMeetingFor(user, "read", params.id));
  const origin = linkOrigin(request.url);
  const body = meetingCalendar({
    meeting,
    boardName: board.name,
    pageUrl: `${origin}/meetings/${meeting.id}`,
    host: new URL(origin).hostname,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="meeting-${meeting.id}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
