import { Form, Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import type { PostKind } from "~/posts/post-kinds";
import { Textarea } from "./form-fields";

export interface ApplicationData {
  partnerSlug: string;
  partnerName: string;
  note: string;
  recordedAt: string | Date;
}

/** "We applied this": the partners that applied a lesson or case study, and the form to say yours did. */
export function PostApplications({
  kind,
  applications,
  canApply,
  ownNote,
  ownPartnerName,
  errors,
}: {
  kind: PostKind;
  applications: ApplicationData[];
  canApply: boolean;
  ownNote: string | null;
  ownPartnerName: string;
  errors?: string[];
}) {
  const { t, date } = useI18n();
  return (
    <section className="app-applied" aria-labelledby="applied">
      <h2 className="govuk-heading-l" id="applied">
        {t("applied.heading")}
      </h2>
      {applications.length === 0 ? (
        <p className="govuk-body">{t("applied.none")}</p>
      ) : (
        <>
          <p className="govuk-body">{t("applied.count", { count: applications.length })}</p>
          <ul className="govuk-list app-applications">
            {applications.map((application) => (
              <li key={application.partnerSlug} className="app-application">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                  <Link className="govuk-link" to={`/partners/${application.partnerSlug}`}>
                    {application.partnerName}
                  </Link>
                </h3>
                {application.note ? <p className="govuk-body app-preserve-lines">{application.note}</p> : null}
                <p className="govuk-body-s govuk-hint">
                  {t("applied.recorded", { date: date(application.recordedAt) })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {canApply ? (
        <Form method="post" noValidate className="app-apply-form" key={ownNote ?? ""}>
          <h3 className="govuk-heading-m">{t("applied.formHeading")}</h3>
          <p className="govuk-body">
            {ownNote === null
              ? t("applied.formIntro", { partner: ownPartnerName, kind: t(`kinds.${kind}`).toLowerCase() })
              : t("applied.updateIntro", { partner: ownPartnerName })}
          </p>
          <Textarea
            name="note"
            label={t("applied.note")}
            hint={t("applied.noteHint")}
            defaultValue={ownNote ?? ""}
            rows={3}
            errors={errors}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {ownNote === null ? t("applied.submit") : t("applied.update")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
