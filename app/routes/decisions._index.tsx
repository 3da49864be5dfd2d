import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DecisionFilters } from "~/components/decision-filters";
import { DecisionStatusTag, RestrictedTag } from "~/components/decision-status-tag";
import { Pagination } from "~/components/pagination";
import { type DecisionFilter, decisionSearch, parseDecisionQuery } from "~/decisions/decision-query";
import { decisionRegister } from "~/decisions/decision-register.server";
import type { MessageKey } from "~/i18n/en";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("decisions.register.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseDecisionQuery(new URL(request.url).searchParams);
  const register = decisionRegister(user, query, resolveLocale(request));
  return {
    query,
    ...register,
    rows: register.rows.map((row) => ({
      reference: row.reference,
      date: row.date,
      board: row.board,
      status: row.status,
      title: row.content?.title ?? null,
    })),
  };
}

export default function DecisionRegisterPage() {
  const { query, rows, total, page, pageCount, facets, labels } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  const labelFor = (name: DecisionFilter, value: string) => {
    if (name === "board") return labels.board[value] ?? value;
    if (name === "item") return labels.item[value] ?? value;
    if (name === "status") return t(`decisions.status.${value}` as MessageKey);
    return value;
  };
  const search = decisionSearch(query);
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: t("breadcrumbs.home") }]} />
      <h1 className="govuk-heading-l">{t("decisions.register.title")}</h1>
      <p className="govuk-body-l">{t("decisions.register.lead")}</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter-from-desktop app-decision-filters app-no-print">
          <h2 className="govuk-heading-m">{t("decisions.register.filtersHeading")}</h2>
          <Form method="get" action="/decisions">
            <DecisionFilters query={query} facets={facets} labelFor={labelFor} />
          </Form>
          {search ? (
            <p className="govuk-body-s govuk-!-margin-top-3">
              <Link className="govuk-link" to="/decisions">
                {t("decisions.register.clear")}
              </Link>
            </p>
          ) : null}
        </div>
        <div className="govuk-grid-column-three-quarters-from-desktop app-decision-results">
          <div className="app-decision-summary">
            <p className="govuk-body govuk-!-margin-bottom-0" role="status">
              {t("decisions.register.count", { count: total })}
            </p>
            <p className="govuk-body govuk-!-margin-bottom-0 app-no-print">
              <a className="govuk-link" href={`/decisions.csv${search}`}>
                {t("decisions.register.download")}
              </a>
            </p>
          </div>
          {rows.length === 0 ? (
            <p className="govuk-body">{t("decisions.register.none")}</p>
          ) : (
            <table className="govuk-table govuk-table--small-text-until-tablet app-decision-register">
              <caption className="govuk-table__caption govuk-visually-hidden">
                {t("decisions.register.caption")}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t("decisions.column.reference")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("decisions.column.date")}
                  </th>
                  <th scope="col" className="govuk-table__header app-decision-register__board">
                    {t("decisions.column.board")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("decisions.column.title")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("decisions.column.status")}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {rows.map((row) => (
                  <tr className="govuk-table__row" key={row.reference}>
                    <th scope="row" className="govuk-table__header app-nowrap">
                      <Link className="govuk-link" to={`/decisions/${row.reference}`}>
                        {row.reference}
                      </Link>
                    </th>
                    <td className="govuk-table__cell">{date(row.date)}</td>
                    <td className="govuk-table__cell app-decision-register__board">{row.board.name}</td>
                    <td className="govuk-table__cell app-break-words">{row.title ?? <RestrictedTag />}</td>
                    <td className="govuk-table__cell">
                      <DecisionStatusTag status={row.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination page={page} pageCount={pageCount} search={search} />
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
