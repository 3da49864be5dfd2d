import { Form, Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import { Textarea } from "./form-fields";

export interface InterestData {
  partnerSlug: string;
  partnerName: string;
  note: string;
  recordedAt: string | Date;
}

/**
 * "We want this too": the other partners that want an aspiration, and the
 * form for the reader's partner to say it does (or no longer does).
 */
export function PostInterest({
  partners,
  canRegister,
  ownNote,
  ownPartnerName,
  errors,
}: {
  partners: InterestData[];
  canRegister: boolean;
  /** Null while the reader's partner has not registered interest. */
  ownNote: string | null;
  ownPartnerName: string;
  errors?: string[];
}) {
  const { t, date } = useI18n();
  return (
    <section className="app-applied" aria-labelledby="wanted">
      <h2 className="govuk-heading-l" id="wanted">
        {t("interest.heading")}
      </h2>
      {partners.length === 0 ? (
        <p className="govuk-body">{t("interest.none")}</p>
      ) : (
        <>
          <p className="govuk-body">{t("interest.count", { count: partners.length })}</p>
          <ul className="govuk-list app-applications">
            {partners.map((partner) => (
              <li key={partner.partnerSlug} className="app-application">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                  <Link className="govuk-link" to={`/partners/${partner.partnerSlug}`}>
                    {partner.partnerName}
                  </Link>
                </h3>
                {partner.note ? <p className="govuk-body app-preserve-lines">{partner.note}</p> : null}
                <p className="govuk-body-s govuk-hint">{t("interest.recorded", { date: date(partner.recordedAt) })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {canRegister ? (
        <>
          <Form method="post" noValidate className="app-apply-form" key={ownNote ?? ""}>
            <h3 className="govuk-heading-m">{t("interest.formHeading")}</h3>
            <p className="govuk-body">
              {ownNote === null
                ? t("interest.formIntro", { partner: ownPartnerName })
                : t("interest.updateIntro", { partner: ownPartnerName })}
            </p>
            <input type="hidden" name="intent" value="interest" />
            <Textarea
              name="note"
              label={t("interest.note")}
              hint={t("interest.noteHint")}
              defaultValue={ownNote ?? ""}
              rows={3}
              errors={errors}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
              {ownNote === null ? t("interest.submit") : t("interest.update")}
            </button>
          </Form>
          {ownNote !== null ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="withdrawInterest" />
              <button
                type="submit"
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
                data-prevent-double-click="true"
              >
                {t("interest.withdraw")}
              </button>
            </Form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
