import { Link } from "@remix-run/react";
import { Fragment } from "react";
import { useI18n } from "~/i18n/use-t";
import type { EmptyQueryReason } from "~/search/empty-query";

/** A corrected query and the finder's address for it (see app/search/did-you-mean.server.ts). */
export interface CorrectionLink {
  q: string;
  href: string;
}

/** "Did you mean: telephony strategy?", each correction a link to its search. */
function DidYouMean({ corrections }: { corrections: CorrectionLink[] }) {
  const { t } = useI18n();
  return (
    <p className="govuk-body app-did-you-mean">
      {t("didYouMean.label")}{" "}
      {corrections.map((correction, index) => (
        <Fragment key={correction.q}>
          {index > 0 ? (index === corrections.length - 1 ? ` ${t("didYouMean.or")} ` : ", ") : null}
          <Link className="govuk-link govuk-!-font-weight-bold" to={correction.href}>
            {correction.q}
          </Link>
        </Fragment>
      ))}
      ?
    </p>
  );
}

function GlossaryHint() {
  const { t } = useI18n();
  return (
    <>
      {t("finderHelp.glossaryBefore")}{" "}
      <Link className="govuk-link" to="/glossary">
        {t("finderHelp.glossaryLink")}
      </Link>{" "}
      {t("finderHelp.glossaryAfter")}
    </>
  );
}

/**
 * What the finder says when words found nothing, or could not be searched:
 * for stop words or punctuation alone, what to type instead; for a search
 * that found nothing, its corrections, the glossary and the usual advice;
 * for one that found a few, its corrections only.
 */
export function FinderNoResults({
  q,
  total,
  filtered,
  emptyQuery,
  corrections,
}: {
  q: string;
  total: number;
  filtered: boolean;
  emptyQuery: EmptyQueryReason | null;
  corrections: CorrectionLink[];
}) {
  const { t } = useI18n();
  if (emptyQuery) {
    return (
      <div className="govuk-inset-text app-finder-help">
        <h2 className="govuk-heading-m">{t(`finderHelp.${emptyQuery}Title`)}</h2>
        <p className="govuk-body">{t(`finderHelp.${emptyQuery}Text`)}</p>
        <p className="govuk-body">
          <GlossaryHint />
        </p>
      </div>
    );
  }
  if (!q.trim()) return null;
  if (total > 0) return corrections.length > 0 ? <DidYouMean corrections={corrections} /> : null;
  return (
    <div className="app-finder-help">
      <h2 className="govuk-heading-m">{t("search.emptyTitle")}</h2>
      {corrections.length > 0 ? <DidYouMean corrections={corrections} /> : null}
      <ul className="govuk-list govuk-list--bullet">
        <li>{t("search.emptySpelling")}</li>
        <li>{t("search.emptyFewer")}</li>
        {filtered ? <li>{t("finderHelp.filters")}</li> : null}
        <li>
          <GlossaryHint />
        </li>
      </ul>
    </div>
  );
}
