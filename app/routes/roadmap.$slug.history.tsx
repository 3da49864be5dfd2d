import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { RevisionHistoryTable } from "~/components/revision-history-table";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond } from "~/platform/http.server";
import { readRoadmapItemAt } from "~/roadmap/roadmap-addresses.server";
import { getRoadmapItemFor, listRoadmapItemRevisions } from "~/roadmap/roadmap-items.server";
import { readRoadmapItemSnapshot } from "~/roadmap/roadmap-snapshot";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, (t) => t("history.title", { title: args.data?.item.title ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const item = orRespond(() =>
    readRoadmapItemAt(
      slug,
      () => getRoadmapItemFor(user, "read", slug),
      (current) => `/roadmap/${current}/history`,
    ),
  );
  const revisions = listRoadmapItemRevisions(item.id).map((revision) => ({
    number: revision.number,
    createdAt: revision.createdAt,
    source: revision.source,
    actorName: revision.actorName,
    changeNote: revision.changeNote,
    ...readRoadmapItemSnapshot(revision.snapshot),
  }));
  return { item: { slug: item.slug, title: item.title }, revisions };
}

export default function RoadmapItemHistory() {
  const { item, revisions } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: "/roadmap", label: t("roadmap.breadcrumb") },
          { to: `/roadmap/${item.slug}`, label: item.title },
        ]}
      />
      <h1 className="govuk-heading-l app-break-words">{t("history.title", { title: item.title })}</h1>
      <RevisionHistoryTable
        revisions={revisions.map((revision) => ({ ...revision, statusLabel: t(`roadmap.status.${revision.status}`) }))}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/roadmap/${item.slug}`}>
          {t("roadmap.history.back")}
        </Link>
      </p>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
