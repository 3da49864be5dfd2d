import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";

/** The GOV.UK phase banner under the header, on every page: the service is in beta, and feedback is welcome. */
export function PhaseBanner() {
  const { t } = useI18n();
  return (
    <div className="govuk-width-container">
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
    </div>
  );
}
