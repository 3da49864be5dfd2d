import { Form, Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import { DATED_KIND_LIST, fieldOrder } from "~/posts/post-field-order";
import type { PostFormValues } from "~/posts/post-form-values";
import { type PostKind, SHORT_SECTIONS, sectionsOf } from "~/posts/post-kinds";
import type { FieldErrors } from "~/posts/post-schemas";
import { DateInput, dateInputFirstId } from "./date-input";
import { ErrorSummary } from "./error-summary";
import { Select, Textarea, TextInput } from "./form-fields";
import { MarkdownHelp } from "./markdown-help";
import { TagInput, type TagSuggestion } from "./tag-input";

export interface ContactGroup {
  partner: string;
  partnerName: string;
  people: { id: string; name: string; jobTitle: string | null }[];
}

/** Which buttons send the form: a post never published is drafted or published, a published one saved or archived. */
export type PostFormStage = "new" | "draft" | "published" | "archived";

/** The date fields link from the error summary to their first box. */
const DATE_FIELD_IDS = {
  eventDate: dateInputFirstId("eventDate"),
  targetDate: dateInputFirstId("targetDate"),
  reviewBy: dateInputFirstId("reviewBy"),
};

/** The errors in the order of the fields on the page, so the summary reads top to bottom. */
export function inFieldOrder(kind: PostKind, errors: FieldErrors): FieldErrors {
  const order = fieldOrder(kind);
  const rank = (field: string) => {
    const at = order.indexOf(field);
    return at === -1 ? order.length : at;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/**
 * The create and edit form. The kind is fixed (a hidden field); partners lists
 * only those the user may publish for. Each box says what to write; Markdown
 * is explained once, behind "Help with formatting".
 */
export function PostForm({
  kind,
  heading,
  values,
  errors,
  partners,
  contacts,
  tags,
  stage,
  address,
  cancelTo,
  deleteTo,
}: {
  kind: PostKind;
  heading: string;
  values: PostFormValues;
  errors: FieldErrors;
  partners: { slug: string; name: string }[];
  contacts: ContactGroup[];
  tags: readonly TagSuggestion[];
  stage: PostFormStage;
  /** A published post's address, shown in place of the slug field (it cannot change). */
  address?: string;
  cancelTo: string;
  /** Where to delete the post from, when it already exists. */
  deleteTo?: string;
}) {
  const { t } = useI18n();
  const chosenPartner = values.partner ?? (partners.length === 1 ? partners[0]?.slug : "");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={inFieldOrder(kind, errors)} fieldIds={DATE_FIELD_IDS} />
        <span className="govuk-caption-l">{t(`kinds.${kind}`)}</span>
        <h1 className="govuk-heading-l">{heading}</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="kind" value={kind} />
          <TextInput
            name="title"
            label={t("form.title")}
            hint={t("writing.titleHint")}
            defaultValue={values.title}
            errors={errors.title}
          />
          <Textarea
            name="summary"
            label={t("form.summary")}
            hint={t("writing.summaryHint")}
            rows={3}
            defaultValue={values.summary}
            errors={errors.summary}
          />
          <Select
            name="partner"
            label={t("form.partner")}
            defaultValue={chosenPartner}
            // An editor publishes for one partner only, so there is nothing to choose.
            options={[
              ...(partners.length === 1 ? [] : [{ value: "", label: t("form.choosePartner") }]),
              ...partners.map((p) => ({ value: p.slug, label: p.name })),
            ]}
            errors={errors.partner}
          />
          <ContactSelect
            groups={contacts}
            partner={chosenPartner ?? ""}
            defaultValue={values.contact}
            errors={errors.contact}
          />
          {DATED_KIND_LIST.includes(kind) ? (
            <DateInput
              name="eventDate"
              legend={t("writing.eventDate")}
              hint={t("writing.eventDateHint")}
              value={values.eventDate}
              errors={errors.eventDate}
            />
          ) : null}
          {kind === "aspiration" ? (
            <DateInput
              name="targetDate"
              legend={t("writing.targetDate")}
              hint={t("writing.targetDateHint")}
              value={values.targetDate}
              errors={errors.targetDate}
            />
          ) : null}
          <h2 className="govuk-heading-m govuk-!-margin-top-8">{t(`form.sectionsHeading.${kind}`)}</h2>
          <MarkdownHelp />
          {sectionsOf(kind).map((key) =>
            SHORT_SECTIONS.has(key) ? (
              <TextInput
                key={key}
                name={`section.${key}`}
                label={t(`sections.${key}`)}
                hint={t(`writing.sectionHint.${key}`)}
                width="20"
                defaultValue={values.sections?.[key]}
                errors={errors[`section.${key}`]}
              />
            ) : (
              <Textarea
                key={key}
                name={`section.${key}`}
                label={t(`sections.${key}`)}
                hint={t(`writing.sectionHint.${key}`)}
                rows={6}
                defaultValue={values.sections?.[key]}
                errors={errors[`section.${key}`]}
              />
            ),
          )}
          <Textarea
            name="body"
            label={t("form.body")}
            hint={t("writing.bodyHint")}
            rows={16}
            defaultValue={values.body}
            errors={errors.body}
          />
          <TagInput
            name="tags"
            label={t("form.tags")}
            hint={t("writing.tagsHint")}
            defaultValue={values.tags}
            errors={errors.tags}
            suggestions={tags}
          />
          <DateInput
            name="reviewBy"
            legend={t("writing.reviewBy")}
            hint={t("writing.reviewByHint")}
            value={values.reviewBy}
            errors={errors.reviewBy}
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
          <SlugField address={address} defaultValue={values.slug} errors={errors.slug} />
          <PostFormButtons stage={stage} />
          <p className="govuk-body">
            <Link className="govuk-link" to={cancelTo}>
              {t("form.cancel")}
            </Link>
          </p>
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

/** The contact: a person of the post's partner (or of the SRS); grouped by partner when there are several. */
function ContactSelect({
  groups,
  partner,
  defaultValue,
  errors,
}: {
  groups: ContactGroup[];
  partner: string;
  defaultValue?: string;
  errors?: string[];
}) {
  const { t } = useI18n();
  const error = errors?.[0];
  const label = (person: ContactGroup["people"][number]) =>
    person.jobTitle ? `${person.name} (${person.jobTitle})` : person.name;
  // One partner to choose from: its people. Several (an administrator): the chosen partner's first.
  const ordered = [...groups].sort((a, b) => Number(b.partner === partner) - Number(a.partner === partner));
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor="contact">
        {t("writing.contact")}
      </label>
      <div id="contact-hint" className="govuk-hint">
        {t("writing.contactHint")}
      </div>
      {error ? (
        <p id="contact-error" className="govuk-error-message">
          <span className="govuk-visually-hidden">{t("form.errorPrefix")}</span> {t("errors.contact.unknown")}
        </p>
      ) : null}
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id="contact"
        name="contact"
        defaultValue={defaultValue ?? ""}
        aria-describedby={error ? "contact-hint contact-error" : "contact-hint"}
        aria-invalid={Boolean(error) || undefined}
      >
        {ordered.length === 1
          ? ordered[0]?.people.map((person) => (
              <option key={person.id} value={person.id}>
                {label(person)}
              </option>
            ))
          : ordered.map((group) => (
              <optgroup key={group.partner} label={group.partnerName}>
                {group.people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {label(person)}
                  </option>
                ))}
              </optgroup>
            ))}
      </select>
    </div>
  );
}

/** The slug, under "Advanced" while the post is unpublished; once published, its address as text. */
function SlugField({ address, defaultValue, errors }: { address?: string; defaultValue?: string; errors?: string[] }) {
  const { t } = useI18n();
  if (address) {
    return (
      <div className="govuk-form-group">
        <h2 className="govuk-label govuk-label--s">{t("writing.slugLocked")}</h2>
        <p className="govuk-body">
          <code>/posts/{address}</code>
        </p>
        <p className="govuk-hint">{t("writing.slugLockedHint")}</p>
      </div>
    );
  }
  return (
    // Open when the slug has an error, so the error summary's link lands on a visible field.
    <details className="govuk-details" open={Boolean(errors?.length) || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t("writing.advanced")}</span>
      </summary>
      <div className="govuk-details__text">
        <TextInput
          name="slug"
          label={t("form.slug")}
          hint={t("form.slugHint")}
          width="30"
          defaultValue={defaultValue}
          errors={errors}
        />
      </div>
    </details>
  );
}

function PostFormButtons({ stage }: { stage: PostFormStage }) {
  const { t } = useI18n();
  const button = (intent: string, label: string, secondary: boolean) => (
    <button
      type="submit"
      name="intent"
      value={intent}
      className={`govuk-button${secondary ? " govuk-button--secondary" : ""}`}
      data-module="govuk-button"
      data-prevent-double-click="true"
    >
      {label}
    </button>
  );
  return (
    <div className="govuk-button-group">
      {stage === "published" ? (
        <>
          {button("save", t("writing.saveChanges"), false)}
          {button("archive", t("writing.archive"), true)}
        </>
      ) : stage === "archived" ? (
        <>
          {button("save", t("writing.saveChanges"), false)}
          {button("publish", t("writing.publishAgain"), true)}
        </>
      ) : (
        <>
          {/* First, so Enter in a text box previews: nothing is written without a choice. */}
          {button("preview", t("writing.previewAndPublish"), false)}
          {button("draft", t("writing.saveDraft"), true)}
        </>
      )}
    </div>
  );
}
