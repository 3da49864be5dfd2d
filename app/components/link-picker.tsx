import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { MessageKey } from "~/i18n/en";
import { useI18n } from "~/i18n/use-t";
import type { LinkRelation } from "../../db/enums";
import { ErrorSummary } from "./error-summary";
import { FieldShell, Radios, Textarea } from "./form-fields";

export interface PickerData {
  self: { type: string; title: string; url: string; kind: string | null };
  otherType: string;
  q: string;
  /** Null when search is not available. */
  results: { id: string; title: string; kind: string | null; partnerNames: string[] }[] | null;
  chosen: { id: string; title: string; url: string; kind: string | null; relations: LinkRelation[] } | null;
  errors: Record<string, string[]>;
  noteMax: number;
}

const TYPING_PAUSE_MS = 250;
const FIELD_ORDER = ["q", "record", "relation", "note"] as const;

/**
 * The link picker: a GET form that searches the other type and lists what
 * it finds as radios, then (once one is chosen) a POST form for the relation
 * and a note. Without JavaScript it is two plain forms; with it, the results
 * follow the words as they are typed and their number is announced.
 */
export function LinkPicker({
  data,
  actionErrors,
  values,
}: {
  data: PickerData;
  actionErrors?: Record<string, string[]>;
  /** What the relation form held when it came back with errors. */
  values?: { relation: string; note: string };
}) {
  const { t } = useI18n();
  const errors = { ...data.errors, ...(actionErrors ?? {}) };
  const heading = t(`linkPicker.heading.${data.otherType}` as MessageKey);
  return (
    <>
      <Link className="govuk-back-link" to={data.self.url}>
        {data.self.title}
      </Link>
      <ErrorSummary errors={errors} fieldOrder={FIELD_ORDER} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{data.self.title}</span>
          <h1 className="govuk-heading-l">{heading}</h1>
          {data.chosen ? (
            <ChooseRelation data={data} chosen={data.chosen} errors={errors} values={values} />
          ) : (
            <SearchAndChoose data={data} errors={errors} />
          )}
        </div>
      </div>
    </>
  );
}

function resultHint(t: ReturnType<typeof useI18n>["t"], result: { kind: string | null; partnerNames: string[] }) {
  const kind = result.kind ? t(`kinds.${result.kind}` as MessageKey) : null;
  return [kind, result.partnerNames.join(", ")].filter(Boolean).join(" · ");
}

function SearchAndChoose({ data, errors }: { data: PickerData; errors: Record<string, string[]> }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const fetcher = useFetcher<PickerData>();
  const [query, setQuery] = useState(data.q);
  // The words the results on show answer: an older, slower answer never replaces a newer one.
  const [asked, setAsked] = useState(data.q);
  const [typed, setTyped] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (value: string) => {
    setQuery(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const words = value.trim();
      setAsked(words);
      setTyped(true);
      fetcher.load(`${pathname}?${new URLSearchParams({ q: words })}`);
    }, TYPING_PAUSE_MS);
  };

  const fresh = fetcher.state === "idle" && fetcher.data && fetcher.data.q === asked;
  const results = fresh ? fetcher.data?.results : data.results;
  const shownQuery = fresh ? asked : data.q;
  const searchLabel = t(`linkPicker.searchLabel.${data.otherType}` as MessageKey);
  return (
    <Form method="get" noValidate className="app-link-picker">
      <FieldShell name="q" label={searchLabel} hint={t("linkPicker.searchHint")} labelClassName="govuk-label--m">
        <div className="app-search__row">
          <input
            className="govuk-input app-search__input"
            id="q"
            name="q"
            type="search"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="q-hint"
            value={query}
            onChange={(event) => onChange(event.target.value)}
          />
          <button
            type="submit"
            className="govuk-button govuk-button--secondary app-search__button"
            data-module="govuk-button"
          >
            {t("linkPicker.search")}
          </button>
        </div>
      </FieldShell>
      <div className="govuk-visually-hidden" aria-live="polite">
        {typed && fresh && results ? t("linkPicker.count", { count: results.length }) : ""}
      </div>
      {results === null ? (
        <p className="govuk-body">{t("linkPicker.searchUnavailable")}</p>
      ) : results && results.length > 0 ? (
        <div className="app-link-picker__results">
          <Radios
            key={`${shownQuery}:${results.map((result) => result.id).join(",")}`}
            name="record"
            legend={t(`linkPicker.choose.${data.otherType}` as MessageKey)}
            legendClassName="govuk-fieldset__legend--m"
            options={results.map((result) => ({
              value: result.id,
              label: result.title,
              hint: resultHint(t, result) || undefined,
            }))}
            errors={errors.record}
          />
          <button type="submit" name="step" value="choose" className="govuk-button" data-module="govuk-button">
            {t("linkPicker.continue")}
          </button>
        </div>
      ) : shownQuery ? (
        <p className="govuk-body">{t("linkPicker.none", { q: shownQuery })}</p>
      ) : null}
    </Form>
  );
}

function ChooseRelation({
  data,
  chosen,
  errors,
  values,
}: {
  data: PickerData;
  chosen: NonNullable<PickerData["chosen"]>;
  errors: Record<string, string[]>;
  values?: { relation: string; note: string };
}) {
  const { t } = useI18n();
  const back = `?${new URLSearchParams({ q: data.q })}`;
  return (
    <>
      <dl className="govuk-summary-list" id="record">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("linkPicker.chosen")}</dt>
          <dd className="govuk-summary-list__value">
            <Link className="govuk-link" to={chosen.url}>
              {chosen.title}
            </Link>
            {chosen.kind ? (
              <span className="app-link-picker__meta">{t(`kinds.${chosen.kind}` as MessageKey)}</span>
            ) : null}
          </dd>
          <dd className="govuk-summary-list__actions">
            <Link className="govuk-link" to={back}>
              {t("linkPicker.change")}
            </Link>
          </dd>
        </div>
      </dl>
      <Form method="post" noValidate>
        <input type="hidden" name="record" value={chosen.id} />
        <Radios
          name="relation"
          legend={t("linkPicker.relation")}
          legendClassName="govuk-fieldset__legend--m"
          options={chosen.relations.map((relation) => ({
            value: relation,
            label: t(`linkPicker.relation.${relation}` as MessageKey),
          }))}
          defaultValue={values?.relation ?? (chosen.relations.length === 1 ? chosen.relations[0] : undefined)}
          errors={errors.relation}
        />
        <Textarea
          name="note"
          label={t("linkPicker.note")}
          hint={t("linkPicker.noteHint")}
          rows={3}
          defaultValue={values?.note}
          errors={errors.note}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t("linkPicker.submit")}
          </button>
          <Link className="govuk-link" to={data.self.url}>
            {t("linkPicker.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
