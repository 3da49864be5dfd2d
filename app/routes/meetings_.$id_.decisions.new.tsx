import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { DecisionForm } from "~/components/decision-form";
import { meetingForRecording, recordDecision } from "~/decisions/decision-commands.server";
import { decisionFormToFields, echoDecisionForm } from "~/decisions/decision-schemas";
import { decisionFormData } from "~/decisions/decisions.server";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { notFound, orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction<typeof loader> = (args) => formTitle(args, (t) => t("decisions.form.recordTitle"));

function meetingIdOf(raw: string | undefined): number {
  if (!/^\d{1,9}$/.test(raw ?? "")) notFound("No such meeting");
  return Number(raw);
}

/** Recording a decision of a meeting: for its board's secretary and administrators. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meetingId = meetingIdOf(params.id);
  orRespond(() => meetingForRecording(user, meetingId));
  return { meetingId, ...decisionFormData(meetingId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meetingId = meetingIdOf(params.id);
  // Who may record is settled before the form is read: anyone else gets 403 whatever they sent.
  orRespond(() => meetingForRecording(user, meetingId));
  const form = await readForm(request);
  const result = runFormCommand(() => recordDecision({ actor: user, meetingId, fields: decisionFormToFields(form) }));
  if (!result.ok) return data({ errors: result.errors, values: echoDecisionForm(form) }, { status: 400 });
  const reference = result.value.reference;
  return redirectWithNotice(`/decisions/${reference}`, { key: "notices.decisions.recorded", params: { reference } });
}

const EMPTY = echoDecisionForm(new FormData());

export default function RecordDecisionPage() {
  const { meetingId, meeting, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  return (
    <DecisionForm
      heading={t("decisions.form.recordTitle")}
      caption={t("decisions.form.meeting", { board: meeting.boardName, date: date(meeting.startsAt) })}
      values={actionData?.values ?? { ...EMPTY, decisionMaker: "The Board" }}
      errors={actionData?.errors ?? {}}
      choices={choices}
      cancelTo={`/meetings/${meetingId}`}
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
