import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";

/**
 * The pages to offer around `page`: the first, the last, the current one and
 * its neighbours, with a gap (null) wherever pages are left out, as the
 * GOV.UK pattern has it: 1 … 4 5 6 … 20.
 */
export function pageNumbers(page: number, pageCount: number): (number | null)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((number) => number >= 1 && number <= pageCount)
    .sort((a, b) => a - b);
  const numbers: (number | null)[] = [];
  for (const [index, number] of shown.entries()) {
    const previous = shown[index - 1];
    // A gap of one page is shown as that page: an ellipsis would hide no more than a number.
    if (previous !== undefined && number - previous === 2) numbers.push(previous + 1);
    else if (previous !== undefined && number - previous > 2) numbers.push(null);
    numbers.push(number);
  }
  return numbers;
}

function PrevIcon() {
  return (
    <svg
      className="govuk-pagination__icon govuk-pagination__icon--prev"
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
    </svg>
  );
}

function NextIcon() {
  return (
    <svg
      className="govuk-pagination__icon govuk-pagination__icon--next"
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
    </svg>
  );
}

/** GOV.UK numbered pagination that keeps the current query string and changes only `page`. */
export function Pagination({ page, pageCount, search }: { page: number; pageCount: number; search: string }) {
  const { t } = useI18n();
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(search);
    if (target > 1) params.set("page", String(target));
    else params.delete("page");
    return `?${params}`;
  };
  return (
    <nav className="govuk-pagination" aria-label={t("pagination.label")}>
      {page > 1 && page <= pageCount ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page - 1)} rel="prev">
            <PrevIcon />
            <span className="govuk-pagination__link-title">
              {t("pagination.previous")}
              <span className="govuk-visually-hidden"> {t("pagination.pageWord")}</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageNumbers(Math.min(page, pageCount), pageCount).map((number, index) =>
          number === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a gap has no identity but its place
            <li key={`gap-${index}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
              ⋯
            </li>
          ) : (
            <li
              key={number}
              className={`govuk-pagination__item${number === page ? " govuk-pagination__item--current" : ""}`}
            >
              <Link
                className="govuk-link govuk-pagination__link"
                to={hrefFor(number)}
                aria-label={t("pagination.pageNumber", { page: number })}
                aria-current={number === page ? "page" : undefined}
              >
                {number}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              {t("pagination.next")}
              <span className="govuk-visually-hidden"> {t("pagination.pageWord")}</span>
            </span>
            <NextIcon />
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
