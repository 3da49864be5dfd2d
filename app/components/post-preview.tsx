import { Form } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import type { DateParts } from "~/posts/post-dates";
import type { PostFormValues } from "~/posts/post-form-values";
import { type PostKind, sectionsOf } from "~/posts/post-kinds";
import type { PreviewedPost } from "~/posts/previewed-post";

export type { PreviewedPost };

import { SafeHtml } from "./safe-html";

/**
 * "Check your lesson learned before publishing": the post laid out as its
 * page lays it out, then the choices. Every typed value rides along in hidden
 * fields, so publishing, saving a draft or going back to change it needs no
 * JavaScript and nothing is written before the choice.
 */
export function PostPreview({ post, values, kind }: { post: PreviewedPost; values: PostFormValues; kind: PostKind }) {
  const { t, date } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{t("writing.previewCaption")}</span>
        <h1 className="govuk-heading-l">{t(`writing.previewTitle.${kind}`)}</h1>
        <p className="govuk-body">{t("writing.previewIntro")}</p>
        <section className="app-preview" aria-labelledby="preview-title">
          <span className="govuk-caption-l">{t(`kinds.${post.kind}`)}</span>
          <h2 className="govuk-heading-xl" id="preview-title">
            {post.title}
          </h2>
          <p className="govuk-body-l">{post.summary}</p>
          <dl className="govuk-summary-list govuk-summary-list--no-border">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("posts.partner")}</dt>
              <dd className="govuk-summary-list__value">{post.partnerName}</dd>
            </div>
            {post.eventDate ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("writing.eventDate")}</dt>
                <dd className="govuk-summary-list__value">{date(post.eventDate)}</dd>
              </div>
            ) : null}
            {post.targetDate ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("writing.targetDate")}</dt>
                <dd className="govuk-summary-list__value">{date(post.targetDate)}</dd>
              </div>
            ) : null}
            {post.tags.length > 0 ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("form.tags")}</dt>
                <dd className="govuk-summary-list__value">{post.tags.map((tag) => tag.name).join(", ")}</dd>
              </div>
            ) : null}
          </dl>
          {post.sections.map((section) => (
            <section key={section.key} className="app-section" aria-labelledby={`preview-section-${section.key}`}>
              <h3 className="govuk-heading-m" id={`preview-section-${section.key}`}>
                {t(`sections.${section.key}`)}
              </h3>
              {section.html ? <SafeHtml html={section.html} /> : null}
            </section>
          ))}
          <h3 className="govuk-heading-l">{t("posts.fullAccount")}</h3>
          <SafeHtml html={post.bodyHtml} />
        </section>
        <Form method="post" noValidate>
          <CarriedValues kind={kind} values={values} />
          <div className="govuk-button-group">
            <button
              type="submit"
              name="intent"
              value="publish"
              className="govuk-button"
              data-module="govuk-button"
              data-prevent-double-click="true"
            >
              {t("writing.publish")}
            </button>
            <button
              type="submit"
              name="intent"
              value="draft"
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
              data-prevent-double-click="true"
            >
              {t("writing.saveDraft")}
            </button>
            <button type="submit" name="intent" value="change" className="govuk-button govuk-button--secondary">
              {t("writing.change")}
            </button>
          </div>
        </Form>
      </div>
    </div>
  );
}

/** Every value of the form, as hidden fields named as the form names them. */
function CarriedValues({ kind, values }: { kind: PostKind; values: PostFormValues }) {
  const fields: [string, string | undefined][] = [
    ["kind", kind],
    ["title", values.title],
    ["summary", values.summary],
    ["partner", values.partner],
    ["contact", values.contact],
    ...sectionsOf(kind).map((key): [string, string | undefined] => [`section.${key}`, values.sections?.[key]]),
    ["body", values.body],
    ["tags", values.tags],
    ["slug", values.slug],
    ...(values.changeNote !== undefined ? [["changeNote", values.changeNote] as [string, string]] : []),
    ...dateFields("eventDate", values.eventDate),
    ...dateFields("targetDate", values.targetDate),
    ...dateFields("reviewBy", values.reviewBy),
  ];
  return (
    <>
      {fields.map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
    </>
  );
}

function dateFields(name: string, parts: DateParts | undefined): [string, string | undefined][] {
  return [
    [`${name}-day`, parts?.day],
    [`${name}-month`, parts?.month],
    [`${name}-year`, parts?.year],
  ];
}
