import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { agendaNumbersFor } from "~/boards/agenda-numbers.server";
import { canOnPaper } from "~/boards/paper-policy.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { useFileFacts } from "~/components/meeting-papers";
import { routeTitle } from "~/i18n/meta";
import { translateLoose } from "~/i18n/translate";
import { useI18n } from "~/i18n/use-t";
import { getPaperFor } from "~/papers/papers.server";
import { orRespond } from "~/platform/http.server";

export const meta: MetaFunction<typeof loader> = (args) => routeTitle(args, () => args.data?.paper.title ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const paper = orRespond(() => getPaperFor(user, "read", Number(params.id)));
  return {
    paper: {
      id: paper.id,
      title: paper.title,
      confidential: paper.confidential,
      meeting: {
        id: paper.meeting.id,
        startsAt: paper.meeting.startsAt,
        boardName: paper.meeting.boardName,
        boardSlug: paper.meeting.boardSlug,
      },
      // Numbered as this reader sees the agenda: a confidential item leaves no gap.
      agendaItem: paper.agendaItem
        ? {
            position: agendaNumbersFor(user, paper.meeting.id).get(paper.agendaItem.id) ?? 0,
            title: paper.agendaItem.title,
          }
        : null,
      fileName: paper.fileName,
      fileType: paper.fileType,
      size: paper.size,
      textState: paper.textState,
      textProblem: paper.textProblem,
      uploadedBy: paper.uploadedBy,
      uploadedAt: paper.uploadedAt,
    },
    canManage: canOnPaper(user, "manage", { boardId: paper.meeting.boardId, confidential: paper.confidential }),
  };
}

export default function PaperPage() {
  const { paper, canManage } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  const facts = useFileFacts();
  const meetingLabel = t("papers.meetingLabel", {
    board: paper.meeting.boardName,
    date: dateTime(paper.meeting.startsAt),
  });
  const rows = [
    {
      key: "meeting",
      label: t("papers.page.meeting"),
      value: (
        <Link className="govuk-link" to={`/meetings/${paper.meeting.id}`}>
          {meetingLabel}
        </Link>
      ),
    },
    {
      key: "agendaItem",
      label: t("papers.page.agendaItem"),
      value: paper.agendaItem
        ? t("papers.form.agendaItemOption", { position: paper.agendaItem.position, title: paper.agendaItem.title })
        : t("papers.page.noAgendaItem"),
    },
    { key: "file", label: t("papers.page.file"), value: `${paper.fileName} (${facts(paper.fileType, paper.size)})` },
    {
      key: "uploaded",
      label: t("papers.page.uploaded"),
      value: paper.uploadedBy
        ? t("papers.page.uploadedByOn", { name: paper.uploadedBy, date: dateTime(paper.uploadedAt) })
        : dateTime(paper.uploadedAt),
    },
  ];
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: `/boards/${paper.meeting.boardSlug}`, label: paper.meeting.boardName },
          { to: `/meetings/${paper.meeting.id}`, label: meetingLabel },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{t("papers.page.caption")}</span>
          <h1 className="govuk-heading-l app-break-words">{paper.title}</h1>
          {paper.confidential ? (
            <p className="govuk-body">
              <strong className="govuk-tag govuk-tag--red">{t("papers.confidential")}</strong>{" "}
              {t("papers.page.confidentialNote")}
            </p>
          ) : null}
          {paper.textState === "pending" ? (
            <div className="govuk-inset-text">{t("papers.page.textPending")}</div>
          ) : paper.textState === "unreadable" ? (
            <div className="govuk-inset-text">
              {t("papers.page.textUnreadable", {
                reason: translateLoose(t, paper.textProblem ?? "papers.textProblem.unknown"),
              })}
            </div>
          ) : null}
          <dl className="govuk-summary-list">
            {rows.map((row) => (
              <div className="govuk-summary-list__row" key={row.key}>
                <dt className="govuk-summary-list__key">{row.label}</dt>
                <dd className="govuk-summary-list__value app-break-words">{row.value}</dd>
              </div>
            ))}
          </dl>
          <p className="govuk-body">
            {/* A document request, not a client-side navigation: the answer is a file. */}
            <Link
              className="govuk-button"
              to={`/papers/${paper.id}/download`}
              reloadDocument
              role="button"
              draggable="false"
              data-module="govuk-button"
              download
            >
              {t("papers.page.download", { type: t(`papers.fileType.${paper.fileType}`) })}
            </Link>
          </p>
          {canManage ? (
            <ul className="govuk-list">
              <li>
                <Link className="govuk-link" to={`/papers/${paper.id}/edit`}>
                  {t("papers.page.edit")}
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`/papers/${paper.id}/remove`}>
                  {t("papers.page.remove")}
                </Link>
              </li>
            </ul>
          ) : null}
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
