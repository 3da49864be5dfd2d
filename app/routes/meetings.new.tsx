import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { SessionUser } from "~/auth/principals";
import { requireUser } from "~/auth/session.server";
import { managesBoard } from "~/boards/board-access.server";
import { findBoardBySlug } from "~/boards/boards.server";
import { scheduleMeeting } from "~/boards/meeting-commands.server";
import { echoMeetingForm, meetingFormToFields } from "~/boards/meeting-schemas";
import { MeetingForm } from "~/components/board-forms";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { ForbiddenError, NotFoundError } from "~/platform/errors";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("meetings.form.newTitle"));

/** The board named by `?board=`, which this person schedules meetings of. */
function boardToSchedule(user: SessionUser, request: Request) {
  const slug = new URL(request.url).searchParams.get("board") ?? "";
  return orRespond(() => {
    const board = findBoardBySlug(slug);
    if (!board) throw new NotFoundError("No such board");
    if (!managesBoard(user, board.id)) throw new ForbiddenError("You may not schedule meetings of this board");
    return board;
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const board = boardToSchedule(await requireUser(request), request);
  return { board: { slug: board.slug, name: board.name } };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const board = boardToSchedule(user, request);
  const form = await readForm(request);
  const result = runFormCommand(() =>
    scheduleMeeting({ actor: user, boardSlug: board.slug, fields: meetingFormToFields(form) }),
  );
  if (!result.ok) return data({ errors: result.errors, values: echoMeetingForm(form) }, { status: 400 });
  return redirectWithNotice(`/meetings/${result.value.id}`, { key: "notices.meetings.scheduled" });
}

export default function NewMeeting() {
  const { board } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <MeetingForm
      heading={t("meetings.form.newTitle")}
      caption={board.name}
      values={actionData?.values ?? {}}
      errors={actionData?.errors ?? {}}
      statuses={[]}
      cancelTo={`/boards/${board.slug}`}
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
