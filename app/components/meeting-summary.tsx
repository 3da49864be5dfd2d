import { Link } from "@remix-run/react";
import type { PresentedSummary } from "~/boards/presented-summary";
import { isMessageKey } from "~/i18n/translate";
import { useI18n } from "~/i18n/use-t";
import { SafeHtml } from "./safe-html";

type Heading = "h2" | "h3";

/** A decision's status in words (the summary's own words: no other module's component is assumed). */
function DecisionStatus({ status }: { status: string }) {
  const { t } = useI18n();
  const key = `boardSearch.decisionStatus.${status}`;
  return isMessageKey(key) ? <strong className="govuk-tag govuk-tag--grey">{t(key)}</strong> : null;
}

/**
 * A meeting's summary for partners: the introduction, then its decisions
 * (a restricted one as its reference and "Restricted") and its actions, as
 * the server chose them for this reader. `heading` is the level of the
 * summary's own heading; its parts are one level below.
 */
export function MeetingSummary({
  summary,
  heading = "h2",
  title,
  linkToMeeting = false,
}: {
  summary: PresentedSummary;
  heading?: Heading;
  /** The summary's heading; by default its board and meeting date. */
  title?: string;
  linkToMeeting?: boolean;
}) {
  const { t, date } = useI18n();
  const Heading = heading;
  const Part = heading === "h2" ? "h3" : "h4";
  const id = `summary-${summary.meetingId}`;
  return (
    <section className="app-summary" aria-labelledby={id}>
      <Heading className={heading === "h2" ? "govuk-heading-l" : "govuk-heading-m"} id={id}>
        {title ?? t("summaries.meetingTitle", { board: summary.boardName, date: date(summary.meetingAt) })}
      </Heading>
      <p className="govuk-body-s app-summary__published">
        {t("summaries.published", { date: date(summary.publishedAt) })}
      </p>
      <SafeHtml html={summary.introductionHtml} />
      <Part className="govuk-heading-s govuk-!-margin-top-6">{t("summaries.decisions")}</Part>
      {summary.decisions.length === 0 ? (
        <p className="govuk-body">{t("summaries.noDecisions")}</p>
      ) : (
        <ul className="govuk-list app-summary__list">
          {summary.decisions.map((decision) => (
            <li key={decision.reference} className="app-summary__item">
              {decision.restricted ? (
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <Link className="govuk-link" to={decision.url}>
                    {decision.reference}
                  </Link>
                  : {t("summaries.restricted")}{" "}
                  <span className="govuk-body-s app-summary__hint">{t("summaries.restrictedHint")}</span>
                </p>
              ) : (
                <>
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <Link className="govuk-link govuk-!-font-weight-bold" to={decision.url}>
                      {decision.reference}: {decision.title}
                    </Link>{" "}
                    <DecisionStatus status={decision.status} />
                  </p>
                  {decision.html ? <SafeHtml html={decision.html} /> : null}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Part className="govuk-heading-s govuk-!-margin-top-6">{t("summaries.actions")}</Part>
      {summary.actions.length === 0 ? (
        <p className="govuk-body">{t("summaries.noActions")}</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {summary.actions.map((action) => (
            <li key={action.id}>
              {action.description}{" "}
              <span className="govuk-body-s app-summary__hint">
                (
                {action.ownerName
                  ? t("summaries.actionOwner", { owner: action.ownerName })
                  : t("summaries.actionUnowned")}
                , {t("summaries.actionDue", { date: date(action.dueDate) })})
              </span>
            </li>
          ))}
        </ul>
      )}
      {linkToMeeting ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/meetings/${summary.meetingId}`}>
            {t("summaries.readMeeting")}
            <span className="govuk-visually-hidden">
              {" "}
              {t("summaries.meetingTitle", { board: summary.boardName, date: date(summary.meetingAt) })}
            </span>
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** The latest summaries across boards (home and partner pages), each under its board and date. */
export function SummaryList({ summaries }: { summaries: PresentedSummary[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="board-summaries" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-l" id="board-summaries">
        {t("summaries.listHeading")}
      </h2>
      {summaries.length === 0 ? <p className="govuk-body">{t("summaries.none")}</p> : null}
      {summaries.map((summary) => (
        <div key={summary.meetingId} className="app-summary-card">
          <MeetingSummary summary={summary} heading="h3" linkToMeeting />
        </div>
      ))}
    </section>
  );
}

/**
 * The meeting page's section: its summary for partners (or that there is
 * none yet), and for the board's managers the way to publish or update it.
 */
export function MeetingSummarySection({
  summary,
  publishUrl,
}: {
  summary: PresentedSummary | null;
  publishUrl: string | null;
}) {
  const { t } = useI18n();
  return (
    <div className="govuk-!-margin-bottom-8">
      {summary ? (
        <MeetingSummary summary={summary} title={t("summaries.heading")} />
      ) : (
        <>
          <h2 className="govuk-heading-l">{t("summaries.heading")}</h2>
          <p className="govuk-body">{t("summaries.noneForMeeting")}</p>
        </>
      )}
      {publishUrl ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={publishUrl}>
            {t(summary ? "summaries.updateLink" : "summaries.publishLink")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** The board page's latest summary for partners, with a link to its meeting; nothing when none is published. */
export function BoardLatestSummary({ summary }: { summary: PresentedSummary | null }) {
  const { t, date } = useI18n();
  if (!summary) return null;
  return (
    <MeetingSummary
      summary={summary}
      title={t("summaries.boardLatestTitle", { date: date(summary.meetingAt) })}
      linkToMeeting
    />
  );
}
