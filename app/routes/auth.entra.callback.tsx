import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { completeEntraSignIn, getEntraSettings } from "~/auth/entra/entra-sign-in.server";
import { startSession } from "~/auth/lucia.server";
import { endRequestSession } from "~/auth/session.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { notFound } from "~/platform/http.server";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("entra.refusedTitle"));

// The refusal page clears the cookie that bound the sign-in to this browser.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/** Where Microsoft sends the person back (the redirect URI registered for the Hub). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!getEntraSettings()) notFound();
  const result = await completeEntraSignIn({ request, requestId: context.requestId });
  if (!result.ok) {
    return data(
      { messageKey: result.refusal.messageKey },
      { status: result.refusal.status, headers: { "Set-Cookie": result.clearCookie, "Cache-Control": "no-store" } },
    );
  }
  // A fresh session at every sign-in: any session the browser already had is ended.
  await endRequestSession(request);
  const session = await startSession(result.user.id, { method: "entra", userAgent: request.headers.get("User-Agent") });
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append("Set-Cookie", result.clearCookie);
  headers.append("Set-Cookie", session);
  return redirect(result.redirectTo, { headers });
}

export default function EntraRefused() {
  const { messageKey } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("entra.refusedTitle")}</h1>
        <p className="govuk-body" data-testid="entra-refusal">
          {t(messageKey)}
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/login">
            {t("entra.startAgain")}
          </Link>
        </p>
      </div>
    </div>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
