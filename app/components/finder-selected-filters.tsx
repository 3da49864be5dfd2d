import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import { FILTER_NAMES, type SearchQuery, searchHref, withoutFilters, withoutValue } from "~/search/search-query";
import type { LabelFor } from "./finder-filters";

/** The filters in use, each a link to the same search without it, and a link that clears them all. */
export function FinderSelectedFilters({ query, labelFor }: { query: SearchQuery; labelFor: LabelFor }) {
  const { t } = useI18n();
  const chosen = FILTER_NAMES.flatMap((name) => query[name].map((value) => ({ name, value })));
  if (chosen.length === 0) return null;
  return (
    <div className="app-selected-filters">
      <h2 className="govuk-visually-hidden" id="selected-filters-heading">
        {t("finder.selected")}
      </h2>
      <ul className="app-selected-filters__list" aria-labelledby="selected-filters-heading">
        {chosen.map(({ name, value }) => (
          <li key={`${name}-${value}`}>
            <Link className="app-selected-filters__tag" to={searchHref(withoutValue(query, name, value))}>
              <span className="govuk-visually-hidden">
                {t("finder.remove")}: {t(`finder.filter.${name}`)}{" "}
              </span>
              {labelFor(name, value)}
              <span className="app-selected-filters__cross" aria-hidden="true">
                ×
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="govuk-body-s">
        <Link className="govuk-link" to={searchHref(withoutFilters(query))}>
          {t("finder.clear")}
        </Link>
      </p>
    </div>
  );
}
