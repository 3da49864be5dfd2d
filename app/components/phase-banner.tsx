import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";

/**
 * The GOV.UK phase banner under the header, on every page: the service is in
 * beta, and feedback is welcome. A named section, so that it sits in a
 * landmark like the rest of the page.
 */
export function PhaseBanner() {
  const { t } = useI18n();
  return (
    <section className="govuk-width-container" aria-label={t("phase.label")}>
      <div className="govuk-phase-banner">
        <p className="govuk-phase-banner__content">
          <strong className="govuk-tag govuk-phase-banner__content__tag">{t("phase.tag")}</strong>
          <span className="govuk-phase-banner__text">
            {t("phase.lead")}{" "}
            <Link className="govuk-link" to="/feedback">
              {t("phase.link")}
            </Link>
            {t("phase.end")}
          </span>
        </p>
      </div>
    </section>
  );
}
