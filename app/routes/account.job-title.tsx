import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { AccountNav } from "~/components/account-nav";
import { ErrorSummary } from "~/components/error-summary";
import { TextInput } from "~/components/form-fields";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { jobTitleOf, setJobTitle } from "~/partners/partner-people.server";
import { readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("jobTitle.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { jobTitle: jobTitleOf(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const result = runFormCommand(() => setJobTitle(user, user.id, form.get("jobTitle")));
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  return redirectWithNotice("/account/job-title", { key: "notices.jobTitle.saved" });
}

export default function JobTitle() {
  const { jobTitle } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-xl">{t("jobTitle.title")}</h1>
      <AccountNav />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Form method="post" noValidate key={jobTitle}>
            <TextInput
              name="jobTitle"
              label={t("jobTitle.label")}
              hint={t("jobTitle.hint")}
              defaultValue={jobTitle}
              autoComplete="organization-title"
              errors={errors.jobTitle}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("jobTitle.save")}
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
