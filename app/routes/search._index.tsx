import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useSubmit } from "@remix-run/react";
import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import { requireUser } from "~/auth/session.server";
import { decisionAddressFor } from "~/boards/decision-references.server";
import { AlsoSearchedFor, FinderGlossaryLink } from "~/components/also-searched-for";
import { FinderFilters, type LabelFor } from "~/components/finder-filters";
import { FinderNoResults } from "~/components/finder-no-results";
import { FinderResultList } from "~/components/finder-result-list";
import { FinderSelectedFilters } from "~/components/finder-selected-filters";
import { Pagination } from "~/components/pagination";
import { SearchOpenedBeacon } from "~/components/search-opened-beacon";
import { glossaryExpansionsFor } from "~/glossary/glossary-synonyms.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { findPostsInDatabase } from "~/posts/post-finder.server";
import { POST_KINDS } from "~/posts/post-kinds";
import { tagInWords, topicNames } from "~/posts/topics.server";
import { roadmapLabels } from "~/roadmap/roadmap-list.server";
import { finderCorrections } from "~/search/did-you-mean.server";
import { emptyQueryReason, nothingToSearch } from "~/search/empty-query";
import { searchRecords } from "~/search/finder.server";
import type { FinderResults } from "~/search/finder-results";
import { SearchUnavailableError } from "~/search/meili.server";
import { partnerFacetLabels } from "~/search/search.server";
import {
  effectiveSort,
  FILTER_NAMES,
  type FilterName,
  isFiltered,
  parseSearchQuery,
  RESULTS_PER_PAGE,
  type SearchQuery,
  searchHref,
} from "~/search/search-query";
import { recordFinderSearch } from "~/search-analytics/finder-search-log.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, (t) => (args.data?.query.q ? t("finder.titleFor", { q: args.data.query.q }) : t("finder.title")));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  // Every member of staff reads the roadmap: its themes' and items' names are no secret.
  const roadmap = roadmapLabels();
  const query = parseSearchQuery(url.searchParams, Object.keys(roadmap.themes));
  // A decision's reference names one record: go to it (from SQLite, so it works while search is down).
  const decision = decisionAddressFor(user, query.q);
  if (decision) throw redirect(decision);
  let results: FinderResults;
  let searchDown = false;
  // Stop words or punctuation alone: nothing to search on, so the engine is not asked; the page says what to type.
  const emptyQuery = emptyQueryReason(query.q);
  try {
    results = emptyQuery ? nothingToSearch(query.page) : await searchRecords(user, query);
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    // Still a finder: SQLite lists and filters, scoped as every post list is; only the words go unmatched.
    results = findPostsInDatabase(user, query);
    searchDown = true;
  }
  // Names only for the tags the reader can see in the results; a tag typed into the address gets its
  // words (a kept name must never say which topics exist where the reader cannot look).
  const tags = [...results.facets.tag.map((facet) => facet.value), ...results.hits.flatMap((h) => h.tags)];
  return {
    query,
    searchLogToken: recordFinderSearch(request, {
      query,
      resultCount: results.total,
      searchDown,
      nothingToSearch: Boolean(emptyQuery),
    }),
    results,
    searchDown,
    // The engine found through the glossary's synonyms; this only says so.
    alsoSearchedFor: searchDown || emptyQuery ? [] : glossaryExpansionsFor(query.q),
    emptyQuery,
    corrections: await finderCorrections(user, query, results.total, { searched: !searchDown && !emptyQuery }),
    themeNames: roadmap.themes,
    itemTitles: roadmap.items,
    partnerNames: partnerFacetLabels(),
    topicNames: {
      ...Object.fromEntries(query.tag.map((tag) => [tag, tagInWords(tag)])),
      ...Object.fromEntries(topicNames(tags)),
    },
  };
}

/**
 * Keeps the form's boxes and order as the shown results have them after a
 * change made elsewhere (a removed filter tag, "Clear filters", Back). The
 * inputs stay the same elements, so focus stays on the box just ticked.
 */
