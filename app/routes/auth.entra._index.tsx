import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EntraSignInRefused } from "~/auth/entra/entra-refusal.server";
import {
  beginEntraSignIn,
  getEntraSettings,
  isTrustedTenant,
  listEntraOrganisations,
} from "~/auth/entra/entra-sign-in.server";
import { requireAnonymous, safeRedirectPath } from "~/auth/session.server";
import { ErrorSummary } from "~/components/error-summary";
import { Radios } from "~/components/form-fields";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { notFound, readForm } from "~/platform/http.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("entra.title"));

const ChooseOrganisationForm = z.object({
  tenant: z
    .string({ error: "errors.entra.organisation" })
    .trim()
    .toLowerCase()
    .refine(isTrustedTenant, "errors.entra.organisation"),
  redirectTo: z.string().max(2048).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (!getEntraSettings()) notFound();
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  await requireAnonymous(request, redirectTo);
  return { organisations: listEntraOrganisations(), redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!getEntraSettings()) notFound();
  const form = ChooseOrganisationForm.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) {
    return data({ errors: z.flattenError(form.error).fieldErrors, refused: null }, { status: 400 });
  }
  try {
    const { url, cookie } = await beginEntraSignIn({
      request,
      tenantId: form.data.tenant,
      redirectTo: form.data.redirectTo,
      requestId: context.requestId,
    });
    return redirect(url, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof EntraSignInRefused)) throw error;
    return data({ errors: {}, refused: error.messageKey }, { status: error.status });
  }
}

export default function ChooseOrganisation() {
  const { organisations, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {actionData?.refused ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text" role="alert">
              {t(actionData.refused)}
            </strong>
          </div>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Radios
            name="tenant"
            legend={t("entra.organisation")}
            legendClassName="govuk-fieldset__legend--l"
            isPageHeading
            options={organisations.map((organisation) => ({ value: organisation.tenantId, label: organisation.name }))}
            errors={errors.tenant}
          />
          <p className="govuk-body">{t("entra.organisationHint")}</p>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("entra.continue")}
          </button>
        </Form>
        <p className="govuk-body">
          <Link
            className="govuk-link"
            to={`/login${redirectTo === "/" ? "" : `?${new URLSearchParams({ redirectTo })}`}`}
          >
            {t("entra.passwordInstead")}
          </Link>
        </p>
      </div>
    </div>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
