import type { ReactNode } from "react";
import { translateLoose } from "~/i18n/translate";
import { useI18n } from "~/i18n/use-t";
import { fieldId } from "./error-summary";

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  /** Makes the label the page heading, as GOV.UK does for one-question pages. */
  labelClassName?: string;
}

/** A field's hint and its first error, with the ids `describedBy` names: for any field, labelled or a fieldset. */
export function HintAndError({ name, hint, errors }: { name: string; hint?: string; errors?: string[] }) {
  const { t } = useI18n();
  const id = fieldId(name);
  const error = errors?.[0];
  return (
    <>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">{t("form.errorPrefix")}</span> {translateLoose(t, error)}
        </p>
      ) : null}
    </>
  );
}

/** The GOV.UK form group of one labelled field: label, hint, error, then the field itself. */
export function FieldShell({
  name,
  label,
  hint,
  errors,
  labelClassName,
  className,
  children,
}: FieldProps & { className?: string; children: ReactNode }) {
  return (
    <div
      className={`govuk-form-group${className ? ` ${className}` : ""}${errors?.length ? " govuk-form-group--error" : ""}`}
    >
      <label className={`govuk-label ${labelClassName ?? "govuk-label--s"}`} htmlFor={fieldId(name)}>
        {label}
      </label>
      <HintAndError name={name} hint={hint} errors={errors} />
      {children}
    </div>
  );
}

/** The ids of a field's hint and error, for its aria-describedby. */
export function describedBy(name: string, hint?: string, errors?: string[]): string | undefined {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function TextInput({
  defaultValue,
  type = "text",
  autoComplete,
  width,
  ...field
}: FieldProps & { defaultValue?: string; type?: string; autoComplete?: string; width?: "10" | "20" | "30" }) {
  const id = fieldId(field.name);
  const hasError = Boolean(field.errors?.length);
  return (
    <FieldShell {...field}>
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${hasError ? " govuk-input--error" : ""}`}
        id={id}
        name={field.name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        spellCheck={type === "text" ? undefined : false}
        aria-describedby={describedBy(field.name, field.hint, field.errors)}
        aria-invalid={hasError || undefined}
      />
    </FieldShell>
  );
}

export function Textarea({ defaultValue, rows = 5, ...field }: FieldProps & { defaultValue?: string; rows?: number }) {
  const id = fieldId(field.name);
  const hasError = Boolean(field.errors?.length);
  return (
    <FieldShell {...field}>
      <textarea
        className={`govuk-textarea${hasError ? " govuk-textarea--error" : ""}`}
        id={id}
        name={field.name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(field.name, field.hint, field.errors)}
        aria-invalid={hasError || undefined}
      />
    </FieldShell>
  );
}

export function Select({
  options,
  defaultValue,
  ...field
}: FieldProps & { options: { value: string; label: string }[]; defaultValue?: string }) {
  const id = fieldId(field.name);
  const hasError = Boolean(field.errors?.length);
  return (
    <FieldShell {...field}>
      <select
        className={`govuk-select${hasError ? " govuk-select--error" : ""}`}
        id={id}
        name={field.name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(field.name, field.hint, field.errors)}
        aria-invalid={hasError || undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Radios({
  name,
  legend,
  options,
  defaultValue,
  errors,
  legendClassName = "govuk-fieldset__legend--s",
  isPageHeading = false,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string;
  errors?: string[];
  legendClassName?: string;
  isPageHeading?: boolean;
}) {
  const id = fieldId(name);
  const error = errors?.[0];
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, undefined, errors)}>
        <legend className={`govuk-fieldset__legend ${legendClassName}`}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        <HintAndError name={name} errors={errors} />
        <div className="govuk-radios" data-module="govuk-radios">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div className="govuk-radios__item" key={option.value}>
                <input
                  className="govuk-radios__input"
                  id={optionId}
                  name={name}
                  type="radio"
                  value={option.value}
                  defaultChecked={option.value === defaultValue}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={`${optionId}-hint`} className="govuk-hint govuk-radios__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