function useFormInStep(form: RefObject<HTMLFormElement>, query: SearchQuery, sort: string) {
  // The server-rendered boxes already match; a box ticked before scripts started is kept.
  const rendered = useRef(false);
  useEffect(() => {
    if (!rendered.current) {
      rendered.current = true;
      return;
    }
    if (!form.current) return;
    for (const input of form.current.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) {
      input.checked = (query[input.name as FilterName] as string[] | undefined)?.includes(input.value) ?? false;
    }
    const select = form.current.querySelector<HTMLSelectElement>("select[name=sort]");
    if (select) select.value = sort;
  }, [form, query, sort]);
}

/** Made true once scripts run: the filters then apply on change and fold away on a phone. */
function useEnhanced(): boolean {
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return enhanced;
}

function FewResults({ query, results, labelFor }: { query: SearchQuery; results: FinderResults; labelFor: LabelFor }) {
  const { t } = useI18n();
  const without = FILTER_NAMES.filter((name) => (results.totalWithout[name] ?? 0) > results.total);
  if (!isFiltered(query) || results.total > 2 || results.unfilteredTotal === null) return null;
  if (results.unfilteredTotal <= results.total) return null;
  return (
    <div className="govuk-inset-text app-few-results">
      <p className="govuk-body">
        {results.total === 0 ? t("finder.fewNone") : t("finder.fewSome", { count: results.total })}{" "}
        {t("finder.fewNext")}
      </p>
      <ul className="govuk-list govuk-list--bullet">
        {without.map((name) => (
          <li key={name}>
            <Link className="govuk-link" to={searchHref({ ...query, [name]: [], page: 1 })}>
              {t("finder.fewWithout", {
                filter: query[name].map((value) => labelFor(name, value)).join(", "),
                count: results.totalWithout[name] ?? 0,
              })}
            </Link>
          </li>
        ))}
        <li>
          <Link className="govuk-link" to={searchHref({ q: query.q, sort: query.sort })}>
            {t("finder.fewUnfiltered", { count: results.unfilteredTotal })}
          </Link>
        </li>
      </ul>
    </div>
  );
}

