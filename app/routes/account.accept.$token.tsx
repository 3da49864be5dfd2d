import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadLinkPage, submitLinkPage } from "~/auth/link-pages.server";
import { SetPasswordForm, UnusableLink } from "~/components/set-password-form";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) =>
    args.data?.state === "ready" ? t("setPassword.acceptTitle") : t("setPassword.unusableTitle"),
  );

export function loader({ params }: LoaderFunctionArgs) {
  return loadLinkPage(params.token ?? "", "invitation");
}

export function action({ request, params }: ActionFunctionArgs) {
  return submitLinkPage(request, params.token ?? "", "invitation");
}

export default function AcceptInvitation() {
  const loaded = useLoaderData<typeof loader>();
  const page = useActionData<typeof action>() ?? loaded;
  const { t } = useI18n();
  if (page.state !== "ready") return <UnusableLink purpose="invitation" />;
  return (
    <SetPasswordForm
      title={t("setPassword.acceptTitle")}
      lead={t("setPassword.acceptLead", { name: page.person.name, email: page.person.email })}
      email={page.person.email}
      errors={page.errors}
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
