import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listActions } from "~/actions/action-list.server";
import { ACTION_FILTERS, actionSearch, parseActionQuery } from "~/actions/action-query";
import { requireUser } from "~/auth/session.server";
import { ActionTable } from "~/components/action-table";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Pagination } from "~/components/pagination";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("actions.list.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseActionQuery(new URL(request.url).searchParams);
  return { query, list: listActions(user, query), me: user.id };
}

export default function Actions() {
  const { query, list, me } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const chosenOwners = query.owner.map((owner) => (owner === "me" ? me : owner));
  const filtered = ACTION_FILTERS.some((name) => query[name].length > 0) || query.all;
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: t("breadcrumbs.home") }]} />
      <h1 className="govuk-heading-xl">{t("actions.list.title")}</h1>
      <p className="govuk-body-l">{t("actions.list.lead")}</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter-from-desktop app-action-filters">
          <h2 className="govuk-heading-m">{t("actions.list.filters")}</h2>
          <Form method="get" action="/actions">
            {ACTION_FILTERS.map((name) => {
              const chosen = name === "owner" ? chosenOwners : query[name];
              const values = [
                ...list.facets[name],
                ...chosen
                  .filter((value) => !list.facets[name].some((facet) => facet.value === value))
                  .map((value) => ({ value, count: 0 })),
              ];
              if (values.length === 0) return null;
              const heading = t(`actions.filter.${name}`);
              return (
                <details key={name} className="govuk-details app-filter" open>
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">{heading}</span>
                  </summary>
                  <div className="app-filter__body">
                    <fieldset className="govuk-fieldset">
                      <legend className="govuk-fieldset__legend govuk-visually-hidden">{heading}</legend>
                      <div className="govuk-checkboxes govuk-checkboxes--small">
                        {values.map((facet) => {
                          const id = `actions-${name}-${facet.value}`;
                          return (
                            <div key={facet.value} className="govuk-checkboxes__item">
                              <input
                                className="govuk-checkboxes__input"
                                id={id}
                                name={name}
                                type="checkbox"
                                value={facet.value}
                                defaultChecked={chosen.includes(facet.value)}
                              />
                              <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                                {list.labels[name][facet.value] ?? t("actions.filter.unknown")}{" "}
                                <span className="app-facet__count">({facet.count})</span>
                              </label>
                            </div>
                          );
                        })}
                      </div>
                    </fieldset>
                  </div>
                </details>
              );
            })}
            <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id="actions-all"
                  name="all"
                  type="checkbox"
                  value="1"
                  defaultChecked={query.all}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="actions-all">
                  {t("actions.list.showAll")}
                </label>
              </div>
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
              {t("actions.list.apply")}
            </button>
          </Form>
          {filtered ? (
            <p className="govuk-body-s govuk-!-margin-top-3">
              <Link className="govuk-link" to="/actions">
                {t("actions.list.clear")}
              </Link>
            </p>
          ) : null}
        </div>
        <div className="govuk-grid-column-three-quarters-from-desktop">
          <p className="govuk-body govuk-!-font-weight-bold" role="status">
            {t(query.all ? "actions.list.countAll" : "actions.list.count", { count: list.total })}
          </p>
          {list.rows.length === 0 ? (
            <p className="govuk-body">{t("actions.list.none")}</p>
          ) : (
            <ActionTable rows={list.rows} caption={t("actions.list.title")} />
          )}
          <Pagination page={list.page} pageCount={list.pageCount} search={actionSearch(query)} />
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
