import { type MouseEvent, useEffect, useRef } from "react";
import { translateLoose } from "~/i18n/translate";
import { useI18n } from "~/i18n/use-t";

type FieldErrors = Record<string, string[] | undefined>;

/**
 * The fields with errors, in the order of `fieldOrder` (the fields as they
 * appear on the page); any field it does not name comes after, in the order
 * the errors were given.
 */
export function orderedErrors(errors: FieldErrors, fieldOrder: readonly string[] = []): [string, string[]][] {
  const entries = Object.entries(errors).filter(
    (entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].length > 0,
  );
  const position = (field: string) => {
    const index = fieldOrder.indexOf(field);
    return index === -1 ? fieldOrder.length : index;
  };
  // Array.prototype.sort is stable: fields not in fieldOrder keep their order.
  return entries.sort(([a], [b]) => position(a) - position(b));
}

/**
 * GOV.UK error summary: listed first on the page, focused, each error linking
 * to its field. GOV.UK Frontend's script moves focus to the field and
 * scrolls its label into view without following the link; following it
 * would be a navigation, and Remix would drop the errors with it. Should the
 * script not have handled a click (a link to something that is not a
 * labelled field), the same is done here.
 */
export function ErrorSummary({
  errors,
  fieldIds,
  fieldOrder,
}: {
  errors: FieldErrors;
  /** The element a field's link goes to, when it is not fieldId(name). */
  fieldIds?: Record<string, string>;
  /** The form's field names as they appear on the page: the summary lists errors in this order. */
  fieldOrder?: readonly string[];
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const entries = orderedErrors(errors, fieldOrder);
  // Each new set of errors (every rejected submission) moves focus here, so it is announced.
  // GOV.UK's script would do it only when it starts, once per element (it is told not to).
  useEffect(() => {
    if (Object.values(errors).some((messages) => messages?.length)) ref.current?.focus();
  }, [errors]);
  if (entries.length === 0) return null;
  return (
    <div
      className="govuk-error-summary"
      data-module="govuk-error-summary"
      data-disable-auto-focus="true"
      tabIndex={-1}
      ref={ref}
    >
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t("form.errorSummary")}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map(([field, messages]) => (
              <li key={field}>
                <a href={`#${fieldIds?.[field] ?? fieldId(field)}`} onClick={focusFieldInstead}>
                  {translateLoose(t, messages[0] ?? "")}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function focusFieldInstead(event: MouseEvent<HTMLAnchorElement>) {
  if (event.defaultPrevented) return;
  const id = event.currentTarget.hash.slice(1);
  const target = id ? document.getElementById(decodeURIComponent(id)) : null;
  if (!target) return;
  event.preventDefault();
  if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
}

/** The element id for a form field name ("section.lesson" becomes "section-lesson"). */
export function fieldId(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, "-");
}
