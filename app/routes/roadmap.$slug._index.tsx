import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { BoardDecisions } from "~/components/decision-list";
import { LinkedRecords } from "~/components/linked-records";
import { ImportantBanner } from "~/components/notification-banner";
import { RagTag, RoadmapStatusTag } from "~/components/roadmap-tags";
import { RoadmapTimeline } from "~/components/roadmap-timeline";
import { SafeHtml } from "~/components/safe-html";
import { decisionsAffecting } from "~/decisions/decisions.server";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { linkedRecordsSection } from "~/links/links.server";
import { orRespond } from "~/platform/http.server";
import { quarterLabel } from "~/roadmap/quarters";
import { readRoadmapItemAt } from "~/roadmap/roadmap-addresses.server";
import { presentRoadmapItem, presentUpdate } from "~/roadmap/roadmap-item-presenter.server";
import { getRoadmapItemForReading, listRoadmapUpdates, roadmapItemTimeline } from "~/roadmap/roadmap-items.server";

export const meta: MetaFunction<typeof loader> = (args) => routeTitle(args, () => args.data?.item.title ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const found = orRespond(() =>
    readRoadmapItemAt(
      slug,
      () => getRoadmapItemForReading(user, slug),
      (current) => `/roadmap/${current}`,
    ),
  );
  const locale = resolveLocale(request);
  return {
    item: presentRoadmapItem(found, user, locale),
    updates: listRoadmapUpdates(found.id).map((update) => presentUpdate(update, locale)),
    timeline: roadmapItemTimeline(found.id),
    linked: linkedRecordsSection(user, "roadmap_item", found.slug, locale),
    decisions: decisionsAffecting(user, found.id, locale),
  };
}

export default function RoadmapItemPage() {
  const { item, updates, timeline, linked, decisions } = useLoaderData<typeof loader>();
  const { t, date, locale } = useI18n();
  const facts: { key: string; label: string; value: ReactNode }[] = [
    { key: "theme", label: t("roadmap.item.theme"), value: item.theme.name },
    { key: "start", label: t("roadmap.item.start"), value: quarterLabel(item.startQuarter, t, locale) },
    { key: "target", label: t("roadmap.item.target"), value: quarterLabel(item.targetQuarter, t, locale) },
    {
      key: "partners",
      label: t("roadmap.item.partners"),
      value: (
        <ul className="govuk-list">
          {item.partners.map((partner) => (
            <li key={partner.slug}>
              <Link className="govuk-link" to={`/partners/${partner.slug}`}>
                {partner.name}
              </Link>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: "owner",
      label: t("roadmap.item.owner"),
      value: item.owner ? (
        <>
          {item.owner.name}
          {item.owner.jobTitle ? (
            <>
              <br />
              <span className="govuk-body-s">{item.owner.jobTitle}</span>
            </>
          ) : null}
        </>
      ) : (
        t("roadmap.item.noOwner")
      ),
    },
    { key: "reviewed", label: t("roadmap.item.lastReviewed"), value: date(item.reviewedAt) },
  ];
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: "/roadmap", label: t("roadmap.breadcrumb") },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{item.theme.name}</span>
          <h1 className="govuk-heading-l app-break-words">{item.title}</h1>
          <ul className="govuk-list app-roadmap-tags">
            <li>
              <span className="govuk-visually-hidden">{t("roadmap.item.statusLabel")}: </span>
              <RoadmapStatusTag status={item.status} />
            </li>
            <li>
              <span className="govuk-visually-hidden">{t("roadmap.item.ratingLabel")}: </span>
              {item.latestUpdate ? (
                <RagTag rating={item.latestUpdate.rating} />
              ) : (
                <strong className="govuk-tag govuk-tag--grey">{t("roadmap.rating.none")}</strong>
              )}
            </li>
          </ul>
          {item.stale ? (
            <ImportantBanner
              id="stale-banner-title"
              title={t("notices.important")}
              heading={t("roadmap.item.staleTitle")}
            >
              <p className="govuk-body">{t("roadmap.item.staleText", { date: date(item.reviewedAt) })}</p>
              {item.may.edit ? (
                <Form method="post" action={`/roadmap/${item.slug}/review`}>
                  <button
                    type="submit"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    data-module="govuk-button"
                    data-prevent-double-click="true"
                  >
                    {t("roadmap.item.markReviewed")}
                  </button>
                </Form>
              ) : null}
            </ImportantBanner>
          ) : null}
          <p className="govuk-body-l app-break-words">{item.summary}</p>
          <h2 className="govuk-heading-m">{t("roadmap.item.facts")}</h2>
          <dl className="govuk-summary-list">
            {facts.map((fact) => (
              <div className="govuk-summary-list__row" key={fact.key}>
                <dt className="govuk-summary-list__key">{fact.label}</dt>
                <dd className="govuk-summary-list__value">{fact.value}</dd>
              </div>
            ))}
          </dl>
          {item.may.postUpdate || item.may.edit ? (
            <div className="govuk-button-group">
              {item.may.postUpdate ? (
                <Link className="govuk-button" data-module="govuk-button" to={`/roadmap/${item.slug}/updates/new`}>
                  {t("roadmap.item.postUpdate")}
                </Link>
              ) : null}
              {item.may.edit ? (
                <Link
                  className="govuk-button govuk-button--secondary"
                  data-module="govuk-button"
                  to={`/roadmap/${item.slug}/edit`}
                >
                  {t("roadmap.item.edit")}
                </Link>
              ) : null}
            </div>
          ) : null}
          <h2 className="govuk-heading-m">{t("roadmap.item.description")}</h2>
          <SafeHtml html={item.descriptionHtml} className="app-prose govuk-!-margin-bottom-6" />
          {linked ? <LinkedRecords links={linked.links} linkHref={linked.linkHref} size="m" /> : null}
          <BoardDecisions decisions={decisions} />
          <h2 className="govuk-heading-m">{t("roadmap.item.updates")}</h2>
          {updates.length === 0 ? (
            <p className="govuk-body">{t("roadmap.item.noUpdates")}</p>
          ) : (
            <ol className="govuk-list app-roadmap-updates">
              {updates.map((update) => (
                <li key={update.id} className="app-roadmap-updates__update">
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
                    <time dateTime={update.updateDate}>{date(update.updateDate)}</time>{" "}
                    <RagTag rating={update.rating} />
                  </h3>
                  <SafeHtml html={update.noteHtml} />
                  {update.authorName ? (
                    <p className="govuk-body-s">{t("roadmap.item.updateBy", { name: update.authorName })}</p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          <h2 className="govuk-heading-m">{t("roadmap.item.timeline")}</h2>
          <RoadmapTimeline entries={timeline} />
          <p className="govuk-body">
            <Link className="govuk-link" to={`/roadmap/${item.slug}/history`}>
              {t("roadmap.item.history")}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
