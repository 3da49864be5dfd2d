import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadLinkPage, submitLinkPage } from "~/auth/link-pages.server";
import { SetPasswordForm, UnusableLink } from "~/components/set-password-form";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => (args.data?.state === "ready" ? t("setPassword.resetTitle") : t("setPassword.unusableTitle")));

export function loader({ params }: LoaderFunctionArgs) {
  return loadLinkPage(params.token ?? "", "password-reset");
}

export function action({ request, params }: ActionFunctionArgs) {
  return submitLinkPage(request, params.token ?? "", "password-reset");
}

export default function ResetPassword() {
  const loaded = useLoaderData<typeof loader>();
  const page = useActionData<typeof action>() ?? loaded;
  const { t } = useI18n();
  if (page.state !== "ready") return <UnusableLink purpose="password-reset" />;
  return (
    <SetPasswordForm
      title={t("setPassword.resetTitle")}
      lead={t("setPassword.resetLead", { email: page.person.email })}
      email={page.person.email}
      errors={page.errors}
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
