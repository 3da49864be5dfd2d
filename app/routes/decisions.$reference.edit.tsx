import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { DecisionForm } from "~/components/decision-form";
import { decisionForManaging, editDecision } from "~/decisions/decision-commands.server";
import { decisionFormToFields, echoDecisionForm } from "~/decisions/decision-schemas";
import { decisionFormData, decisionFormValues } from "~/decisions/decisions.server";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => (args.data ? t("decisions.form.editTitle", { reference: args.data.reference }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const decision = orRespond(() => decisionForManaging(user, params.reference ?? ""));
  return {
    reference: decision.reference,
    values: decisionFormValues(decision),
    ...decisionFormData(decision.meetingId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const reference = params.reference ?? "";
  // Who may edit is settled before the form is read: anyone else gets 403 (or 404) whatever they sent.
  orRespond(() => decisionForManaging(user, reference));
  const form = await readForm(request);
  const result = runFormCommand(() => editDecision({ actor: user, reference, fields: decisionFormToFields(form) }));
  if (!result.ok) return data({ errors: result.errors, values: echoDecisionForm(form) }, { status: 400 });
  const saved = result.value.reference;
  return redirectWithNotice(`/decisions/${saved}`, { key: "notices.decisions.saved", params: { reference: saved } });
}

export default function EditDecisionPage() {
  const { reference, values, meeting, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  return (
    <DecisionForm
      heading={t("decisions.form.editTitle", { reference })}
      caption={t("decisions.form.meeting", { board: meeting.boardName, date: date(meeting.startsAt) })}
      values={actionData?.values ?? values}
      errors={actionData?.errors ?? {}}
      choices={choices}
      editing
      cancelTo={`/decisions/${reference}`}
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
