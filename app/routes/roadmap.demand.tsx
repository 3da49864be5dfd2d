import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Pagination } from "~/components/pagination";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { listDemand } from "~/roadmap/demand.server";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("demand.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  return listDemand(user, resolveLocale(request), Number.isFinite(page) ? page : 1);
}

/** The roadmap owner's view of demand: aspirations no item is driven by yet, the most wanted first. */
export default function Demand() {
  const { entries, total, page, pageCount } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { t, date } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: "/roadmap", label: t("demand.roadmap") },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{t("demand.title")}</h1>
          <p className="govuk-body-l">{t("demand.lead")}</p>
          <p className="govuk-body">{t("demand.how")}</p>
        </div>
      </div>
      {total === 0 ? (
        <p className="govuk-body">{t("demand.none")}</p>
      ) : (
        <>
          <p className="govuk-body govuk-!-font-weight-bold">{t("demand.count", { count: total })}</p>
          <ol className="govuk-list app-demand">
            {entries.map((entry) => (
              <li key={entry.slug} className="app-demand__entry">
                <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
                  <Link className="govuk-link" to={`/posts/${entry.slug}`}>
                    {entry.title}
                  </Link>
                </h2>
                <p className="govuk-body-s govuk-hint govuk-!-margin-bottom-2">
                  {entry.publishedAt
                    ? t("demand.byPartnerOn", { partner: entry.partner.name, date: date(entry.publishedAt) })
                    : t("demand.byPartner", { partner: entry.partner.name })}
                </p>
                <p className="govuk-body">{entry.summary}</p>
                <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                  {entry.wantedBy.length > 0
                    ? t("demand.wantedBy", { count: entry.wantedBy.length })
                    : t("demand.wantedByNone")}
                </p>
                {entry.wantedBy.length > 0 ? (
                  <ul className="govuk-list govuk-list--bullet">
                    {entry.wantedBy.map((partner) => (
                      <li key={partner.slug}>
                        <Link className="govuk-link" to={`/partners/${partner.slug}`}>
                          {partner.name}
                        </Link>
                        {partner.note ? <span className="app-preserve-lines">: {partner.note}</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
          <Pagination page={page} pageCount={pageCount} search={search} />
        </>
      )}
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
