import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import { failedRequestId } from "./error-reference";

/** The body of every ErrorBoundary: 404, 403, 400 and anything else, never a stack trace. */
export function ErrorPage() {
  const error = useRouteError();
  const root = useRouteLoaderData<{ requestId?: string }>("root");
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] =
    status === 404
      ? [t("errorPage.notFoundTitle"), t("errorPage.notFoundText")]
      : status === 403
        ? [t("errorPage.forbiddenTitle"), t("errorPage.forbiddenText")]
        : status >= 400 && status < 500
          ? [t("errorPage.badRequestTitle"), null]
          : status === 503
            ? [t("errorPage.busyTitle"), t("errorPage.busyText")]
            : status === 507
              ? [t("errorPage.storageFullTitle"), t("errorPage.storageFullText")]
              : [t("errorPage.serverTitle"), t("errorPage.serverText")];
  const reference = status >= 500 ? (failedRequestId() ?? root?.requestId ?? null) : null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        {text ? <p className="govuk-body">{text}</p> : null}
        {reference ? (
          <p className="govuk-body" data-testid="error-reference">
            {t("errorPage.reference", { requestId: reference })}
          </p>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            {t("errorPage.home")}
          </Link>
        </p>
      </div>
    </div>
  );
}
