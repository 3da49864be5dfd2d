import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import { DecisionStatusTag, RestrictedTag } from "./decision-status-tag";

/** One decision in a list on another page (see ListedDecision in app/decisions/decisions.server.ts). */
export interface ListedDecisionData {
  reference: string;
  title: string | null;
  status: string;
}

/** Decisions as a GOV.UK summary list: reference (linked), title or "Restricted", status. */
function DecisionList({ decisions }: { decisions: ListedDecisionData[] }) {
  return (
    <dl className="govuk-summary-list app-decision-list">
      {decisions.map((decision) => (
        <div className="govuk-summary-list__row" key={decision.reference}>
          <dt className="govuk-summary-list__key">
            <Link className="govuk-link" to={`/decisions/${decision.reference}`}>
              {decision.reference}
            </Link>
          </dt>
          <dd className="govuk-summary-list__value app-break-words">{decision.title ?? <RestrictedTag />}</dd>
          <dd className="govuk-summary-list__actions">
            <DecisionStatusTag status={decision.status} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The meeting page's decisions section: its decisions in number order, and
 * "Record a decision" for its board's managers (`recordHref`, null for others).
 */
export function MeetingDecisions({
  decisions,
  recordHref,
}: {
  decisions: ListedDecisionData[];
  recordHref: string | null;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="meeting-decisions" className="app-meeting-decisions">
      <h2 className="govuk-heading-m" id="meeting-decisions">
        {t("decisions.meeting.heading")}
      </h2>
      {decisions.length === 0 ? (
        <p className="govuk-body">{t("decisions.meeting.none")}</p>
      ) : (
        <DecisionList decisions={decisions} />
      )}
      {recordHref ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={recordHref}>
            {t("decisions.meeting.record")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** A roadmap item's "Board decisions": those that affect it, newest first. */
export function BoardDecisions({ decisions }: { decisions: ListedDecisionData[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="board-decisions" className="app-board-decisions">
      <h2 className="govuk-heading-m" id="board-decisions">
        {t("decisions.roadmap.heading")}
      </h2>
      {decisions.length === 0 ? (
        <p className="govuk-body">{t("decisions.roadmap.none")}</p>
      ) : (
        <DecisionList decisions={decisions} />
      )}
    </section>
  );
}
