import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";

export interface InvitationSentProps {
  person: { id: string; name: string; email: string };
  link: string | null;
  emailed: boolean;
  emailFailed: boolean;
  expiresInDays: number;
}

/** After an invitation: that it was emailed, or the link to pass on (shown this once, never stored). */
export function InvitationSent({ person, link, emailed, emailFailed, expiresInDays }: InvitationSentProps) {
  const { t } = useI18n();
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="invitation-sent-title"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="invitation-sent-title">
          {t("person.successTitle")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{t("invite.doneTitle")}</p>
        {emailed ? (
          <p className="govuk-body">{t("invite.emailed", { email: person.email })}</p>
        ) : (
          <>
            <p className="govuk-body">
              {t(emailFailed ? "invite.emailFailed" : "invite.showLink", { name: person.name })}
            </p>
            <p className="govuk-body app-break-words">
              <code data-testid="invitation-link">{link}</code>
            </p>
          </>
        )}
        <p className="govuk-body">{t("invite.linkExpiry", { count: expiresInDays, email: person.email })}</p>
        <p className="govuk-body">
          <Link className="govuk-notification-banner__link" to={`/admin/users/${person.id}`}>
            {t("invite.viewPerson", { name: person.name })}
          </Link>
        </p>
      </div>
    </div>
  );
}
