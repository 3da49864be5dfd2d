import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";

/** GOV.UK breadcrumbs: the pages above this one, the current page not repeated. */
export function Breadcrumbs({ items }: { items: { to: string; label: string }[] }) {
  const { t } = useI18n();
  return (
    <nav className="govuk-breadcrumbs" aria-label={t("breadcrumbs.label")}>
      <ol className="govuk-breadcrumbs__list">
        {items.map((item) => (
          <li className="govuk-breadcrumbs__list-item" key={item.to}>
            <Link className="govuk-breadcrumbs__link" to={item.to}>
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
