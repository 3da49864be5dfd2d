import { useEffect, useRef } from "react";
import { translateLoose } from "~/i18n/translate";
import { useI18n } from "~/i18n/use-t";

/** GOV.UK error summary: listed first on the page, focused, each error linking to its field. */
export function ErrorSummary({
  errors,
  fieldIds,
}: {
  errors: Record<string, string[] | undefined>;
  fieldIds?: Record<string, string>;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter(
    (entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].length > 0,
  );
  // Each new set of errors (every rejected submission) moves focus here, so it is announced.
  useEffect(() => {
    if (Object.values(errors).some((messages) => messages?.length)) ref.current?.focus();
  }, [errors]);
  if (entries.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t("form.errorSummary")}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map(([field, messages]) => (
              <li key={field}>
                <a href={`#${fieldIds?.[field] ?? fieldId(field)}`}>{translateLoose(t, messages[0] ?? "")}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** The element id for a form field name ("section.lesson" becomes "section-lesson"). */
export function fieldId(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, "-");
}
