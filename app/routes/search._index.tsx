import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Select } from "~/components/form-fields";
import { Pagination } from "~/components/pagination";
import { KindTag, StatusTag } from "~/components/post-tags";
import { SearchBox } from "~/components/search-box";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import type { PostKind, PostStatus } from "~/posts/post-kinds";
import { SearchUnavailableError } from "~/search/meili.server";
import { partnerFacetLabels, type SearchHit, searchRecords } from "~/search/search.server";
import {
  parseSearchQuery,
  RESULTS_PER_PAGE,
  type SearchQuery,
  searchHref,
  type TextSegment,
} from "~/search/search-query";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, (t) => (args.data?.query.q ? t("search.titleFor", { q: args.data.query.q }) : t("search.title")));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseSearchQuery(new URL(request.url).searchParams);
  const partnerNames = partnerFacetLabels();
  try {
    const results = await searchRecords(user, query);
    return { query, partnerNames, results, unavailable: false as const };
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    return data({ query, partnerNames, results: null, unavailable: true as const }, { status: 503 });
  }
}

function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are static text in a fixed order
        segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}

type FacetName = "type" | "kind" | "partner" | "tag" | "year";

function FacetList({
  name,
  heading,
  values,
  query,
  label,
}: {
  name: FacetName;
  heading: string;
  values: { value: string; count: number }[];
  query: SearchQuery;
  label: (value: string) => string;
}) {
  const { t } = useI18n();
  const selected = query[name] === undefined ? undefined : String(query[name]);
  if (values.length === 0 && !selected) return null;
  const withValue = (value: string | undefined) =>
    searchHref({ ...query, [name]: name === "year" && value ? Number(value) : value, page: 1 });
  return (
    <div className="app-facet">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">{heading}</h3>
      <ul className="govuk-list govuk-body-s">
        {values.map(({ value, count }) =>
          value === selected ? (
            <li key={value}>
              <strong>
                {label(value)} ({count})
              </strong>{" "}
              <Link className="govuk-link" to={withValue(undefined)}>
                {t("search.removeFilter")}
                <span className="govuk-visually-hidden"> {label(value)}</span>
              </Link>
            </li>
          ) : (
            <li key={value}>
              <Link className="govuk-link" to={withValue(value)}>
                {label(value)} <span className="app-facet__count">({count})</span>
              </Link>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

/** The tags that say what a result is: for a post, its kind and (unless published) its status. */
function HitTags({ hit }: { hit: Pick<SearchHit, "type" | "kind" | "status"> }) {
  if (hit.type === "post" && hit.kind) {
    return (
      <>
        <KindTag kind={hit.kind as PostKind} /> <StatusTag status={hit.status as PostStatus} />
      </>
    );
  }
  return null;
}

export default function SearchPage() {
  const { query, results, unavailable, partnerNames } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  const { search } = useLocation();
  const filtered = Boolean(query.type || query.kind || query.partner || query.tag || query.year);
  return (
    <>
      <h1 className="govuk-heading-xl">{t("search.title")}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SearchBox id="search-page-q" variant="page" defaultValue={query.q}>
            <Select
              name="sort"
              label={t("search.sort")}
              defaultValue={query.sort}
              options={[
                { value: "relevance", label: t("search.sortRelevance") },
                { value: "newest", label: t("search.sortNewest") },
              ]}
            />
          </SearchBox>
          {query.truncated ? <div className="govuk-inset-text">{t("search.truncated")}</div> : null}
        </div>
      </div>
      {unavailable ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">{t("search.unavailableTitle")}</h2>
            <p className="govuk-body">{t("search.unavailableText")}</p>
            <p className="govuk-body">
              <Link className="govuk-link" to="/posts">
                {t("search.browseInstead")}
              </Link>
            </p>
          </div>
        </div>
      ) : results ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <section className="app-filters" aria-labelledby="facets-heading">
              <h2 className="govuk-heading-m" id="facets-heading">
                {t("search.narrow")}
              </h2>
              {/* Only worth showing once there is more than one type of record to choose between. */}
              {results.facets.type.length > 1 || query.type ? (
                <FacetList
                  name="type"
                  heading={t("search.type")}
                  values={results.facets.type}
                  query={query}
                  label={(value) => t(`types.${value as "post"}`)}
                />
              ) : null}
              <FacetList
                name="kind"
                heading={t("posts.filter.kind")}
                values={results.facets.kind}
                query={query}
                label={(value) => t(`kinds.${value as "lesson"}`)}
              />
              <FacetList
                name="partner"
                heading={t("posts.filter.partner")}
                values={results.facets.partner}
                query={query}
                label={(value) => partnerNames[value] ?? value}
              />
              <FacetList
                name="year"
                heading={t("search.year")}
                values={results.facets.year}
                query={query}
                label={(value) => value}
              />
              <FacetList
                name="tag"
                heading={t("posts.filter.tag")}
                values={results.facets.tags}
                query={query}
                label={(value) => value}
              />
              {filtered ? (
                <p className="govuk-body-s">
                  <Link className="govuk-link" to={searchHref({ q: query.q, sort: query.sort })}>
                    {t("search.clearFilters")}
                  </Link>
                </p>
              ) : null}
            </section>
          </div>
          <div className="govuk-grid-column-two-thirds">
            <p className="govuk-body" role="status">
              {query.q
                ? t("search.countFor", { count: results.total, q: query.q })
                : t("search.count", { count: results.total })}
            </p>
            {results.hits.length === 0 ? (
              <div>
                <h2 className="govuk-heading-m">{t("search.emptyTitle")}</h2>
                <ul className="govuk-list govuk-list--bullet">
                  <li>{t("search.emptySpelling")}</li>
                  <li>{t("search.emptyFewer")}</li>
                  {filtered ? <li>{t("search.emptyFilters")}</li> : null}
                </ul>
              </div>
            ) : (
              <ol className="app-results" start={(results.page - 1) * RESULTS_PER_PAGE + 1}>
                {results.hits.map((hit) => (
                  <li key={hit.url} className="app-post-card">
                    <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
                      <Link className="govuk-link" to={hit.url}>
                        <Highlighted segments={hit.title} />
                      </Link>
                    </h2>
                    <p className="app-post-meta">
                      <HitTags hit={hit} /> {hit.partners.map((partner) => partner.name).join(", ")} · {date(hit.date)}
                    </p>
                    <p className="govuk-body">
                      <Highlighted segments={hit.snippet} />
                    </p>
                  </li>
                ))}
              </ol>
            )}
            <Pagination page={results.page} pageCount={results.pageCount} search={search} />
          </div>
        </div>
      ) : null}
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
