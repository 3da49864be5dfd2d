import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { readSessionId } from "~/auth/lucia.server";
import { changeOwnPassword } from "~/auth/own-account.server";
import { requireUser } from "~/auth/session.server";
import { AccountNav } from "~/components/account-nav";
import { ErrorSummary } from "~/components/error-summary";
import { TextInput } from "~/components/form-fields";
import { SuccessBanner } from "~/components/notification-banner";
import { NewPasswordFields } from "~/components/set-password-form";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { ValidationError } from "~/platform/errors";
import { readForm } from "~/platform/http.server";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("password.title"));

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
    return redirect(`/account/password?changed=${otherSessionsEnded}`);
  } catch (error) {
    if (error instanceof ValidationError) return data({ errors: error.fieldErrors }, { status: 400 });
    throw error;
  }
}

export default function ChangePassword() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const changed = searchParams.get("changed");
  return (
    <>
      {changed !== null && /^\d+$/.test(changed) && !actionData ? (
        <SuccessBanner title={t("password.successTitle")} heading={t("password.changed", { count: Number(changed) })} />
      ) : null}
      <ErrorSummary errors={errors} />
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
