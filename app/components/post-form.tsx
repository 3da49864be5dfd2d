import { Form, Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import type { PostFormValues } from "~/posts/post-form-values";
import { POST_STATUSES, type PostKind, SHORT_SECTIONS, sectionsOf } from "~/posts/post-kinds";
import type { FieldErrors } from "~/posts/post-schemas";
import { ErrorSummary } from "./error-summary";
import { Radios, Select, Textarea, TextInput } from "./form-fields";

/**
 * The create and edit form. The kind is fixed (a hidden field); partners lists
 * only those the user may publish for.
 */
export function PostForm({
  kind,
  heading,
  values,
  errors,
  partners,
  cancelTo,
  deleteTo,
}: {
  kind: PostKind;
  heading: string;
  values: PostFormValues;
  errors: FieldErrors;
  partners: { slug: string; name: string }[];
  cancelTo: string;
  /** Where to delete the post from, when it already exists. */
  deleteTo?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{t(`kinds.${kind}`)}</span>
        <h1 className="govuk-heading-l">{heading}</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="kind" value={kind} />
          <TextInput name="title" label={t("form.title")} defaultValue={values.title} errors={errors.title} />
          <Textarea
            name="summary"
            label={t("form.summary")}
            hint={t("form.summaryHint")}
            rows={3}
            defaultValue={values.summary}
            errors={errors.summary}
          />
          <Select
            name="partner"
            label={t("form.partner")}
            defaultValue={values.partner ?? (partners.length === 1 ? partners[0]?.slug : "")}
            // An editor publishes for one partner only, so there is nothing to choose.
            options={[
              ...(partners.length === 1 ? [] : [{ value: "", label: t("form.choosePartner") }]),
              ...partners.map((p) => ({ value: p.slug, label: p.name })),
            ]}
            errors={errors.partner}
          />
          <h2 className="govuk-heading-m govuk-!-margin-top-8">{t(`form.sectionsHeading.${kind}`)}</h2>
          {sectionsOf(kind).map((key) =>
            SHORT_SECTIONS.has(key) ? (
              <TextInput
                key={key}
                name={`section.${key}`}
                label={t(`sections.${key}`)}
                width="20"
                defaultValue={values.sections?.[key]}
                errors={errors[`section.${key}`]}
              />
            ) : (
              <Textarea
                key={key}
                name={`section.${key}`}
                label={t(`sections.${key}`)}
                hint={t("form.bodyHint")}
                rows={6}
                defaultValue={values.sections?.[key]}
                errors={errors[`section.${key}`]}
              />
            ),
          )}
          <Textarea
            name="body"
            label={t("form.body")}
            hint={t("form.bodyHint")}
            rows={16}
            defaultValue={values.body}
            errors={errors.body}
          />
          <TextInput
            name="tags"
            label={t("form.tags")}
            hint={t("form.tagsHint")}
            defaultValue={values.tags}
            errors={errors.tags}
          />
          <TextInput
            name="slug"
            label={t("form.slug")}
            hint={t("form.slugHint")}
            width="30"
            defaultValue={values.slug}
            errors={errors.slug}
          />
          <Radios
            name="status"
            legend={t("form.status")}
            defaultValue={values.status ?? "draft"}
            errors={errors.status}
            options={POST_STATUSES.map((status) => ({
              value: status,
              label: t(`statuses.${status}`),
              hint: t(`statusHints.${status}`),
            }))}
          />
          {deleteTo ? (
            // Editing an existing post: say what changed, for the revision history.
            <TextInput
              name="changeNote"
              label={t("form.changeNote")}
              hint={t("form.changeNoteHint")}
              defaultValue={values.changeNote}
              errors={errors.changeNote}
            />
          ) : null}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("form.save")}
            </button>
            <Link className="govuk-link" to={cancelTo}>
              {t("form.cancel")}
            </Link>
          </div>
        </Form>
        {deleteTo ? (
          <p className="govuk-body">
            <Link className="govuk-link app-link-warning" to={deleteTo}>
              {t("delete.link")}
            </Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
