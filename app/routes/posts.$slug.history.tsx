import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { CompareForm } from "~/components/revision-compare";
import { RevisionHistoryTable } from "~/components/revision-history-table";
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

export default function PostHistory() {
  const { post, revisions } = useLoaderData<typeof loader>();
  const { t } = useI18n();
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
      <RevisionHistoryTable
        revisions={revisions.map((revision) => ({
          ...revision,
          statusLabel: t(`statuses.${revision.status}`),
          compareTo:
            revision.number > 1
              ? `/posts/${post.slug}/compare?from=${revision.number - 1}&to=${revision.number}`
              : undefined,
        }))}
      />
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
