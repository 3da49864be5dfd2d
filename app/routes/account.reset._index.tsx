import { type ActionFunctionArgs, data, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { requestPasswordReset } from "~/auth/link-delivery.server";
import { EmailSchema } from "~/auth/users.server";
import { ErrorSummary } from "~/components/error-summary";
import { TextInput } from "~/components/form-fields";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { readForm } from "~/platform/http.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("reset.title"));

const ResetForm = z.object({ email: EmailSchema });

export async function action({ request }: ActionFunctionArgs) {
  const form = ResetForm.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) {
    return data({ errors: z.flattenError(form.error).fieldErrors, sentTo: null }, { status: 400 });
  }
  // The same answer whether or not the address has an account.
  requestPasswordReset(form.data.email);
  return { errors: {}, sentTo: form.data.email };
}

export default function RequestReset() {
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  if (actionData?.sentTo) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("reset.sentTitle")}</h1>
          <p className="govuk-body">{t("reset.sent", { email: actionData.sentTo })}</p>
          <p className="govuk-body">{t("reset.noEmail")}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/login">
              {t("reset.back")}
            </Link>
          </p>
        </div>
      </div>
    );
  }
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("reset.title")}</h1>
        <p className="govuk-body">{t("reset.lead")}</p>
        <Form method="post" noValidate>
          <TextInput name="email" type="email" label={t("reset.email")} autoComplete="username" errors={errors.email} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("reset.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
