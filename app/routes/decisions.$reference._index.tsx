import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { decisionActionsSection } from "~/actions/action-list.server";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DecisionStatusTag, RestrictedTag } from "~/components/decision-status-tag";
import { LinkedRecords } from "~/components/linked-records";
import { MeetingActions } from "~/components/meeting-actions";
import { SafeHtml } from "~/components/safe-html";
import { decisionForPage } from "~/decisions/decisions.server";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { linkedRecordsSection } from "~/links/links.server";
import { orRespond } from "~/platform/http.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, () => {
    const decision = args.data?.decision;
    if (!decision) return null;
    return decision.restricted ? decision.reference : `${decision.reference}: ${decision.title}`;
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = resolveLocale(request);
  const decision = orRespond(() => decisionForPage(user, params.reference ?? "", locale));
  // Links are content: a restricted decision shows none.
  const linked = decision.restricted ? null : linkedRecordsSection(user, "decision", decision.reference, locale);
  const actions = decision.restricted ? null : decisionActionsSection(user, decision.id);
  return { decision, linked, actions };
}

function Facts({ rows }: { rows: { key: string; label: string; value: ReactNode }[] }) {
  return (
    <dl className="govuk-summary-list app-decision-facts">
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.label}</dt>
          <dd className="govuk-summary-list__value app-break-words">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const referenceLink = (mention: { reference: string; title: string | null }, restricted: ReactNode) => (
  <>
    <Link className="govuk-link" to={`/decisions/${mention.reference}`}>
      {mention.reference}
    </Link>{" "}
    {mention.title ?? restricted}
  </>
);

export default function DecisionPage() {
  const { decision, linked, actions } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  const common = [
    { key: "reference", label: t("decisions.page.reference"), value: decision.reference },
    {
      key: "board",
      label: t("decisions.page.board"),
      value: (
        <Link className="govuk-link" to={`/boards/${decision.board.slug}`}>
          {decision.board.name}
        </Link>
      ),
    },
    {
      key: "meeting",
      label: t("decisions.page.meeting"),
      value: (
        <Link className="govuk-link" to={`/meetings/${decision.meeting.id}`}>
          {t("decisions.page.meetingOn", { date: date(decision.meeting.startsAt) })}
        </Link>
      ),
    },
    { key: "status", label: t("decisions.page.status"), value: <DecisionStatusTag status={decision.status} /> },
  ];
  const breadcrumbs = (
    <Breadcrumbs
      items={[
        { to: "/", label: t("breadcrumbs.home") },
        { to: "/decisions", label: t("decisions.breadcrumb") },
      ]}
    />
  );
  if (decision.restricted) {
    return (
      <>
        {breadcrumbs}
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <span className="govuk-caption-l">{decision.board.name}</span>
            <h1 className="govuk-heading-l">{decision.reference}</h1>
            <p className="govuk-body">
              <RestrictedTag />
            </p>
            <p className="govuk-body">{t("decisions.restrictedExplained")}</p>
            <Facts rows={common} />
          </div>
        </div>
      </>
    );
  }
  const none = t("decisions.page.none");
  const restricted = <RestrictedTag />;
  const rows = [
    ...common,
    ...(decision.agendaItem
      ? [
          {
            key: "agendaItem",
            label: t("decisions.page.agendaItem"),
            value: t("decisions.page.agendaItemValue", decision.agendaItem),
          },
        ]
      : []),
    ...(decision.supersededBy
      ? [
          {
            key: "supersededBy",
            label: t("decisions.page.supersededBy"),
            value: referenceLink(decision.supersededBy, restricted),
          },
        ]
      : []),
    ...(decision.supersedes.length > 0
      ? [
          {
            key: "supersedes",
            label: t("decisions.page.supersedes"),
            value: (
              <ul className="govuk-list">
                {decision.supersedes.map((earlier) => (
                  <li key={earlier.reference}>{referenceLink(earlier, restricted)}</li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
    ...(decision.withdrawn
      ? [
          { key: "withdrawnBy", label: t("decisions.page.withdrawnBy"), value: decision.withdrawn.by ?? none },
          {
            key: "withdrawnReason",
            label: t("decisions.page.withdrawnReason"),
            value: <span className="app-preserve-lines">{decision.withdrawn.reason}</span>,
          },
        ]
      : []),
    {
      key: "effectiveDate",
      label: t("decisions.page.effectiveDate"),
      value: decision.effectiveDate ? date(decision.effectiveDate) : none,
    },
    { key: "decisionMaker", label: t("decisions.page.decisionMaker"), value: decision.decisionMaker },
    { key: "leadOfficer", label: t("decisions.page.leadOfficer"), value: decision.leadOfficer ?? none },
  ];
  return (
    <>
      {breadcrumbs}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{t("decisions.page.caption", { reference: decision.reference })}</span>
          <h1 className="govuk-heading-l app-break-words">{decision.title}</h1>
          {decision.confidential ? (
            <div className="govuk-inset-text">
              <strong className="govuk-tag govuk-tag--red">{t("decisions.page.confidential")}</strong>{" "}
              {t("decisions.page.confidentialText")}
            </div>
          ) : null}
          <h2 className="govuk-heading-m">{t("decisions.page.facts")}</h2>
          <Facts rows={rows} />
          {decision.mayManage ? (
            <div className="govuk-button-group app-no-print">
              <Link
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
                to={`/decisions/${decision.reference}/edit`}
              >
                {t("decisions.page.edit")}
              </Link>
              <Link
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
                to={`/decisions/${decision.reference}/status`}
              >
                {t("decisions.page.changeStatus")}
              </Link>
            </div>
          ) : null}
          <h2 className="govuk-heading-m">{t("decisions.page.text")}</h2>
          <SafeHtml html={decision.textHtml} className="app-prose govuk-!-margin-bottom-6" />
          {linked ? (
            <LinkedRecords
              links={linked.links}
              linkHref={linked.linkHref}
              size="m"
              headingId="decision-affects"
              wording={{
                heading: t("decisions.page.affects"),
                none: t("decisions.page.affectsNone"),
                link: t("decisions.page.linkItem"),
              }}
            />
          ) : null}
          {actions ? <MeetingActions section={actions} /> : null}
          <p className="govuk-body app-no-print">
            <Link className="govuk-link" to={`/decisions/${decision.reference}/history`}>
              {t("decisions.page.history")}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
