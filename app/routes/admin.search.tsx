import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { SuccessBanner } from "~/components/notification-banner";
import { SearchAnalytics } from "~/components/search-analytics";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { getEnv } from "~/platform/env.server";
import { orRespond, readForm } from "~/platform/http.server";
import { getSearchAdminView, retryParkedRecords } from "~/search/search-admin.server";
import { SEARCHABLE_TYPES } from "~/search/search-query";
import { getSearchAnalytics } from "~/search-analytics/search-analytics.server";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("searchAnalytics.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const week = new URL(request.url).searchParams.get("week");
  return orRespond(() => ({
    ...getSearchAdminView(user),
    analytics: { ...getSearchAnalytics(user, week), keptDays: getEnv().SEARCH_LOG_DAYS },
  }));
}

const RetryForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retry-all") }),
  z.object({
    intent: z.literal("retry-one"),
    recordType: z.enum(SEARCHABLE_TYPES),
    recordId: z.string().min(1).max(64),
  }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = RetryForm.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) return data({ error: "Unknown request" }, { status: 400 });
  const record = form.data.intent === "retry-one" ? form.data : undefined;
  const retried = orRespond(() => retryParkedRecords(user, record));
  return redirect(`/admin/search?retried=${retried}`);
}

export default function SearchAdmin() {
  const { status, failing, analytics } = useLoaderData<typeof loader>();
  const parkedCount = failing.filter((row) => row.parked).length;
  const [searchParams] = useSearchParams();
  const { t, dateTime, number } = useI18n();
  const retried = searchParams.get("retried");
  const rows = [
    { key: t("searchAdmin.backlog"), value: number(status.backlog) },
    {
      key: t("searchAdmin.oldest"),
      value:
        status.oldestPendingSeconds === null
          ? t("searchAdmin.nothingWaiting")
          : t("searchAdmin.seconds", { count: status.oldestPendingSeconds }),
    },
    { key: t("searchAdmin.retrying"), value: number(status.retrying) },
    { key: t("searchAdmin.parked"), value: number(status.parked) },
    { key: t("searchAdmin.relay"), value: status.relay ?? t("searchAdmin.noRelay") },
  ];
  return (
    <>
      {retried !== null && /^\d+$/.test(retried) ? (
        <SuccessBanner
          title={t("searchAdmin.successTitle")}
          heading={t("searchAdmin.retried", { count: Number(retried) })}
        />
      ) : null}
      <h1 className="govuk-heading-xl">{t("searchAnalytics.title")}</h1>
      <p className="govuk-body-l">{t("searchAnalytics.lead")}</p>
      <SearchAnalytics view={analytics} />
      <h2 className="govuk-heading-l">{t("searchAnalytics.healthHeading")}</h2>
      <p className="govuk-body">{t("searchAdmin.lead")}</p>
      <dl className="govuk-summary-list">
        {rows.map((row) => (
          <div className="govuk-summary-list__row" key={row.key}>
            <dt className="govuk-summary-list__key">{row.key}</dt>
            <dd className="govuk-summary-list__value">{row.value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="govuk-heading-m" id="failing-heading">
        {t("searchAdmin.failingHeading")}
      </h3>
      {failing.length === 0 ? (
        <p className="govuk-body">{t("searchAdmin.noneFailing")}</p>
      ) : (
        <>
          <p className="govuk-body">{t("searchAdmin.failingExplain")}</p>
          <table className="govuk-table" aria-labelledby="failing-heading">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t("searchAdmin.record")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("searchAdmin.error")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("searchAdmin.state")}
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">{t("searchAdmin.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {failing.map((row) => {
                const name = row.label?.title ?? t("searchAdmin.gone", { id: row.recordId });
                return (
                  <tr className="govuk-table__row" key={`${row.recordType}:${row.recordId}`}>
                    <td className="govuk-table__cell">
                      <span className="govuk-caption-s">{t(`types.${row.recordType as "post"}`)}</span>
                      {row.label ? (
                        <a className="govuk-link" href={row.label.url}>
                          {name}
                        </a>
                      ) : (
                        name
                      )}
                    </td>
                    <td className="govuk-table__cell app-break-words">
                      {row.lastError}
                      <br />
                      <span className="govuk-body-s govuk-hint">
                        {t("searchAdmin.attempts", { count: row.attempts })}
                      </span>
                    </td>
                    <td className="govuk-table__cell">
                      {row.parked ? (
                        <strong className="govuk-tag govuk-tag--red">{t("searchAdmin.parkedTag")}</strong>
                      ) : (
                        <strong className="govuk-tag govuk-tag--yellow">{t("searchAdmin.retryingTag")}</strong>
                      )}
                      <br />
                      <span className="govuk-body-s">
                        {row.retryAt
                          ? t("searchAdmin.nextTry", { time: dateTime(row.retryAt) })
                          : t("searchAdmin.lastTry", { time: dateTime(row.lastFailedAt) })}
                      </span>
                    </td>
                    <td className="govuk-table__cell">
                      {row.parked ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="retry-one" />
                          <input type="hidden" name="recordType" value={row.recordType} />
                          <input type="hidden" name="recordId" value={row.recordId} />
                          <button
                            type="submit"
                            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                            data-module="govuk-button"
                          >
                            {t("searchAdmin.retryOne")}
                            <span className="govuk-visually-hidden"> {name}</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {parkedCount > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="retry-all" />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("searchAdmin.retryAll")}
              </button>
            </Form>
          ) : null}
        </>
      )}
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
