import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actionPage } from "~/actions/action-page.server";
import { requireUser } from "~/auth/session.server";
import { ActionStatusTag, OverdueTag } from "~/components/action-tags";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond } from "~/platform/http.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, (t) => (args.data ? t("actions.page.title", { id: args.data.action.id }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return orRespond(() => actionPage(user, Number(params.id)));
}

export default function ActionPage() {
  const { action, board, partner, decision, updates, mayUpdate, mayManage } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: "/actions", label: t("actions.list.title") },
        ]}
      />
      <div className="govuk-grid-row app-action">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{t("actions.page.caption", { board: board.name })}</span>
          <h1 className="govuk-heading-l app-break-words">{t("actions.page.title", { id: action.id })}</h1>
          <p className="govuk-body-l app-break-words app-pre-line">{action.description}</p>
          <p className="govuk-body">
            <ActionStatusTag status={action.status} /> {action.overdue ? <OverdueTag /> : null}{" "}
            {action.confidential ? (
              <strong className="govuk-tag govuk-tag--orange">{t("actions.confidential")}</strong>
            ) : null}
          </p>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("actions.field.owner")}</dt>
              <dd className="govuk-summary-list__value">{action.ownerName ?? t("actions.noOwner")}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("actions.field.partner")}</dt>
              <dd className="govuk-summary-list__value">
                <Link className="govuk-link" to={`/partners/${partner.slug}`}>
                  {partner.name}
                </Link>
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("actions.field.dueDate")}</dt>
              <dd className="govuk-summary-list__value">{date(action.dueDate)}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("actions.field.board")}</dt>
              <dd className="govuk-summary-list__value">
                <Link className="govuk-link" to={`/boards/${board.slug}`}>
                  {board.name}
                </Link>
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("actions.field.meeting")}</dt>
              <dd className="govuk-summary-list__value">
                <Link className="govuk-link" to={`/meetings/${action.meetingId}`}>
                  {t("actions.meetingOf", { date: date(action.meetingStartsAt) })}
                </Link>
              </dd>
            </div>
            {decision ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("actions.field.decision")}</dt>
                <dd className="govuk-summary-list__value">
                  <Link className="govuk-link" to={`/decisions/${decision.reference}`}>
                    {decision.reference}
                  </Link>{" "}
                  {decision.title ?? t("actions.restricted")}
                </dd>
              </div>
            ) : null}
          </dl>
          {mayUpdate || mayManage ? (
            <div className="govuk-button-group app-no-print">
              {mayUpdate ? (
                <Link className="govuk-button" data-module="govuk-button" to={`/actions/${action.id}/update`}>
                  {t("actions.page.update")}
                </Link>
              ) : null}
              {mayManage ? (
                <Link
                  className="govuk-button govuk-button--secondary"
                  data-module="govuk-button"
                  to={`/actions/${action.id}/edit`}
                >
                  {t("actions.page.edit")}
                </Link>
              ) : null}
            </div>
          ) : null}
          <h2 className="govuk-heading-m">{t("actions.page.history")}</h2>
          {updates.length === 0 ? (
            <p className="govuk-body">{t("actions.page.noUpdates")}</p>
          ) : (
            <ol className="govuk-list app-action-updates">
              {updates.map((update) => (
                <li key={update.id} className="app-action-update">
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                    {date(update.noteDate)}: {t(`actions.status.${update.status}`)}
                  </h3>
                  <p className="govuk-body app-break-words app-pre-line govuk-!-margin-bottom-1">{update.note}</p>
                  {update.authorName ? (
                    <p className="govuk-body-s app-secondary-text">
                      {t("actions.page.by", { name: update.authorName })}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
