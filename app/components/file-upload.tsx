import { fieldId } from "./error-summary";
import { describedBy, FieldShell } from "./form-fields";

/** The GOV.UK file upload (its plain form, without the drop zone's script). */
export function FileUpload({
  name,
  label,
  hint,
  accept,
  errors,
}: {
  name: string;
  label: string;
  hint?: string;
  accept?: string;
  errors?: string[];
}) {
  const hasError = Boolean(errors?.length);
  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors}>
      <input
        className={`govuk-file-upload${hasError ? " govuk-file-upload--error" : ""}`}
        id={fieldId(name)}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={describedBy(name, hint, errors)}
        aria-invalid={hasError || undefined}
      />
    </FieldShell>
  );
}
