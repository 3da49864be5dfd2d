import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { editMeeting } from "~/boards/meeting-commands.server";
import { echoMeetingForm, meetingFormToFields } from "~/boards/meeting-schemas";
import { getMeetingFor, meetingFormValues, statusChoices } from "~/boards/meetings.server";
import { MeetingForm } from "~/components/board-forms";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("meetings.form.editTitle"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, board } = orRespond(() => getMeetingFor(user, "manage", params.id));
  return {
    id: meeting.id,
    board: { name: board.name },
    values: meetingFormValues(meeting),
    statuses: statusChoices(meeting.status),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = orRespond(() => getMeetingFor(user, "manage", params.id));
  const form = await readForm(request);
  const status = form.get("status");
  const result = runFormCommand(() =>
    editMeeting({
      actor: user,
      meetingId: meeting.id,
      fields: meetingFormToFields(form),
      status: typeof status === "string" ? status : undefined,
    }),
  );
  if (!result.ok) return data({ errors: result.errors, values: echoMeetingForm(form) }, { status: 400 });
  return redirectWithNotice(`/meetings/${meeting.id}`, { key: "notices.meetings.saved" });
}

export default function EditMeeting() {
  const { id, board, values, statuses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <MeetingForm
      heading={t("meetings.form.editTitle")}
      caption={board.name}
      values={actionData?.values ?? values}
      errors={actionData?.errors ?? {}}
      statuses={statuses}
      cancelTo={`/meetings/${id}`}
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
