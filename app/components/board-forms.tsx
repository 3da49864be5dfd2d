import { Form, Link } from "@remix-run/react";
import { BOARD_FIELD_ORDER } from "~/boards/board-schemas";
import { MEETING_FIELD_ORDER } from "~/boards/meeting-schemas";
import { useI18n } from "~/i18n/use-t";
import type { DateValue } from "~/posts/post-dates";
import { datePartsOf } from "~/posts/post-dates";
import { DateInput, dateInputFirstId } from "./date-input";
import { ErrorSummary } from "./error-summary";
import { Radios, Textarea, TextInput } from "./form-fields";

export interface BoardFormValues {
  name?: string;
  slug?: string;
  referencePrefix?: string;
  description?: string;
}

/** A board's form: a new board, or an edit (its address then stays as it is). */
export function BoardForm({
  heading,
  values,
  errors,
  editing,
  prefixFixed,
  cancelTo,
}: {
  heading: string;
  values: BoardFormValues;
  errors: Record<string, string[] | undefined>;
  editing: boolean;
  prefixFixed: boolean;
  cancelTo: string;
}) {
  const { t } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors as Record<string, string[]>} fieldOrder={BOARD_FIELD_ORDER} />
        <h1 className="govuk-heading-l app-break-words">{heading}</h1>
        <Form method="post" noValidate>
          <TextInput name="name" label={t("boards.form.name")} defaultValue={values.name} errors={errors.name} />
          {editing ? (
            <input type="hidden" name="slug" value={values.slug ?? ""} />
          ) : (
            <TextInput
              name="slug"
              label={t("boards.form.slug")}
              hint={t("boards.form.slugHint")}
              width="20"
              defaultValue={values.slug}
              errors={errors.slug}
            />
          )}
          {prefixFixed ? (
            <>
              <input type="hidden" name="referencePrefix" value={values.referencePrefix ?? ""} />
              <p className="govuk-body">{t("boards.form.prefixFixed", { prefix: values.referencePrefix ?? "" })}</p>
            </>
          ) : (
            <TextInput
              name="referencePrefix"
              label={t("boards.form.referencePrefix")}
              hint={t("boards.form.referencePrefixHint")}
              width="10"
              defaultValue={values.referencePrefix}
              errors={errors.referencePrefix}
            />
          )}
          <Textarea
            name="description"
            label={t("boards.form.description")}
            hint={t("boards.form.descriptionHint")}
            rows={8}
            defaultValue={values.description}
            errors={errors.description}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
              {t("boards.form.save")}
            </button>
            <Link className="govuk-link" to={cancelTo}>
              {t("boards.form.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}

export interface MeetingFormValues {
  day?: DateValue;
  startTime?: string;
  endTime?: string;
  location?: string;
  onlineUrl?: string;
  status?: string;
}

/** A meeting's form: when and where; on an edit, its status too. */
export function MeetingForm({
  heading,
  caption,
  values,
  errors,
  statuses,
  cancelTo,
}: {
  heading: string;
  caption: string;
  values: MeetingFormValues;
  errors: Record<string, string[] | undefined>;
  /** The statuses it may be given (an edit); none for a new meeting. */
  statuses: string[];
  cancelTo: string;
}) {
  const { t } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary
          errors={errors as Record<string, string[]>}
          fieldOrder={MEETING_FIELD_ORDER}
          fieldIds={{ day: dateInputFirstId("day") }}
        />
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">{heading}</h1>
        <Form method="post" noValidate>
          <DateInput
            name="day"
            legend={t("meetings.form.day")}
            hint={t("meetings.form.dayHint")}
            value={datePartsOf(values.day)}
            errors={errors.day}
          />
          <TextInput
            name="startTime"
            label={t("meetings.form.startTime")}
            hint={t("meetings.form.timeHint")}
            width="10"
            defaultValue={values.startTime}
            errors={errors.startTime}
          />
          <TextInput
            name="endTime"
            label={t("meetings.form.endTime")}
            hint={t("meetings.form.endTimeHint")}
            width="10"
            defaultValue={values.endTime}
            errors={errors.endTime}
          />
          <TextInput
            name="location"
            label={t("meetings.form.location")}
            hint={t("meetings.form.locationHint")}
            defaultValue={values.location}
            errors={errors.location}
          />
          <TextInput
            name="onlineUrl"
            label={t("meetings.form.onlineUrl")}
            hint={t("meetings.form.onlineUrlHint")}
            type="url"
            defaultValue={values.onlineUrl}
            errors={errors.onlineUrl}
          />
          {statuses.length > 1 ? (
            <Radios
              name="status"
              legend={t("meetings.form.status")}
              defaultValue={values.status}
              options={statuses.map((status) => ({
                value: status,
                label: t(`meetings.status.${status}` as "meetings.status.held"),
              }))}
              errors={errors.status}
            />
          ) : values.status ? (
            <input type="hidden" name="status" value={values.status} />
          ) : null}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
              {t("meetings.form.save")}
            </button>
            <Link className="govuk-link" to={cancelTo}>
              {t("boards.form.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}

export function MeetingStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const colour = status === "held" ? "govuk-tag--green" : status === "cancelled" ? "govuk-tag--red" : "govuk-tag--blue";
  return <strong className={`govuk-tag ${colour}`}>{t(`meetings.status.${status}` as "meetings.status.held")}</strong>;
}
