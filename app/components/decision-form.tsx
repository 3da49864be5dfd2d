import { Form, Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/en";
import { useI18n } from "~/i18n/use-t";
import { INITIAL_DECISION_STATUSES } from "../decisions/decision-limits";
import { DECISION_FIELD_ORDER, type DecisionFormValues } from "../decisions/decision-schemas";
import { DateInput, dateInputFirstId } from "./date-input";
import { ErrorSummary, fieldId } from "./error-summary";
import { HintAndError, Radios, Select, Textarea, TextInput } from "./form-fields";
import { MarkdownHelp } from "./markdown-help";

export interface DecisionFormChoices {
  agendaItems: { id: number; position: number; title: string }[];
  leadOfficers: { id: string; name: string; partnerName: string }[];
}

/**
 * Recording or editing a decision. There is no reference field: a decision
 * is numbered when it is first saved, and its reference never changes. The
 * status is chosen when recording; later changes go through the status page.
 */
export function DecisionForm({
  heading,
  caption,
  values,
  errors,
  choices,
  editing = false,
  cancelTo,
}: {
  heading: string;
  caption: string;
  values: DecisionFormValues;
  errors: Record<string, string[] | undefined>;
  choices: DecisionFormChoices;
  editing?: boolean;
  cancelTo: string;
}) {
  const { t } = useI18n();
  const confidentialError = errors.confidential;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary
          errors={errors}
          fieldOrder={DECISION_FIELD_ORDER}
          fieldIds={{ effectiveDate: dateInputFirstId("effectiveDate") }}
        />
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l app-break-words">{heading}</h1>
        {editing ? null : <p className="govuk-body">{t("decisions.form.referenceHint")}</p>}
        <Form method="post" noValidate>
          <TextInput
            name="title"
            label={t("decisions.form.title")}
            hint={t("decisions.form.titleHint")}
            defaultValue={values.title}
            errors={errors.title}
          />
          {choices.agendaItems.length > 0 ? (
            <Select
              name="agendaItem"
              label={t("decisions.form.agendaItem")}
              defaultValue={values.agendaItem}
              errors={errors.agendaItem}
              options={[
                { value: "", label: t("decisions.form.noAgendaItem") },
                ...choices.agendaItems.map((item) => ({
                  value: String(item.id),
                  label: t("decisions.form.agendaItemOption", { position: item.position, title: item.title }),
                })),
              ]}
            />
          ) : null}
          <Textarea
            name="text"
            label={t("decisions.form.text")}
            hint={t("decisions.form.textHint")}
            defaultValue={values.text}
            errors={errors.text}
            rows={8}
          />
          <MarkdownHelp />
          <TextInput
            name="decisionMaker"
            label={t("decisions.form.decisionMaker")}
            hint={t("decisions.form.decisionMakerHint")}
            defaultValue={values.decisionMaker}
            errors={errors.decisionMaker}
          />
          {editing ? null : (
            <Radios
              name="status"
              legend={t("decisions.form.status")}
              defaultValue={values.status}
              errors={errors.status}
              options={INITIAL_DECISION_STATUSES.map((status) => ({
                value: status,
                label: t(`decisions.status.${status}` as MessageKey),
              }))}
            />
          )}
          <DateInput
            name="effectiveDate"
            legend={t("decisions.form.effectiveDate")}
            hint={t("decisions.form.effectiveDateHint")}
            value={values.effectiveDate}
            errors={errors.effectiveDate}
          />
          <Select
            name="leadOfficer"
            label={t("decisions.form.leadOfficer")}
            defaultValue={values.leadOfficer}
            errors={errors.leadOfficer}
            options={[
              { value: "", label: t("decisions.form.noLeadOfficer") },
              ...choices.leadOfficers.map((person) => ({
                value: person.id,
                label: t("decisions.form.leadOfficerOption", { name: person.name, partner: person.partnerName }),
              })),
            ]}
          />
          <div className={`govuk-form-group${confidentialError?.length ? " govuk-form-group--error" : ""}`}>
            <fieldset className="govuk-fieldset" aria-describedby={`${fieldId("confidential")}-hint`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                {t("decisions.form.confidential")}
              </legend>
              <HintAndError
                name="confidential"
                hint={t("decisions.form.confidentialHint")}
                errors={confidentialError}
              />
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={fieldId("confidential")}
                    name="confidential"
                    type="checkbox"
                    value="yes"
                    defaultChecked={values.confidential}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={fieldId("confidential")}>
                    {t("decisions.form.confidentialLabel")}
                  </label>
                </div>
              </div>
            </fieldset>
          </div>
          {editing ? (
            <TextInput
              name="changeNote"
              label={t("decisions.form.changeNote")}
              defaultValue={values.changeNote}
              errors={errors.changeNote}
            />
          ) : null}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
              {t(editing ? "decisions.form.save" : "decisions.form.record")}
            </button>
            <Link className="govuk-link" to={cancelTo}>
              {t("decisions.form.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
