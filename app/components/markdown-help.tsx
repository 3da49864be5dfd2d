import { useI18n } from "~/i18n/use-t";

/** How to format the longer boxes, once per form, behind a GOV.UK details element. */
export function MarkdownHelp() {
  const { t } = useI18n();
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t("writing.markdownHelp")}</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">{t("writing.markdownIntro")}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{t("writing.markdownParagraph")}</li>
          <li>{t("writing.markdownHeading")}</li>
          <li>{t("writing.markdownList")}</li>
          <li>{t("writing.markdownBold")}</li>
          <li>{t("writing.markdownLink")}</li>
        </ul>
      </div>
    </details>
  );
}
