import { Link } from "@remix-run/react";
import type { GlossaryExpansion } from "~/glossary/glossary-rules";
import { useI18n } from "~/i18n/use-t";

/** "Also searched for: disaster recovery": the glossary terms a query reached through another of their names. */
export function AlsoSearchedFor({ expansions }: { expansions: GlossaryExpansion[] }) {
  const { t } = useI18n();
  if (expansions.length === 0) return null;
  return (
    <p className="govuk-body app-also-searched-for">
      {t("glossary.searchAlso")}{" "}
      {expansions.map((expansion, at) => (
        <span key={expansion.slug}>
          {at > 0 ? ", " : null}
          <Link className="govuk-link" to={`/glossary#${expansion.slug}`}>
            {expansion.name}
          </Link>
        </span>
      ))}
    </p>
  );
}

/** The finder's way to the glossary, below its filters. */
export function FinderGlossaryLink() {
  const { t } = useI18n();
  return (
    <p className="govuk-body-s app-finder__glossary">
      <Link className="govuk-link" to="/glossary">
        {t("glossary.finderLink")}
      </Link>
      <br />
      {t("glossary.finderLinkHint")}
    </p>
  );
}
