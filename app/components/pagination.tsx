import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";

/** GOV.UK pagination that keeps the current query string and changes only `page`. */
export function Pagination({ page, pageCount, search }: { page: number; pageCount: number; search: string }) {
  const { t } = useI18n();
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(target));
    return `?${params}`;
  };
  return (
    <nav className="govuk-pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">{t("pagination.previous")}</span>
          </Link>
        </div>
      ) : null}
      <p className="govuk-body govuk-!-margin-bottom-0 govuk-!-margin-top-1">
        {t("pagination.page", { page, pageCount })}
      </p>
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">{t("pagination.next")}</span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
