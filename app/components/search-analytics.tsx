import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useI18n } from "~/i18n/use-t";
import { searchHref } from "~/search/search-query";
import type { WeekAnalytics } from "~/search-analytics/search-analytics.server";

/** What /admin/search shows: a week's figures (as the server works them out), its neighbours and how long rows are kept. */
export type SearchAnalyticsView = WeekAnalytics & {
  weeks: { id: string; start: string }[];
  week: { id: string; start: string };
  keptDays: number;
};

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/** The query, as a link that runs it in the finder. */
function QueryLink({ query }: { query: string }) {
  const { t } = useI18n();
  return (
    <Link className="govuk-link" to={searchHref({ q: query })} aria-label={t("searchAnalytics.runSearch", { query })}>
      {query}
    </Link>
  );
}

function QueryTable({
  id,
  columns,
  rows,
}: {
  id: string;
  columns: { label: string; numeric?: boolean }[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <table className="govuk-table govuk-table--small-text-until-tablet" aria-labelledby={id}>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column) => (
            <th
              key={column.label}
              scope="col"
              className={`govuk-table__header${column.numeric ? " govuk-table__header--numeric" : ""}`}
            >
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.key}>
            {row.cells.map((cell, index) => (
              <td
                // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are in the columns' fixed order
                key={index}
                // A query can be one long word: it wraps rather than widen the page on a phone.
                className={`govuk-table__cell${columns[index]?.numeric ? " govuk-table__cell--numeric" : index === 0 ? " app-break-words" : ""}`}
              >
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The search log by week: the week's figures, then top, zero-result and unopened queries (decision 060). */
export function SearchAnalytics({ view }: { view: SearchAnalyticsView }) {
  const { t, date, number } = useI18n();
  const weekLabel = (start: string) => t("searchAnalytics.weekOf", { date: date(start) });
  const share = (part: number) =>
    t("searchAnalytics.share", { count: number(part), percent: percent(part, view.searches) });
  const querySearches = { label: t("searchAnalytics.searchCount"), numeric: true };
  return (
    <section aria-labelledby="search-analytics-heading" className="app-search-analytics">
      <h2 className="govuk-heading-l" id="search-analytics-heading">
        {t("searchAnalytics.heading")}
      </h2>
      <p className="govuk-body">{t("searchAnalytics.privacy", { days: view.keptDays })}</p>
      <Form method="get" className="app-search-analytics__weeks">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="analytics-week">
            {t("searchAnalytics.week")}
          </label>
          <select className="govuk-select" id="analytics-week" name="week" defaultValue={view.week.id}>
            {view.weeks.map((week) => (
              <option key={week.id} value={week.id}>
                {weekLabel(week.start)}
              </option>
            ))}
          </select>{" "}
          <button type="submit" className="govuk-button govuk-button--secondary app-search-analytics__show">
            {t("searchAnalytics.show")}
          </button>
        </div>
      </Form>
      <h3 className="govuk-heading-m">{weekLabel(view.week.start)}</h3>
      {view.searches === 0 ? (
        <div className="govuk-inset-text">{t("searchAnalytics.empty", { date: date(view.week.start) })}</div>
      ) : (
        <>
          <dl className="govuk-summary-list">
            {[
              { key: t("searchAnalytics.searches"), value: number(view.searches) },
              { key: t("searchAnalytics.distinct"), value: number(view.distinctQueries) },
              { key: t("searchAnalytics.zeroShare"), value: share(view.zeroResultSearches) },
              { key: t("searchAnalytics.openedShare"), value: share(view.openedSearches) },
            ].map((row) => (
              <div className="govuk-summary-list__row" key={row.key}>
                <dt className="govuk-summary-list__key">{row.key}</dt>
                <dd className="govuk-summary-list__value">{row.value}</dd>
              </div>
            ))}
          </dl>

          <h3 className="govuk-heading-m" id="analytics-top">
            {t("searchAnalytics.topHeading")}
          </h3>
          <QueryTable
            id="analytics-top"
            columns={[
              { label: t("searchAnalytics.query") },
              querySearches,
              { label: t("searchAnalytics.noResultsCount"), numeric: true },
              { label: t("searchAnalytics.opened"), numeric: true },
            ]}
            rows={view.top.map((row) => ({
              key: row.query,
              cells: [
                <QueryLink key="q" query={row.query} />,
                number(row.searches),
                number(row.zeroResults),
                `${percent(row.opened, row.searches)}%`,
              ],
            }))}
          />
          {view.distinctQueries > view.top.length ? (
            <p className="govuk-body-s">
              {t("searchAnalytics.moreQueries", { shown: view.top.length, count: view.distinctQueries })}
            </p>
          ) : null}

          <h3 className="govuk-heading-m" id="analytics-zero">
            {t("searchAnalytics.zeroHeading")}
          </h3>
          {view.zeroResults.length === 0 ? (
            <p className="govuk-body">{t("searchAnalytics.zeroNone")}</p>
          ) : (
            <>
              <p className="govuk-body">{t("searchAnalytics.zeroExplain")}</p>
              <QueryTable
                id="analytics-zero"
                columns={[
                  { label: t("searchAnalytics.query") },
                  { label: t("searchAnalytics.noResultsCount"), numeric: true },
                  { label: t("searchAnalytics.addToGlossary") },
                ]}
                rows={view.zeroResults.map((row) => ({
                  key: row.query,
                  cells: [
                    <QueryLink key="q" query={row.query} />,
                    number(row.zeroResults),
                    <Link
                      key="glossary"
                      className="govuk-link"
                      to={`/admin/glossary/new?${new URLSearchParams({ term: row.query })}`}
                    >
                      {t("searchAnalytics.addToGlossary")}
                      <span className="govuk-visually-hidden"> ({row.query})</span>
                    </Link>,
                  ],
                }))}
              />
            </>
          )}

          <h3 className="govuk-heading-m" id="analytics-not-opened">
            {t("searchAnalytics.notOpenedHeading")}
          </h3>
          {view.notOpened.length === 0 ? (
            <p className="govuk-body">{t("searchAnalytics.notOpenedNone")}</p>
          ) : (
            <>
              <p className="govuk-body">{t("searchAnalytics.notOpenedExplain")}</p>
              <QueryTable
                id="analytics-not-opened"
                columns={[{ label: t("searchAnalytics.query") }, querySearches]}
                rows={view.notOpened.map((row) => ({
                  key: row.query,
                  cells: [<QueryLink key="q" query={row.query} />, number(row.withResults)],
                }))}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
