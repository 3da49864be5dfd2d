import { Form, Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import { type DateValue, datePartsOf } from "~/posts/post-dates";
import { ROADMAP_ITEM_FIELD_ORDER } from "~/roadmap/roadmap-item-schemas";
import { ROADMAP_STATUSES } from "../../db/enums";
import { Checkboxes } from "./checkboxes";
import { DateInput, dateInputFirstId } from "./date-input";
import { ErrorSummary } from "./error-summary";
import { Radios, Select, Textarea, TextInput } from "./form-fields";

export interface RoadmapItemFormValues {
  title?: string;
  slug?: string;
  summary?: string;
  description?: string;
  theme?: string;
  status?: string;
  startQuarter?: string;
  targetQuarter?: string;
  partners?: string[];
  owner?: string;
  reviewedAt?: DateValue;
  changeNote?: string;
}

interface Choices {
  themes: { slug: string; name: string }[];
  partners: { slug: string; name: string }[];
  owners: { id: string; name: string; partnerName: string }[];
}

/**
 * The roadmap item form, for a new item and an edit. Only someone who may
 * assign owners chooses one; anyone else sees the owner and sends it back as it is.
 */
export function RoadmapItemForm({
  heading,
  values,
  errors,
  choices,
  mayAssignOwner,
  ownerName,
  editing,
  cancelTo,
}: {
  heading: string;
  values: RoadmapItemFormValues;
  errors: Record<string, string[] | undefined>;
  choices: Choices;
  mayAssignOwner: boolean;
  ownerName?: string | null;
  editing: boolean;
  cancelTo: string;
}) {
  const { t } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary
          errors={errors}
          fieldOrder={ROADMAP_ITEM_FIELD_ORDER}
          fieldIds={{ reviewedAt: dateInputFirstId("reviewedAt") }}
        />
        <h1 className="govuk-heading-l app-break-words">{heading}</h1>
        <Form method="post" noValidate>
          <TextInput name="title" label={t("roadmap.form.title")} defaultValue={values.title} errors={errors.title} />
          <Textarea
            name="summary"
            label={t("roadmap.form.summary")}
            hint={t("roadmap.form.summaryHint")}
            rows={3}
            defaultValue={values.summary}
            errors={errors.summary}
          />
          <Textarea
            name="description"
            label={t("roadmap.form.description")}
            hint={t("roadmap.form.descriptionHint")}
            rows={10}
            defaultValue={values.description}
            errors={errors.description}
          />
          <Select
            name="theme"
            label={t("roadmap.form.theme")}
            defaultValue={values.theme ?? ""}
            options={[
              { value: "", label: t("roadmap.form.chooseTheme") },
              ...choices.themes.map((theme) => ({ value: theme.slug, label: theme.name })),
            ]}
            errors={errors.theme}
          />
          <Radios
            name="status"
            legend={t("roadmap.form.status")}
            defaultValue={values.status ?? "proposed"}
            options={ROADMAP_STATUSES.map((status) => ({ value: status, label: t(`roadmap.status.${status}`) }))}
            errors={errors.status}
          />
          <TextInput
            name="startQuarter"
            label={t("roadmap.form.startQuarter")}
            hint={t("roadmap.quarter.hint")}
            width="10"
            defaultValue={values.startQuarter}
            errors={errors.startQuarter}
          />
          <TextInput
            name="targetQuarter"
            label={t("roadmap.form.targetQuarter")}
            hint={t("roadmap.quarter.hint")}
            width="10"
            defaultValue={values.targetQuarter}
            errors={errors.targetQuarter}
          />
          <Checkboxes
            name="partners"
            legend={t("roadmap.form.partners")}
            hint={t("roadmap.form.partnersHint")}
            small
            options={choices.partners.map((partner) => ({ value: partner.slug, label: partner.name }))}
            checked={values.partners ?? []}
            errors={errors.partners}
          />
          {mayAssignOwner ? (
            <Select
              name="owner"
              label={t("roadmap.form.owner")}
              hint={t("roadmap.form.ownerHint")}
              defaultValue={values.owner ?? ""}
              options={[
                { value: "", label: t("roadmap.form.chooseOwner") },
                ...choices.owners.map((person) => ({
                  value: person.id,
                  label: t("roadmap.form.ownerOption", { name: person.name, partner: person.partnerName }),
                })),
              ]}
              errors={errors.owner}
            />
          ) : (
            <div className="govuk-form-group">
              <h2 className="govuk-label govuk-label--s">{t("roadmap.form.owner")}</h2>
              <p className="govuk-body">
                {ownerName ?? t("roadmap.item.noOwner")}
                <br />
                <span className="govuk-hint">{t("roadmap.form.ownerFixed")}</span>
              </p>
              <input type="hidden" name="owner" value={values.owner ?? ""} />
            </div>
          )}
          <DateInput
            name="reviewedAt"
            legend={t("roadmap.form.reviewedAt")}
            hint={t(editing ? "roadmap.form.reviewedAtEditHint" : "roadmap.form.reviewedAtHint")}
            value={datePartsOf(values.reviewedAt)}
            errors={errors.reviewedAt}
          />
          {editing ? (
            <TextInput
              name="changeNote"
              label={t("roadmap.form.changeNote")}
              defaultValue={values.changeNote}
              errors={errors.changeNote}
            />
          ) : null}
          <TextInput
            name="slug"
            label={t("roadmap.form.slug")}
            hint={t("roadmap.form.slugHint")}
            defaultValue={values.slug}
            errors={errors.slug}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t(editing ? "roadmap.form.save" : "roadmap.form.create")}
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
