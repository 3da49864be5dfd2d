import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { ErrorSummary } from "~/components/error-summary";
import { Radios, Textarea, TextInput } from "~/components/form-fields";
import { changeDecisionStatus, decisionForManaging } from "~/decisions/decision-commands.server";
import {
  DECISION_STATUS_FIELD_ORDER,
  decisionStatusFormToFields,
  echoDecisionStatusForm,
} from "~/decisions/decision-schemas";
import type { MessageKey } from "~/i18n/en";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { DECISION_STATUSES } from "../../db/enums";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => (args.data ? t("decisions.statusForm.title", { reference: args.data.reference }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const decision = orRespond(() => decisionForManaging(user, params.reference ?? ""));
  return { reference: decision.reference, status: decision.status, withdrawnReason: decision.withdrawnReason ?? "" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const reference = params.reference ?? "";
  orRespond(() => decisionForManaging(user, reference));
  const form = await readForm(request);
  const result = runFormCommand(() =>
    changeDecisionStatus({ actor: user, reference, fields: decisionStatusFormToFields(form) }),
  );
  if (!result.ok) return data({ errors: result.errors, values: echoDecisionStatusForm(form) }, { status: 400 });
  const saved = result.value.reference;
  return redirectWithNotice(`/decisions/${saved}`, {
    key: "notices.decisions.statusChanged",
    params: { reference: saved },
  });
}

export default function DecisionStatusPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const values = actionData?.values ?? { status: loaded.status, supersededBy: "", withdrawnReason: "" };
  const errors = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} fieldOrder={DECISION_STATUS_FIELD_ORDER} />
        <h1 className="govuk-heading-l">{t("decisions.statusForm.title", { reference: loaded.reference })}</h1>
        <Form method="post" noValidate>
          <Radios
            name="status"
            legend={t("decisions.statusForm.status")}
            defaultValue={values.status}
            errors={errors.status}
            options={DECISION_STATUSES.map((status) => ({
              value: status,
              label: t(`decisions.status.${status}` as MessageKey),
            }))}
          />
          <TextInput
            name="supersededBy"
            label={t("decisions.statusForm.supersededBy")}
            hint={t("decisions.statusForm.supersededByHint")}
            defaultValue={values.supersededBy}
            errors={errors.supersededBy}
            width="20"
          />
          <Textarea
            name="withdrawnReason"
            label={t("decisions.statusForm.withdrawnReason")}
            hint={t("decisions.statusForm.withdrawnReasonHint")}
            defaultValue={values.withdrawnReason}
            errors={errors.withdrawnReason}
            rows={3}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
              {t("decisions.statusForm.submit")}
            </button>
            <Link className="govuk-link" to={`/decisions/${loaded.reference}`}>
              {t("decisions.form.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
