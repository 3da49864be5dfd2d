import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";

/** The service's own pages, as every public-sector service links them (decision 032). */
const SUPPORT_LINKS = [
  { to: "/help", key: "footer.help" },
  { to: "/contact", key: "footer.contact" },
  { to: "/feedback", key: "footer.feedback" },
  { to: "/accessibility", key: "footer.accessibility" },
  { to: "/privacy", key: "footer.privacy" },
] as const;

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">{t("footer.supportLinks")}</h2>
            <ul className="govuk-footer__inline-list">
              {SUPPORT_LINKS.map((link) => (
                <li className="govuk-footer__inline-list-item" key={link.to}>
                  <Link className="govuk-footer__link" to={link.to}>
                    {t(link.key)}
                  </Link>
                </li>
              ))}
            </ul>
            <p className="govuk-body-s govuk-!-margin-bottom-2">{t("footer.about")}</p>
            <p className="govuk-body-s govuk-!-margin-bottom-0">{t("footer.demoNotice")}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
