import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { Textarea, TextInput } from "~/components/form-fields";
import type { GlossaryFormValues } from "~/glossary/glossary-form";
import { GLOSSARY_FIELD_ORDER } from "~/glossary/glossary-rules";
import { useI18n } from "~/i18n/use-t";

/** A glossary term's fields: the headword, its names one per line, and its description. */
export function GlossaryTermForm({
  values,
  errors,
  submitLabel,
}: {
  values: GlossaryFormValues;
  errors: Record<string, string[] | undefined>;
  submitLabel: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <ErrorSummary errors={errors} fieldOrder={GLOSSARY_FIELD_ORDER} />
      <Form method="post" noValidate>
        <TextInput
          name="term"
          label={t("glossary.form.term")}
          hint={t("glossary.form.termHint")}
          defaultValue={values.term}
          errors={errors.term}
        />
        <Textarea
          name="abbreviations"
          rows={2}
          label={t("glossary.form.abbreviations")}
          hint={t("glossary.form.abbreviationsHint")}
          defaultValue={values.abbreviations}
          errors={errors.abbreviations}
        />
        <Textarea
          name="otherNames"
          rows={3}
          label={t("glossary.form.otherNames")}
          hint={t("glossary.form.otherNamesHint")}
          defaultValue={values.otherNames}
          errors={errors.otherNames}
        />
        <Textarea
          name="welshTerms"
          rows={2}
          label={t("glossary.form.welshTerms")}
          hint={t("glossary.form.welshTermsHint")}
          defaultValue={values.welshTerms}
          errors={errors.welshTerms}
        />
        <Textarea
          name="alsoFinds"
          rows={3}
          label={t("glossary.form.alsoFinds")}
          hint={t("glossary.form.alsoFindsHint")}
          defaultValue={values.alsoFinds}
          errors={errors.alsoFinds}
        />
        <Textarea
          name="description"
          rows={3}
          label={t("glossary.form.description")}
          hint={t("glossary.form.descriptionHint")}
          defaultValue={values.description}
          errors={errors.description}
        />
        <button type="submit" name="intent" value="save" className="govuk-button" data-module="govuk-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
