import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { RevisionHistoryTable } from "~/components/revision-history-table";
import { decisionForHistory, listDecisionRevisions } from "~/decisions/decisions.server";
import type { MessageKey } from "~/i18n/en";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond } from "~/platform/http.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, (t) => t("history.title", { title: args.data?.decision.reference ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const decision = orRespond(() => decisionForHistory(user, params.reference ?? ""));
  const revisions = listDecisionRevisions(decision.id).map((revision) => ({
    number: revision.number,
    createdAt: revision.createdAt,
    source: revision.source,
    actorName: revision.actorName,
    changeNote: revision.changeNote,
    title: revision.snapshot.title,
    status: revision.snapshot.status,
  }));
  return { decision: { reference: decision.reference, title: decision.title }, revisions };
}

export default function DecisionHistory() {
  const { decision, revisions } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: "/decisions", label: t("decisions.breadcrumb") },
          { to: `/decisions/${decision.reference}`, label: decision.reference },
        ]}
      />
      <h1 className="govuk-heading-l app-break-words">{t("history.title", { title: decision.reference })}</h1>
      <RevisionHistoryTable
        revisions={revisions.map((revision) => ({
          ...revision,
          statusLabel: t(`decisions.status.${revision.status}` as MessageKey),
        }))}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/decisions/${decision.reference}`}>
          {t("decisions.history.back")}
        </Link>
      </p>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
