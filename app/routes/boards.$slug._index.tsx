import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import {
  boardPermissions,
  getBoardFor,
  listBoardMeetings,
  listBoardMembers,
  type MeetingListEntry,
} from "~/boards/boards.server";
import { latestSummaryOfBoard } from "~/boards/meeting-summaries.server";
import { MeetingStatusTag } from "~/components/board-forms";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { BoardLatestSummary } from "~/components/meeting-summary";
import { SafeHtml } from "~/components/safe-html";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { renderedHtml } from "~/markdown/render-for-save.server";
import { orRespond } from "~/platform/http.server";

export const meta: MetaFunction<typeof loader> = (args) => routeTitle(args, () => args.data?.board.name ?? null);

const meetingEntry = (meeting: MeetingListEntry) => ({ ...meeting, startsAt: meeting.startsAt.toISOString() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const board = orRespond(() => getBoardFor(user, "read", params.slug ?? ""));
  const { upcoming, past } = listBoardMeetings(board.id);
  return {
    latestSummary: latestSummaryOfBoard(user, board.id, resolveLocale(request)),
    board: {
      slug: board.slug,
      name: board.name,
      referencePrefix: board.referencePrefix,
      descriptionHtml: board.rendered ? renderedHtml(board.rendered, "description", "en") : "",
    },
    members: listBoardMembers(board.id).map(({ email: _email, ...member }) => member),
    upcoming: upcoming.map(meetingEntry),
    past: past.map(meetingEntry),
    may: boardPermissions(user, board),
    // The latest summary for partners is added here (its loader takes the user and the board's id).
  };
}

function MeetingList({ meetings, empty }: { meetings: ReturnType<typeof meetingEntry>[]; empty: string }) {
  const { t, dateTime } = useI18n();
  if (meetings.length === 0) return <p className="govuk-body">{empty}</p>;
  return (
    <ul className="govuk-list app-meeting-list">
      {meetings.map((meeting) => (
        <li key={meeting.id}>
          <Link className="govuk-link" to={`/meetings/${meeting.id}`}>
            {dateTime(meeting.startsAt)}
          </Link>{" "}
          <MeetingStatusTag status={meeting.status} />
          <br />
          <span className="govuk-body-s">
            {[meeting.location, meeting.online ? t("meetings.page.online") : ""].filter(Boolean).join(", ")}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function BoardPage() {
  const { board, members, upcoming, past, may, latestSummary } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: "/boards", label: t("boards.list.title") },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{t("boards.page.caption", { prefix: board.referencePrefix })}</span>
          <h1 className="govuk-heading-l app-break-words">{board.name}</h1>
          {board.descriptionHtml ? (
            <SafeHtml html={board.descriptionHtml} className="app-prose govuk-!-margin-bottom-6" />
          ) : null}
          {may.scheduleMeetings || may.manage ? (
            <div className="govuk-button-group app-no-print">
              {may.scheduleMeetings ? (
                <Link className="govuk-button" data-module="govuk-button" to={`/meetings/new?board=${board.slug}`}>
                  {t("boards.page.schedule")}
                </Link>
              ) : null}
              {may.manage ? (
                <>
                  <Link
                    className="govuk-button govuk-button--secondary"
                    data-module="govuk-button"
                    to={`/boards/${board.slug}/edit`}
                  >
                    {t("boards.page.edit")}
                  </Link>
                  <Link
                    className="govuk-button govuk-button--secondary"
                    data-module="govuk-button"
                    to={`/boards/${board.slug}/members`}
                  >
                    {t("boards.page.manageMembers")}
                  </Link>
                </>
              ) : null}
            </div>
          ) : null}
          <BoardLatestSummary summary={latestSummary} />
          <h2 className="govuk-heading-m">{t("boards.page.upcoming")}</h2>
          <MeetingList meetings={upcoming} empty={t("boards.page.noUpcoming")} />
          <h2 className="govuk-heading-m">{t("boards.page.past")}</h2>
          <MeetingList meetings={past} empty={t("boards.page.noPast")} />
        </div>
        <div className="govuk-grid-column-one-third">
          <h2 className="govuk-heading-m">{t("boards.page.members")}</h2>
          {members.length === 0 ? (
            <p className="govuk-body">{t("boards.page.noMembers")}</p>
          ) : (
            <ul className="govuk-list">
              {members.map((member) => (
                <li key={member.userId}>
                  {member.name}
                  {member.role !== "member" ? ` (${t(`boards.role.${member.role}`)})` : null}
                  <br />
                  <span className="govuk-body-s">{member.partnerName}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
