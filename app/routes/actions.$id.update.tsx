import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { updateActionStatus } from "~/actions/action-commands.server";
import { actionPage } from "~/actions/action-page.server";
import { ACTION_UPDATE_FIELD_ORDER, actionUpdateFormToFields } from "~/actions/action-schemas";
import { getActionFor } from "~/actions/actions.server";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DateInput, dateInputFirstId } from "~/components/date-input";
import { ErrorSummary } from "~/components/error-summary";
import { Radios, Textarea } from "~/components/form-fields";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { todayInUk } from "~/posts/post-dates";
import { ACTION_STATUSES } from "../../db/enums";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => (args.data ? t("actions.update.title", { id: args.data.action.id }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = Number(params.id);
  orRespond(() => getActionFor(user, "update", id));
  const { action } = actionPage(user, id);
  return { action: { id: action.id, description: action.description, status: action.status }, today: todayInUk() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const actionId = Number(params.id);
  orRespond(() => getActionFor(user, "update", actionId));
  const fields = actionUpdateFormToFields(await readForm(request));
  const result = runFormCommand(() => updateActionStatus({ actor: user, actionId, fields }));
  if (!result.ok) return data({ errors: result.errors, values: fields }, { status: 400 });
  return redirectWithNotice(`/actions/${actionId}`, { key: "notices.actions.updated" });
}

export default function UpdateAction() {
  const { action: stored, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const values = actionData?.values;
  const [year, month, day] = today.split("-");
  const noteDate =
    values?.noteDate && typeof values.noteDate !== "string"
      ? values.noteDate
      : { day: String(Number(day)), month: String(Number(month)), year: year ?? "" };
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: "/actions", label: t("actions.list.title") },
          { to: `/actions/${stored.id}`, label: t("actions.page.title", { id: stored.id }) },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary
            errors={errors as Record<string, string[]>}
            fieldOrder={ACTION_UPDATE_FIELD_ORDER}
            fieldIds={{ noteDate: dateInputFirstId("noteDate") }}
          />
          <h1 className="govuk-heading-l">{t("actions.update.title", { id: stored.id })}</h1>
          <p className="govuk-inset-text app-break-words app-pre-line">{stored.description}</p>
          <Form method="post" noValidate>
            <Radios
              name="status"
              legend={t("actions.update.status")}
              defaultValue={values?.status ?? stored.status}
              options={ACTION_STATUSES.map((status) => ({
                value: status,
                label: t(`actions.status.${status}`),
                hint: t(`actions.update.statusHint.${status}`),
              }))}
              errors={errors.status}
            />
            <DateInput
              name="noteDate"
              legend={t("actions.update.noteDate")}
              hint={t("actions.update.noteDateHint")}
              value={noteDate}
              errors={errors.noteDate}
            />
            <Textarea
              name="note"
              label={t("actions.update.note")}
              hint={t("actions.update.noteHint")}
              rows={5}
              defaultValue={values?.note}
              errors={errors.note}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("actions.update.submit")}
              </button>
              <Link className="govuk-link" to={`/actions/${stored.id}`}>
                {t("form.cancel")}
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
