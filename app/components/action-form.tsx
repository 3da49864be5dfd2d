import { Form, Link } from "@remix-run/react";
import { DateInput, type DateInputValue, dateInputFirstId } from "~/components/date-input";
import { ErrorSummary } from "~/components/error-summary";
import { Select, Textarea } from "~/components/form-fields";
import { useI18n } from "~/i18n/use-t";

export interface ActionFormValues {
  description?: string;
  owner?: string;
  partner?: string;
  dueDate?: DateInputValue;
}

const FIELD_ORDER = ["decision", "description", "owner", "partner", "dueDate"] as const;

/** The form that adds or edits an action: description, owner, partner (the owner's by default), due date. */
export function ActionForm({
  heading,
  caption,
  values,
  errors,
  owners,
  partners,
  submitLabel,
  cancelTo,
}: {
  heading: string;
  caption: string;
  values: ActionFormValues;
  errors: Record<string, string[] | undefined>;
  owners: { id: string; name: string; partnerName: string }[];
  partners: { slug: string; name: string }[];
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary
          errors={errors as Record<string, string[]>}
          fieldOrder={FIELD_ORDER}
          fieldIds={{ dueDate: dateInputFirstId("dueDate") }}
        />
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">{heading}</h1>
        <Form method="post" noValidate>
          <Textarea
            name="description"
            label={t("actions.form.description")}
            hint={t("actions.form.descriptionHint")}
            rows={4}
            defaultValue={values.description}
            errors={errors.description}
          />
          <Select
            name="owner"
            label={t("actions.form.owner")}
            hint={t("actions.form.ownerHint")}
            defaultValue={values.owner ?? ""}
            options={[
              { value: "", label: t("actions.form.chooseOwner") },
              ...owners.map((owner) => ({ value: owner.id, label: `${owner.name} (${owner.partnerName})` })),
            ]}
            errors={errors.owner}
          />
          <Select
            name="partner"
            label={t("actions.form.partner")}
            hint={t("actions.form.partnerHint")}
            defaultValue={values.partner ?? ""}
            options={[
              { value: "", label: t("actions.form.ownersPartner") },
              ...partners.map((partner) => ({ value: partner.slug, label: partner.name })),
            ]}
            errors={errors.partner}
          />
          <DateInput
            name="dueDate"
            legend={t("actions.form.dueDate")}
            hint={t("actions.form.dueDateHint")}
            value={values.dueDate}
            errors={errors.dueDate}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {submitLabel}
            </button>
            <Link className="govuk-link" to={cancelTo}>
              {t("form.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
