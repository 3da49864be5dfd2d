import { useI18n } from "~/i18n/use-t";
import type { FacetCount } from "~/search/finder-results";
import type { FilterName, SearchQuery } from "~/search/search-query";

/** A filter value's name as people read it: a partner's name, a topic's name, a kind in words. */
export type LabelFor = (name: FilterName, value: string) => string;

/** Topics beyond this many (by count) wait behind "Show all", so the list stays short on a phone. */
const TOPICS_SHOWN = 8;

function Checkbox({
  name,
  facet,
  checked,
  labelFor,
}: {
  name: FilterName;
  facet: FacetCount;
  checked: boolean;
  labelFor: LabelFor;
}) {
  const id = `filter-${name}-${facet.value}`;
  return (
    <div className="govuk-checkboxes__item">
      <input
        className="govuk-checkboxes__input"
        id={id}
        name={name}
        type="checkbox"
        value={facet.value}
        defaultChecked={checked}
      />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {labelFor(name, facet.value)} <span className="app-facet__count">({facet.count})</span>
      </label>
    </div>
  );
}

function FilterSection({
  name,
  values,
  chosen,
  labelFor,
  openByDefault,
  topFew,
}: {
  name: FilterName;
  values: FacetCount[];
  chosen: string[];
  labelFor: LabelFor;
  openByDefault: boolean;
  topFew?: number;
}) {
  const { t } = useI18n();
  const selected = new Set(chosen);
  // A chosen value that now counts nothing stays listed, so that it can be unticked.
  const all = [
    ...values,
    ...chosen.filter((value) => !values.some((facet) => facet.value === value)).map((value) => ({ value, count: 0 })),
  ];
  if (all.length === 0) return null;
  const first = topFew === undefined ? all : all.filter((facet, index) => index < topFew || selected.has(facet.value));
  const rest = all.filter((facet) => !first.includes(facet));
  const heading = t(`finder.filter.${name}`);
  const box = (facet: FacetCount) => (
    <Checkbox key={facet.value} name={name} facet={facet} checked={selected.has(facet.value)} labelFor={labelFor} />
  );
  return (
    <details className="govuk-details app-filter" open={openByDefault || chosen.length > 0}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{heading}</span>
      </summary>
      <div className="app-filter__body">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-visually-hidden">{heading}</legend>
          <div className="govuk-checkboxes govuk-checkboxes--small">{first.map(box)}</div>
          {rest.length > 0 ? (
            <details className="govuk-details app-filter__more">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">
                  {t(name === "item" ? "finder.showAllItems" : "finder.showAllTopics", { count: all.length })}
                </span>
              </summary>
              <div className="govuk-checkboxes govuk-checkboxes--small">{rest.map(box)}</div>
            </details>
          ) : null}
        </fieldset>
      </div>
    </details>
  );
}

/**
 * The finder's filters: a collapsible section per filter with a checkbox per
 * value and its count. They belong to the finder's form, which applies them.
 */
export function FinderFilters({
  query,
  facets,
  labelFor,
  showApply,
}: {
  query: SearchQuery;
  facets: Record<FilterName, FacetCount[]>;
  labelFor: LabelFor;
  showApply: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {/* Only worth offering once there is more than one type of record to choose between. */}
      {facets.type.length > 1 || query.type.length > 0 ? (
        <FilterSection name="type" values={facets.type} chosen={query.type} labelFor={labelFor} openByDefault />
      ) : null}
      <FilterSection name="kind" values={facets.kind} chosen={query.kind} labelFor={labelFor} openByDefault />
      <FilterSection name="partner" values={facets.partner} chosen={query.partner} labelFor={labelFor} openByDefault />
      <FilterSection
        name="tag"
        values={facets.tag}
        chosen={query.tag}
        labelFor={labelFor}
        openByDefault
        topFew={TOPICS_SHOWN}
      />
      <FilterSection
        name="item"
        values={facets.item}
        chosen={query.item}
        labelFor={labelFor}
        openByDefault={query.item.length > 0}
        topFew={TOPICS_SHOWN}
      />
      <FilterSection name="year" values={facets.year} chosen={query.year} labelFor={labelFor} openByDefault={false} />
      {showApply ? (
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          {t("finder.apply")}
        </button>
      ) : null}
    </>
  );
}
