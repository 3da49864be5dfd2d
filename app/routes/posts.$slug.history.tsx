import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canEditPost } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { pageTitle, routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { notFound } from "~/platform/http.server";
import { getPostForReader, listRevisions } from "~/posts/posts.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, () => pageTitle("history.title", { title: args.data?.post.title ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const post = getPostForReader(user, params.slug ?? "");
  if (!post) notFound();
  // Draft revisions are as private as drafts: only the post's editors see them.
  const seesDrafts = canEditPost(user, post);
  const revisions = listRevisions(post.id)
    .filter((revision) => seesDrafts || revision.snapshot.status === "published")
    .map((revision) => ({
      number: revision.number,
      createdAt: revision.createdAt,
      source: revision.source,
      editorName: revision.editorName,
      title: revision.snapshot.title,
      status: revision.snapshot.status,
    }));
  return { post: { slug: post.slug, title: post.title }, revisions };
}

const COLUMNS = [
  "history.revision",
  "history.when",
  "history.who",
  "history.status",
  "history.titleAtRevision",
] as const;

export default function PostHistory() {
  const { post, revisions } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  return (
    <>
      <h1 className="govuk-heading-l">{t("history.title", { title: post.title })}</h1>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="govuk-table__header">
                {t(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {revisions.map((revision) => (
            <tr className="govuk-table__row" key={revision.number}>
              <td className="govuk-table__cell">{revision.number}</td>
              <td className="govuk-table__cell">{dateTime(revision.createdAt)}</td>
              <td className="govuk-table__cell">
                {revision.editorName ??
                  (revision.source === "import"
                    ? t("history.import")
                    : revision.source === "script"
                      ? t("history.script")
                      : t("history.unknown"))}
              </td>
              <td className="govuk-table__cell">{t(`statuses.${revision.status}`)}</td>
              <td className="govuk-table__cell">{revision.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/posts/${post.slug}`}>
          {t("history.back")}
        </Link>
      </p>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
