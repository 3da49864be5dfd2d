import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { createAction } from "~/actions/action-commands.server";
import { actionFormToFields } from "~/actions/action-schemas";
import { getMeetingForNewAction, listActionOwners, listActionPartners } from "~/actions/actions.server";
import { requireUser } from "~/auth/session.server";
import { ActionForm } from "~/components/action-form";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("actions.new.title"));

/** `?decision=<id>`: the action arises from that decision of the meeting's board. */
function decisionParam(request: Request): number | null {
  const value = new URL(request.url).searchParams.get("decision");
  if (!value) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : -1;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meeting = orRespond(() => getMeetingForNewAction(user, Number(params.id)));
  return {
    meeting: { id: meeting.id, boardName: meeting.boardName, startsAt: meeting.startsAt.getTime() },
    owners: listActionOwners(),
    partners: listActionPartners(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meetingId = Number(params.id);
  orRespond(() => getMeetingForNewAction(user, meetingId));
  const form = await readForm(request);
  const fields = actionFormToFields(form);
  const result = runFormCommand(() =>
    createAction({ actor: user, meetingId, decisionId: decisionParam(request), fields }),
  );
  if (!result.ok) return data({ errors: result.errors, values: fields }, { status: 400 });
  return redirectWithNotice(`/actions/${result.value.id}`, { key: "notices.actions.created" });
}

export default function NewAction() {
  const { meeting, owners, partners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const values = actionData?.values;
  return (
    <ActionForm
      heading={t("actions.new.title")}
      caption={t("actions.new.caption", { board: meeting.boardName, date: date(meeting.startsAt) })}
      values={{
        ...values,
        dueDate: values?.dueDate && typeof values.dueDate !== "string" ? values.dueDate : undefined,
      }}
      errors={actionData?.errors ?? {}}
      owners={owners}
      partners={partners}
      submitLabel={t("actions.new.submit")}
      cancelTo={`/meetings/${meeting.id}`}
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