export default function FinderPage() {
  const {
    query,
    results,
    searchDown,
    alsoSearchedFor,
    partnerNames,
    themeNames,
    itemTitles,
    topicNames: names,
    searchLogToken,
    emptyQuery,
    corrections,
  } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  const submit = useSubmit();
  const enhanced = useEnhanced();
  const form = useRef<HTMLFormElement>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersHeading = useRef<HTMLHeadingElement>(null);
  const topicName = (tag: string) => names[tag] ?? tag;
  const labelFor: LabelFor = (name, value) => {
    if (name === "kind") {
      // A post's kind, or a roadmap item's theme.
      return (POST_KINDS as readonly string[]).includes(value)
        ? t(`kinds.${value as "lesson"}`)
        : (themeNames[value] ?? value);
    }
    if (name === "type") return t(`types.${value as "post"}`);
    if (name === "item") return itemTitles[value] ?? value;
    if (name === "partner") return partnerNames[value] ?? value;
    if (name === "tag") return topicName(value);
    return value;
  };
  const sort = effectiveSort(searchDown ? { ...query, q: "" } : query);
  useFormInStep(form, query, sort);
  const sortOptions = [
    ...(query.q && !searchDown ? [{ value: "relevance", label: t("search.sortRelevance") }] : []),
    { value: "newest", label: t("search.sortNewest") },
    { value: "oldest", label: t("finder.sortOldest") },
  ];

  // Ticking a box or choosing an order applies it at once; typing words waits for "Search".
  const applyOnChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.type === "checkbox" || target.tagName === "SELECT") {
      submit(event.currentTarget, { preventScrollReset: true, replace: false });
    }
  };
  const toggleFilters = () => {
    setFiltersOpen((open) => !open);
    // Moved to once shown, so that keyboard and screen reader users land in them.
    requestAnimationFrame(() => filtersHeading.current?.focus());
  };

  return (
    <>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-4">{t("finder.title")}</h1>
      <Form ref={form} method="get" action="/search" className="app-finder" onChange={applyOnChange}>
        <div className="app-finder__keywords">
          <label className="govuk-label" htmlFor="finder-q">
            {t("finder.keywords")}
          </label>
          <div className="app-search__row">
            <input
              key={query.q}
              className="govuk-input app-search__input"
              id="finder-q"
              name="q"
              type="search"
              defaultValue={searchDown ? "" : query.q}
              disabled={searchDown}
              aria-describedby={searchDown ? "finder-keywords-down" : undefined}
              spellCheck={false}
              enterKeyHint="search"
            />
            <button type="submit" className="govuk-button app-search__button" disabled={searchDown}>
              {t("finder.search")}
            </button>
          </div>
        </div>
        {searchDown ? (
          <div className="govuk-warning-text" id="finder-keywords-down">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">{t("finder.warning")}</span>
              {t("finder.keywordsDownTitle")}. {query.q ? `${t("finder.keywordsIgnored", { q: query.q })} ` : null}
              {t("finder.keywordsDownText")}
            </strong>
          </div>
        ) : null}
        {query.truncated ? <div className="govuk-inset-text">{t("search.truncated")}</div> : null}

        <div className={`app-finder__layout${enhanced ? " app-finder__layout--enhanced" : ""}`}>
          <div className="app-finder__toggle">
            {enhanced ? (
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                aria-expanded={filtersOpen}
                aria-controls="finder-filters"
                onClick={toggleFilters}
              >
                {t("finder.filterResults")}
              </button>
            ) : (
              <a href="#finder-filters" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                {t("finder.filterResults")}
              </a>
            )}
          </div>

          <div className="app-finder__results">
            <div className="app-finder__summary">
              <p className="govuk-body govuk-!-margin-bottom-0" role="status">
                {query.q && !searchDown
                  ? t("search.countFor", { count: results.total, q: query.q })
                  : t("search.count", { count: results.total })}
              </p>
              <div className="govuk-form-group app-finder__sort">
                <label className="govuk-label govuk-!-display-inline-block" htmlFor="finder-sort">
                  {t("search.sort")}
                </label>{" "}
                <select className="govuk-select" id="finder-sort" name="sort" value={sort} onChange={() => undefined}>
                  {sortOptions.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <FinderSelectedFilters query={query} labelFor={labelFor} />
            <AlsoSearchedFor expansions={alsoSearchedFor} />
            <FewResults query={query} results={results} labelFor={labelFor} />
            {/* Words that find something under other filters are the few-results block's to explain. */}
            {searchDown || (isFiltered(query) && (results.unfilteredTotal ?? 0) > 0) ? null : (
              <FinderNoResults
                q={query.q}
                total={results.total}
                filtered={isFiltered(query)}
                emptyQuery={emptyQuery}
                corrections={corrections}
              />
            )}
            <h2 className="govuk-visually-hidden">{t("finder.results")}</h2>
            <FinderResultList
              hits={results.hits}
              firstNumber={(results.page - 1) * RESULTS_PER_PAGE + 1}
              backTo={`${pathname}${search}`}
              topicName={topicName}
            />
            <Pagination page={results.page} pageCount={results.pageCount} search={search} />
            <SearchOpenedBeacon q={query.q} token={searchLogToken} />
          </div>

          <div
            className={`app-finder__filters app-filters${filtersOpen ? " app-finder__filters--open" : ""}`}
            id="finder-filters"
          >
            <h2 className="govuk-heading-m" tabIndex={-1} ref={filtersHeading}>
              {t("finder.filtersHeading")}
            </h2>
            <FinderFilters query={query} facets={results.facets} labelFor={labelFor} showApply={!enhanced} />
            <FinderGlossaryLink />
          </div>
        </div>
      </Form>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
