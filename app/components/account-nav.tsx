import { Link, useLocation } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";

/** The links between the pages of one's own account. */
export function AccountNav() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const links = [
    { to: "/account/sessions", label: t("accountNav.sessions") },
    { to: "/account/password", label: t("accountNav.password") },
    { to: "/account/job-title", label: t("accountNav.jobTitle") },
  ];
  return (
    <nav aria-label={t("accountNav.label")} className="govuk-!-margin-bottom-6">
      <ul className="govuk-list app-inline-list">
        {links.map((link) => (
          <li key={link.to}>
            {pathname === link.to ? (
              <strong aria-current="page">{link.label}</strong>
            ) : (
              <Link className="govuk-link" to={link.to}>
                {link.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
