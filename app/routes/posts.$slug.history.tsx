import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { CompareForm } from "~/components/revision-compare";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond } from "~/platform/http.server";
import { readPostAt } from "~/posts/post-addresses.server";
import { presentPostSummary } from "~/posts/post-presenter.server";
import { getPostForReading, listPostRevisions } from "~/posts/posts.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, (t) => t("history.title", { title: args.data?.post.title ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  // An old address of a post the reader may see (a draft's, before it was published) leads to its current one.
  const post = orRespond(() =>
    readPostAt(
      user,
      slug,
      () => getPostForReading(user, slug),
      (current) => `/posts/${current}/history`,
    ),
  );
  const { title, partner } = presentPostSummary(post, resolveLocale(request));
  // Draft revisions are as private as drafts: the query leaves them out for anyone but the post's editors.
  const revisions = listPostRevisions(user, post).map((revision) => ({
    number: revision.number,
    createdAt: revision.createdAt,
    source: revision.source,
    actorName: revision.actorName,
    changeNote: revision.changeNote,
    title: revision.snapshot.title,
    status: revision.snapshot.status,
  }));
  return { post: { slug: post.slug, title, partner }, revisions };
}

const COLUMNS = [
  "history.revision",
  "history.when",
  "history.who",
  "history.status",
  "history.titleAtRevision",
  "history.note",
] as const;

/** Who made a revision when no person is recorded: the import, a script, the Hub itself, or an account since removed. */
const SOURCE_NAMES = {
  import: "history.import",
  script: "history.script",
  system: "history.system",
  web: "history.unknown",
} as const;

export default function PostHistory() {
  const { post, revisions } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  const [label, when, who, status, title, note] = COLUMNS.map((column) => t(column));
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: `/partners/${post.partner.slug}`, label: post.partner.name },
          { to: `/posts/${post.slug}`, label: post.title },
        ]}
      />
      <h1 className="govuk-heading-l app-break-words">{t("history.title", { title: post.title })}</h1>
      <table className="govuk-table app-table-reflow">
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
              <td className="govuk-table__cell" data-label={label}>
                {revision.number}
              </td>
              <td className="govuk-table__cell" data-label={when}>
                {dateTime(revision.createdAt)}
              </td>
              <td className="govuk-table__cell" data-label={who}>
                {revision.actorName ?? t(SOURCE_NAMES[revision.source])}
              </td>
              <td className="govuk-table__cell" data-label={status}>
                {t(`statuses.${revision.status}`)}
              </td>
              <td className="govuk-table__cell app-break-words" data-label={title}>
                {revision.title}
              </td>
              <td className="govuk-table__cell app-break-words" data-label={note}>
                {revision.changeNote ?? (revision.source === "import" ? t("history.importedFrom") : "")}
                {revision.number > 1 ? (
                  <>
                    {revision.changeNote || revision.source === "import" ? <br /> : null}
                    <Link
                      className="govuk-link"
                      to={`/posts/${post.slug}/compare?from=${revision.number - 1}&to=${revision.number}`}
                    >
                      {t("history.compareWithPrevious", { number: revision.number - 1 })}
                    </Link>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revisions.length > 1 ? (
        <CompareForm
          slug={post.slug}
          revisions={revisions}
          from={(revisions[1]?.number ?? 1).toString()}
          to={(revisions[0]?.number ?? 1).toString()}
        />
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/posts/${post.slug}`}>
          {t("history.back")}
        </Link>
      </p>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
