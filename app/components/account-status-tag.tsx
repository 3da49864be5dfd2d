import { useI18n } from "~/i18n/use-t";

/** Whether an account can be used: active, invited (no password set yet) or deactivated. */
export function AccountStatusTag({ deactivated, invited }: { deactivated: boolean; invited: boolean }) {
  const { t } = useI18n();
  if (deactivated) return <strong className="govuk-tag govuk-tag--grey">{t("users.deactivated")}</strong>;
  if (invited) return <strong className="govuk-tag govuk-tag--blue">{t("users.invited")}</strong>;
  return <strong className="govuk-tag govuk-tag--green">{t("users.active")}</strong>;
}
