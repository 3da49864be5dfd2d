import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import type { ActionStatus } from "../../db/enums";
import { ActionStatusTag, OverdueTag } from "./action-tags";

/** What one row of an actions table shows (the list, the home page, a meeting page). */
export interface ActionRowData {
  id: number;
  description: string;
  status: ActionStatus;
  dueDate: string;
  overdue: boolean;
  ownerName: string | null;
  partnerName: string;
  boardName: string;
  meetingId: number;
  meetingStartsAt: number;
}

/**
 * Actions as a GOV.UK table: description (the link to the action), owner,
 * partner, due date with the overdue flag, status, and (unless every row
 * shares it) board and meeting.
 */
export function ActionTable({
  rows,
  caption,
  showMeeting = true,
}: {
  rows: ActionRowData[];
  caption: string;
  showMeeting?: boolean;
}) {
  const { t, date } = useI18n();
  return (
    <table className="govuk-table app-action-table">
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            {t("actions.field.description")}
          </th>
          <th scope="col" className="govuk-table__header">
            {t("actions.field.owner")}
          </th>
          <th scope="col" className="govuk-table__header">
            {t("actions.field.partner")}
          </th>
          <th scope="col" className="govuk-table__header">
            {t("actions.field.dueDate")}
          </th>
          {showMeeting ? (
            <th scope="col" className="govuk-table__header">
              {t("actions.field.boardAndMeeting")}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr key={row.id} className="govuk-table__row">
            <td className="govuk-table__cell app-break-words">
              <Link className="govuk-link" to={`/actions/${row.id}`}>
                {row.description}
              </Link>
              {row.status !== "open" ? (
                <>
                  {" "}
                  <ActionStatusTag status={row.status} />
                </>
              ) : null}
            </td>
            <td className="govuk-table__cell" data-label={t("actions.field.owner")}>
              {row.ownerName ?? t("actions.noOwner")}
            </td>
            <td className="govuk-table__cell" data-label={t("actions.field.partner")}>
              {row.partnerName}
            </td>
            <td className="govuk-table__cell app-nowrap" data-label={t("actions.field.dueDate")}>
              {date(row.dueDate)}
              {row.overdue ? (
                <>
                  <br />
                  <OverdueTag />
                </>
              ) : null}
            </td>
            {showMeeting ? (
              <td className="govuk-table__cell" data-label={t("actions.field.board")}>
                {row.boardName}
                <br />
                <Link className="govuk-link" to={`/meetings/${row.meetingId}`}>
                  {t("actions.meetingOf", { date: date(row.meetingStartsAt) })}
                </Link>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
