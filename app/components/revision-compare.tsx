import { Form } from "@remix-run/react";
import { translateLoose } from "~/i18n/translate";
import { useI18n } from "~/i18n/use-t";
import { Select } from "./form-fields";

interface DiffPart {
  type: "same" | "added" | "removed";
  text: string;
}

export type ComparedFieldData =
  | { key: string; type: "text"; parts: DiffPart[]; changed: boolean }
  | { key: string; type: "value"; before: string | null; after: string | null; changed: boolean };

/** Choosing two revisions to compare: a plain GET form, so the comparison has its own address. */
export function CompareForm({
  slug,
  revisions,
  from,
  to,
  errors,
}: {
  slug: string;
  revisions: { number: number; createdAt: string | Date }[];
  from: string;
  to: string;
  errors?: string[];
}) {
  const { t, dateTime } = useI18n();
  const options = revisions.map((revision) => ({
    value: String(revision.number),
    label: t("compare.revisionOption", { number: revision.number, date: dateTime(revision.createdAt) }),
  }));
  return (
    <Form method="get" action={`/posts/${slug}/compare`} className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m">{t("compare.choose")}</h2>
      <div className="app-compare-choice">
        <Select name="from" label={t("compare.from")} options={options} defaultValue={from} errors={errors} />
        <Select name="to" label={t("compare.to")} options={options} defaultValue={to} />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        {t("compare.submit")}
      </button>
    </Form>
  );
}

/**
 * Text with its insertions and deletions marked, as text: <ins> and <del>
 * carry the colour and the line; the visually hidden words say the same to
 * screen readers, which mostly do not announce those elements.
 */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  const { t } = useI18n();
  return (
    <p className="app-diff">
      {parts.map((part, index) => {
        const key = `${index}-${part.type}`;
        if (part.type === "same") return <span key={key}>{part.text}</span>;
        const Mark = part.type === "added" ? "ins" : "del";
        return (
          <Mark key={key}>
            <span className="govuk-visually-hidden">
              {t(part.type === "added" ? "compare.added" : "compare.removed")}
            </span>
            {part.text}
            <span className="govuk-visually-hidden">
              {t(part.type === "added" ? "compare.endAdded" : "compare.endRemoved")}
            </span>
          </Mark>
        );
      })}
    </p>
  );
}

function ValueChange({ before, after }: { before: string | null; after: string | null }) {
  const { t, date } = useI18n();
  // Values are message keys (a status) or dates as YYYY-MM-DD.
  const shown = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : translateLoose(t, value));
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">{t("compare.before")}</dt>
        <dd className="govuk-summary-list__value">
          {before === null ? t("compare.empty") : <del>{shown(before)}</del>}
        </dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">{t("compare.after")}</dt>
        <dd className="govuk-summary-list__value">{after === null ? t("compare.empty") : <ins>{shown(after)}</ins>}</dd>
      </div>
    </dl>
  );
}

/** The fields that changed, each with its differences; the unchanged ones named after them. */
export function ComparedFields({ fields }: { fields: ComparedFieldData[] }) {
  const { t } = useI18n();
  const changed = fields.filter((field) => field.changed);
  const unchanged = fields.filter((field) => !field.changed);
  return (
    <>
      {changed.length === 0 ? <p className="govuk-body">{t("compare.noChanges")}</p> : null}
      {changed.map((field) => (
        <section key={field.key} aria-labelledby={`field-${field.key}`} className="app-compared-field">
          <h2 className="govuk-heading-m" id={`field-${field.key}`}>
            {translateLoose(t, field.key)}
          </h2>
          {field.type === "text" ? (
            <DiffText parts={field.parts} />
          ) : (
            <ValueChange before={field.before} after={field.after} />
          )}
        </section>
      ))}
      {unchanged.length > 0 ? (
        <>
          <h2 className="govuk-heading-s">{t("compare.showUnchanged")}</h2>
          <p className="govuk-body">{unchanged.map((field) => translateLoose(t, field.key)).join(", ")}</p>
        </>
      ) : null}
    </>
  );
}
