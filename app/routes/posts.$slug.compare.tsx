import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorSummary } from "~/components/error-summary";
import { ComparedFields, CompareForm } from "~/components/revision-compare";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond } from "~/platform/http.server";
import { presentPostSummary } from "~/posts/post-presenter.server";
import { getPostForReading, listPostRevisions } from "~/posts/posts.server";
import { comparePostSnapshots } from "~/revisions/post-compare.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, (t) => t("compare.title", { title: args.data?.post.title ?? "" }));

/** A revision number as the reader sees the list, or null for anything else. */
function revisionNumber(raw: string | null): number | null {
  return raw && /^\d{1,6}$/.test(raw) ? Number(raw) : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const post = orRespond(() => getPostForReading(user, params.slug ?? ""));
  const { title, partner } = presentPostSummary(post, resolveLocale(request));
  // Only the revisions this reader may see, numbered as they see them: a draft's stay hidden here too.
  const revisions = listPostRevisions(user, post);
  const query = new URL(request.url).searchParams;
  const latest = revisions[0]?.number ?? 1;
  const from = revisionNumber(query.get("from")) ?? Math.max(1, latest - 1);
  const to = revisionNumber(query.get("to")) ?? latest;
  const before = revisions.find((revision) => revision.number === from);
  const after = revisions.find((revision) => revision.number === to);
  const page = {
    post: { slug: post.slug, title, partner },
    revisions: revisions.map(({ number, createdAt }) => ({ number, createdAt })),
    from,
    to,
  };
  if (!before || !after) {
    return data({ ...page, fields: null, errors: ["compare.badRevision"] }, { status: 400 });
  }
  return { ...page, fields: comparePostSnapshots(before.snapshot, after.snapshot), errors: undefined };
}

export default function CompareRevisions() {
  const { post, revisions, from, to, fields, errors } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: `/posts/${post.slug}`, label: post.title },
          { to: `/posts/${post.slug}/history`, label: t("posts.history") },
        ]}
      />
      <ErrorSummary errors={{ from: errors }} />
      <h1 className="govuk-heading-l app-break-words">{t("compare.title", { title: post.title })}</h1>
      {fields ? (
        <>
          <p className="govuk-body-l">{t("compare.summary", { from, to })}</p>
          <ComparedFields fields={fields} />
        </>
      ) : null}
      <CompareForm slug={post.slug} revisions={revisions} from={String(from)} to={String(to)} errors={errors} />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/posts/${post.slug}/history`}>
          {t("posts.history")}
        </Link>
      </p>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
