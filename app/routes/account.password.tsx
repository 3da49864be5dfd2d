import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { readSessionId } from "~/auth/lucia.server";
import { changeOwnPassword } from "~/auth/own-account.server";
import { requireUser } from "~/auth/session.server";
import { AccountNav } from "~/components/account-nav";
import { ErrorSummary } from "~/components/error-summary";
import { TextInput } from "~/components/form-fields";
import { NewPasswordFields } from "~/components/set-password-form";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { ValidationError } from "~/platform/errors";
import { readForm } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("password.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const sessionId = readSessionId(request.headers.get("Cookie")) ?? "";
  const form = await readForm(request);
  try {
    const { otherSessionsEnded } = await changeOwnPassword(
      user,
      sessionId,
      {
        currentPassword: text(form, "currentPassword"),
        password: text(form, "password"),
        confirmPassword: text(form, "confirmPassword"),
      },
      context.clientAddress,
    );
    return redirectWithNotice(
      "/account/password",
      otherSessionsEnded > 0
        ? { key: "notices.account.passwordChanged", params: { count: otherSessionsEnded } }
        : { key: "notices.account.passwordChangedAlone" },
    );
  } catch (error) {
    if (error instanceof ValidationError) return data({ errors: error.fieldErrors }, { status: 400 });
    throw error;
  }
}

export default function ChangePassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={errors} fieldOrder={["currentPassword", "password", "confirmPassword"]} />
      <h1 className="govuk-heading-xl">{t("password.title")}</h1>
      <AccountNav />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Form method="post" noValidate>
            <TextInput
              name="currentPassword"
              type="password"
              label={t("password.current")}
              autoComplete="current-password"
              width="20"
              errors={errors.currentPassword}
            />
            <NewPasswordFields errors={errors} />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("password.submit")}
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
