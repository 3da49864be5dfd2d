import { DECISION_FILTERS, type DecisionFilter, type DecisionQuery } from "~/decisions/decision-query";
import { useI18n } from "~/i18n/use-t";
import type { FacetCount } from "~/search/finder-results";

/**
 * The register's filters, in the finder's markup (app-filter sections of
 * small GOV.UK checkboxes with counts): a checkbox per value, counted with
 * the other filters applied. They belong to the page's GET form.
 */
export function DecisionFilters({
  query,
  facets,
  labelFor,
}: {
  query: DecisionQuery;
  facets: Record<DecisionFilter, FacetCount[]>;
  labelFor: (name: DecisionFilter, value: string) => string;
}) {
  const { t } = useI18n();
  return (
    <>
      {DECISION_FILTERS.map((name) => {
        const chosen = query[name] as string[];
        // A chosen value that now counts nothing stays listed, so that it can be unticked.
        const values = [
          ...facets[name],
          ...chosen
            .filter((value) => !facets[name].some((facet) => facet.value === value))
            .map((value) => ({ value, count: 0 })),
        ];
        if (values.length === 0) return null;
        const heading = t(`decisions.register.filter.${name}`);
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
                    const id = `decisions-${name}-${facet.value}`;
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
                          {labelFor(name, facet.value)} <span className="app-facet__count">({facet.count})</span>
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
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
        {t("decisions.register.apply")}
      </button>
    </>
  );
}
