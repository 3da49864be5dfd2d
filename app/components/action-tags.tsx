import { useI18n } from "~/i18n/use-t";
import type { ActionStatus } from "../../db/enums";

const STATUS_CLASSES: Record<ActionStatus, string> = {
  open: "govuk-tag--blue",
  done: "govuk-tag--green",
  dropped: "govuk-tag--grey",
};

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  const { t } = useI18n();
  return <strong className={`govuk-tag ${STATUS_CLASSES[status]}`}>{t(`actions.status.${status}`)}</strong>;
}

/** Open and past its due day. */
export function OverdueTag() {
  const { t } = useI18n();
  return <strong className="govuk-tag govuk-tag--red">{t("actions.overdue")}</strong>;
}
