import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { meetingActionsSection } from "~/actions/action-list.server";
import { requireUser } from "~/auth/session.server";
import { managesBoard } from "~/boards/board-access.server";
import { meetingSummarySection } from "~/boards/meeting-summaries.server";
import { presentMeeting } from "~/boards/meetings.server";
import { MeetingStatusTag } from "~/components/board-forms";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { MeetingDecisions } from "~/components/decision-list";
import { MeetingActions } from "~/components/meeting-actions";
import { MeetingPapers } from "~/components/meeting-papers";
import { MeetingSummarySection } from "~/components/meeting-summary";
import { SafeHtml } from "~/components/safe-html";
import { decisionsForMeeting } from "~/decisions/decisions.server";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { papersForMeeting } from "~/papers/papers.server";
import { orRespond } from "~/platform/http.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, (t) => (args.data ? t("meetings.page.title", { board: args.data.board.name }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = resolveLocale(request);
  const page = orRespond(() => presentMeeting(user, params.id));
  // Its decisions, actions and summary for partners, each read through its own policy.
  const facts = { id: page.meeting.id, boardId: page.board.id, status: page.meeting.status };
  return {
    ...page,
    papers: papersForMeeting(user, facts.id),
    decisions: decisionsForMeeting(user, facts.id, locale),
    recordDecisionHref: managesBoard(user, facts.boardId) ? `/meetings/${facts.id}/decisions/new` : null,
    actions: meetingActionsSection(user, facts),
    summary: meetingSummarySection(user, facts, locale),
  };
}

export default function MeetingPage() {
  const { meeting, board, agenda, attendance, may, papers, decisions, recordDecisionHref, actions, summary } =
    useLoaderData<typeof loader>();
  const { t, dateTime, date } = useI18n();
  const attended = attendance.filter((entry) => entry.attendance === "attended");
  const apologies = attendance.filter((entry) => entry.attendance === "apologies");
  const time = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" }).format(
      new Date(iso),
    );
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: "/boards", label: t("boards.list.title") },
          { to: `/boards/${board.slug}`, label: board.name },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds app-meeting">
          <span className="govuk-caption-l">{board.name}</span>
          <h1 className="govuk-heading-l">{t("meetings.page.heading", { date: date(meeting.startsAt) })}</h1>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("meetings.page.when")}</dt>
              <dd className="govuk-summary-list__value">
                {dateTime(meeting.startsAt)}
                {meeting.endsAt ? ` ${t("meetings.page.until", { time: time(meeting.endsAt) })}` : null}
              </dd>
            </div>
            {meeting.location ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("meetings.page.where")}</dt>
                <dd className="govuk-summary-list__value app-break-words">{meeting.location}</dd>
              </div>
            ) : null}
            {meeting.onlineUrl ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("meetings.page.online")}</dt>
                <dd className="govuk-summary-list__value app-break-words">
                  <a className="govuk-link app-print-url" href={meeting.onlineUrl} rel="noreferrer noopener">
                    {t("meetings.page.joinOnline")}
                  </a>
                </dd>
              </div>
            ) : null}
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("meetings.page.status")}</dt>
              <dd className="govuk-summary-list__value">
                <MeetingStatusTag status={meeting.status} />
              </dd>
            </div>
          </dl>
          <p className="govuk-body app-no-print">
            <a className="govuk-link" href={`/meetings/${meeting.id}.ics`} download>
              {t("meetings.page.addToCalendar")}
            </a>
          </p>
          {may.manage ? (
            <div className="govuk-button-group app-no-print">
              <Link
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
                to={`/meetings/${meeting.id}/edit`}
              >
                {t("meetings.page.edit")}
              </Link>
              <Link
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
                to={`/meetings/${meeting.id}/agenda`}
              >
                {t("meetings.page.editAgenda")}
              </Link>
              <Link
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
                to={`/meetings/${meeting.id}/attendance`}
              >
                {t("meetings.page.recordAttendance")}
              </Link>
              {meeting.status === "held" ? (
                <Link
                  className="govuk-button govuk-button--secondary"
                  data-module="govuk-button"
                  to={`/meetings/${meeting.id}/minutes`}
                >
                  {t("meetings.page.writeMinutes")}
                </Link>
              ) : null}
            </div>
          ) : null}
          <MeetingSummarySection summary={summary.summary} publishUrl={summary.publishUrl} />
          <h2 className="govuk-heading-m">{t("meetings.page.agenda")}</h2>
          {agenda.length === 0 ? (
            <p className="govuk-body">{t("meetings.page.noAgenda")}</p>
          ) : (
            <ol className="govuk-list govuk-list--number app-agenda">
              {agenda.map((item) => (
                <li key={item.id} id={`agenda-${item.id}`}>
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-1 app-break-words">
                    {item.title}{" "}
                    {item.confidential ? (
                      <strong className="govuk-tag govuk-tag--orange">{t("meetings.page.confidential")}</strong>
                    ) : null}
                  </h3>
                  {item.descriptionHtml ? <SafeHtml html={item.descriptionHtml} /> : null}
                </li>
              ))}
            </ol>
          )}
          <MeetingPapers data={papers} />
          <MeetingDecisions decisions={decisions} recordHref={recordDecisionHref} />
          <MeetingActions section={actions} />
          <h2 className="govuk-heading-m">{t("meetings.page.attendance")}</h2>
          {attendance.length === 0 ? (
            <p className="govuk-body">{t("meetings.page.noAttendance")}</p>
          ) : (
            <>
              <h3 className="govuk-heading-s">{t("meetings.page.attended")}</h3>
              <ul className="govuk-list">
                {attended.map((entry) => (
                  <li key={entry.userId}>
                    {t("meetings.page.person", { name: entry.name, partner: entry.partnerName })}
                  </li>
                ))}
              </ul>
              {apologies.length > 0 ? (
                <>
                  <h3 className="govuk-heading-s">{t("meetings.page.apologies")}</h3>
                  <ul className="govuk-list">
                    {apologies.map((entry) => (
                      <li key={entry.userId}>
                        {t("meetings.page.person", { name: entry.name, partner: entry.partnerName })}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )}
          <h2 className="govuk-heading-m">{t("meetings.page.minutes")}</h2>
          {meeting.minutesHtml ? (
            <SafeHtml html={meeting.minutesHtml} className="app-prose" />
          ) : (
            <p className="govuk-body">
              {meeting.status === "held" ? t("meetings.page.noMinutesYet") : t("meetings.page.minutesAfter")}
            </p>
          )}
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
