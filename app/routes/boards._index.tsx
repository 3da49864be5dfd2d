import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { canCreateBoards } from "~/boards/board-policy.server";
import { listBoards } from "~/boards/boards.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("boards.list.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const boards = listBoards().map((board) => ({
    ...board,
    nextMeeting: board.nextMeeting
      ? { id: board.nextMeeting.id, startsAt: board.nextMeeting.startsAt.toISOString() }
      : null,
  }));
  return { boards, mayCreate: canCreateBoards(user) };
}

export default function BoardsPage() {
  const { boards, mayCreate } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: t("breadcrumbs.home") }]} />
      <h1 className="govuk-heading-l">{t("boards.list.title")}</h1>
      <p className="govuk-body">{t("boards.list.intro")}</p>
      {mayCreate ? (
        <Link className="govuk-button" data-module="govuk-button" to="/boards/new">
          {t("boards.list.add")}
        </Link>
      ) : null}
      {boards.length === 0 ? (
        <p className="govuk-body">{t("boards.list.none")}</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("boards.list.title")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t("boards.list.board")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("boards.list.members")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("boards.list.nextMeeting")}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {boards.map((board) => (
              <tr className="govuk-table__row" key={board.slug}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/boards/${board.slug}`}>
                    {board.name}
                  </Link>
                </td>
                <td className="govuk-table__cell">{board.members}</td>
                <td className="govuk-table__cell">
                  {board.nextMeeting ? (
                    <Link className="govuk-link" to={`/meetings/${board.nextMeeting.id}`}>
                      {dateTime(board.nextMeeting.startsAt)}
                    </Link>
                  ) : (
                    t("boards.list.noneScheduled")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
