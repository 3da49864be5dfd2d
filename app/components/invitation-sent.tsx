import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import { SuccessBanner } from "./notification-banner";

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
    <SuccessBanner title={t("person.successTitle")} heading={t("invite.doneTitle")}>
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
    </SuccessBanner>
  );
}
