import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { RoadmapFilters } from "~/components/roadmap-filters";
import { RoadmapBoard, RoadmapTimeline } from "~/components/roadmap-views";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { listRoadmap, roadmapLabels } from "~/roadmap/roadmap-list.server";
import { canCreateRoadmapItems } from "~/roadmap/roadmap-policy.server";
import {
  isRoadmapFiltered,
  parseRoadmapQuery,
  ROADMAP_VIEWS,
  type RoadmapFilter,
  roadmapSearch,
} from "~/roadmap/roadmap-query";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("roadmapViews.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseRoadmapQuery(new URL(request.url).searchParams);
  const { items, facets, unfilteredTotal } = listRoadmap(user, query);
  const labels = roadmapLabels();
  return {
    query,
    items: items.map(({ slug, title, themeName, status, startQuarter, targetQuarter, ownerName, rag, stale }) => ({
      slug,
      title,
      themeName,
      status,
      startQuarter,
      targetQuarter,
      ownerName,
      rag,
      stale,
    })),
    facets,
    unfilteredTotal,
    themeNames: labels.themes,
    partnerNames: labels.partners,
    canCreate: canCreateRoadmapItems(user),
  };
}

export default function RoadmapPage() {
  const { query, items, facets, unfilteredTotal, themeNames, partnerNames, canCreate } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const labelFor = (name: RoadmapFilter, value: string) => {
    if (name === "partner") return partnerNames[value] ?? value;
    if (name === "theme") return themeNames[value] ?? value;
    if (name === "status") return t(`roadmapViews.status.${value as "planned"}`);
    return t(`roadmapViews.rag.${value as "none"}`);
  };
  const filtered = isRoadmapFiltered(query);
  return (
    <>
      <div className="app-roadmap-heading">
        <h1 className="govuk-heading-l govuk-!-margin-bottom-2">{t("roadmapViews.title")}</h1>
        {canCreate ? (
          <Link to="/roadmap/new" className="govuk-button govuk-!-margin-bottom-2" data-module="govuk-button">
            {t("roadmapViews.create")}
          </Link>
        ) : null}
      </div>
      <p className="govuk-body-l">{t("roadmapViews.lead")}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/roadmap/demand">
          {t("roadmapViews.demandLink")}
        </Link>
      </p>

      <div className="govuk-grid-row app-roadmap-layout">
        <div className="govuk-grid-column-one-quarter-from-desktop app-roadmap-filters">
          <h2 className="govuk-heading-m">{t("roadmapViews.filtersHeading")}</h2>
          <Form method="get" action="/roadmap">
            {query.view !== "board" ? <input type="hidden" name="view" value={query.view} /> : null}
            <RoadmapFilters query={query} facets={facets} labelFor={labelFor} />
          </Form>
          {filtered ? (
            <p className="govuk-body-s govuk-!-margin-top-3">
              <Link className="govuk-link" to={`/roadmap${roadmapSearch({ view: query.view })}`}>
                {t("roadmapViews.clear")}
              </Link>
            </p>
          ) : null}
        </div>

        <div className="govuk-grid-column-three-quarters-from-desktop">
          <nav className="govuk-tabs app-roadmap-tabs" aria-label={t("roadmapViews.views")}>
            <ul className="govuk-tabs__list">
              {ROADMAP_VIEWS.map((view) => (
                <li
                  key={view}
                  className={`govuk-tabs__list-item${view === query.view ? " govuk-tabs__list-item--selected" : ""}`}
                >
                  <Link
                    className="govuk-tabs__tab"
                    to={`/roadmap${roadmapSearch({ ...query, view })}`}
                    aria-current={view === query.view ? "page" : undefined}
                  >
                    {t(`roadmapViews.view.${view}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="app-roadmap-summary">
            <p className="govuk-body govuk-!-margin-bottom-0" role="status">
              {t("roadmapViews.count", { count: items.length })}
            </p>
            <p className="govuk-body govuk-!-margin-bottom-0">
              <a className="govuk-link" href={`/roadmap.csv${roadmapSearch(query, false)}`}>
                {t("roadmapViews.download")}
                <span className="govuk-visually-hidden"> ({t("roadmapViews.downloadHint")})</span>
              </a>
            </p>
          </div>
          {items.length === 0 ? (
            <div className="app-roadmap-empty">
              {filtered && unfilteredTotal > 0 ? (
                <>
                  <h2 className="govuk-heading-m">{t("roadmapViews.emptyTitle")}</h2>
                  <p className="govuk-body">{t("roadmapViews.emptyText")}</p>
                  <p className="govuk-body">
                    <Link className="govuk-link" to={`/roadmap${roadmapSearch({ view: query.view })}`}>
                      {t("roadmapViews.clear")}
                    </Link>
                  </p>
                </>
              ) : (
                <p className="govuk-body">{t("roadmapViews.noneYet")}</p>
              )}
            </div>
          ) : query.view === "timeline" ? (
            <RoadmapTimeline items={items} />
          ) : (
            <RoadmapBoard items={items} statuses={query.status} />
          )}
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
