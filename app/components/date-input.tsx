import { useI18n } from "~/i18n/use-t";
import { fieldId } from "./error-summary";
import { describedBy, HintAndError } from "./form-fields";

/** A date as typed in the three boxes. (The same shape as posts' DateParts; any form can use it.) */
export interface DateInputValue {
  day: string;
  month: string;
  year: string;
}

const PARTS = [
  { part: "day", width: 2 },
  { part: "month", width: 2 },
  { part: "year", width: 4 },
] as const;

/**
 * GOV.UK date input: day, month and year boxes in a fieldset, sent as
 * `<name>-day`, `<name>-month` and `<name>-year`. The error summary links to
 * the day box, whose id is `dateInputFirstId(name)`.
 */
export function DateInput({
  name,
  legend,
  hint,
  value,
  errors,
}: {
  name: string;
  legend: string;
  hint?: string;
  value?: DateInputValue;
  errors?: string[];
}) {
  const { t } = useI18n();
  const id = fieldId(name);
  const error = errors?.[0];
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, errors)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <HintAndError name={name} hint={hint} errors={errors} />
        <div className="govuk-date-input" id={id}>
          {PARTS.map(({ part, width }) => (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                  {t(`writing.${part}`)}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
                  id={`${id}-${part}`}
                  name={`${name}-${part}`}
                  type="text"
                  inputMode="numeric"
                  defaultValue={value?.[part] ?? ""}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** The id of a date input's first box, for the error summary's link. */
export function dateInputFirstId(name: string): string {
  return `${fieldId(name)}-day`;
}
