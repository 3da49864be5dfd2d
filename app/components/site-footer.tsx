import { useI18n } from "~/i18n/use-t";

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <p className="govuk-body-s govuk-!-margin-bottom-2">{t("footer.about")}</p>
            <p className="govuk-body-s govuk-!-margin-bottom-0">{t("footer.demoNotice")}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
