import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { removePaper } from "~/papers/paper-commands.server";
import { getPaperFor } from "~/papers/papers.server";
import { orRespond } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, (t) => (args.data ? t("papers.remove.title", { title: args.data.paper.title }) : null));

/** Asks before removing: the paper's file goes too, unless another paper uses the same file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const paper = orRespond(() => getPaperFor(user, "manage", Number(params.id)));
  return { paper: { id: paper.id, title: paper.title, meetingId: paper.meeting.id } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meetingId = orRespond(() => removePaper({ actor: user, paperId: Number(params.id) }));
  return redirectWithNotice(`/meetings/${meetingId}`, { key: "notices.papers.removed" });
}

export default function RemovePaper() {
  const { paper } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: `/papers/${paper.id}`, label: paper.title },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l app-break-words">{t("papers.remove.title", { title: paper.title })}</h1>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">{t("papers.remove.warningPrefix")}</span>
              {t("papers.remove.warning")}
            </strong>
          </div>
          <Form method="post">
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                {t("papers.remove.submit")}
              </button>
              <Link className="govuk-link" to={`/papers/${paper.id}`}>
                {t("form.cancel")}
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
