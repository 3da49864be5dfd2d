import type { MessageKey } from "~/i18n/en";
import { useI18n } from "~/i18n/use-t";

const COLOURS: Record<string, string> = {
  proposed: "govuk-tag--blue",
  agreed: "govuk-tag--green",
  deferred: "govuk-tag--yellow",
  rejected: "govuk-tag--red",
  superseded: "govuk-tag--grey",
  withdrawn: "govuk-tag--grey",
};

/** A decision's status as a GOV.UK tag. */
export function DecisionStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <strong className={`govuk-tag ${COLOURS[status] ?? "govuk-tag--grey"}`}>
      {t(`decisions.status.${status}` as MessageKey)}
    </strong>
  );
}

/** "Restricted": what non-members see in place of a confidential decision's title. */
export function RestrictedTag() {
  const { t } = useI18n();
  return <strong className="govuk-tag govuk-tag--grey app-restricted">{t("decisions.restricted")}</strong>;
}
