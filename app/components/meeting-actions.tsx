import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import { type ActionRowData, ActionTable } from "./action-table";

/**
 * A meeting's actions, for the meeting page: the loader calls
 * meetingActionsSection(user, meeting) (app/actions/action-list.server.ts).
 * "Add an action" for the board's managers; with a `decisionId` (the
 * decision page's section, decisionActionsSection) it arises from that decision.
 */
export function MeetingActions({
  section,
}: {
  section: { meetingId: number; decisionId?: number; rows: ActionRowData[]; mayAdd: boolean };
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="meeting-actions" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="meeting-actions">
        {t("actions.meeting.title")}
      </h2>
      {section.rows.length === 0 ? (
        <p className="govuk-body">{t("actions.meeting.none")}</p>
      ) : (
        <ActionTable rows={section.rows} caption={t("actions.meeting.title")} showMeeting={false} />
      )}
      {section.mayAdd ? (
        <p className="govuk-body app-no-print">
          <Link
            className="govuk-link"
            to={`/meetings/${section.meetingId}/actions/new${section.decisionId ? `?decision=${section.decisionId}` : ""}`}
          >
            {t("actions.meeting.add")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
