import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Select } from "~/components/form-fields";
import { Pagination } from "~/components/pagination";
import { PostCard } from "~/components/post-card";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { listPartners } from "~/partners/partners.server";
import { parseListQuery } from "~/posts/post-filters";
import { POST_KINDS } from "~/posts/post-kinds";
import { presentPostSummary } from "~/posts/post-presenter.server";
import { listPosts, listPublishedTags } from "~/posts/posts.server";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("posts.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseListQuery(new URL(request.url).searchParams);
  const locale = resolveLocale(request);
  const result = listPosts(user, { kind: query.kind, partnerSlug: query.partner, tag: query.tag, page: query.page });
  return {
    query,
    ...result,
    posts: result.posts.map((post) => presentPostSummary(post, locale)),
    partners: listPartners().map(({ slug, name }) => ({ slug, name })),
    tags: listPublishedTags().map(({ tag }) => tag),
  };
}

export default function PostList() {
  const { query, posts, total, page, pageCount, partners, tags } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { t } = useI18n();
  const any = { value: "", label: t("posts.filter.any") };
  return (
    <>
      <h1 className="govuk-heading-xl">{t("posts.title")}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Form method="get" className="app-filters" aria-labelledby="filters-heading">
            <h2 className="govuk-heading-m" id="filters-heading">
              {t("posts.filters")}
            </h2>
            <Select
              name="kind"
              label={t("posts.filter.kind")}
              defaultValue={query.kind ?? ""}
              options={[any, ...POST_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))]}
            />
            <Select
              name="partner"
              label={t("posts.filter.partner")}
              defaultValue={query.partner ?? ""}
              options={[any, ...partners.map((partner) => ({ value: partner.slug, label: partner.name }))]}
            />
            <Select
              name="tag"
              label={t("posts.filter.tag")}
              defaultValue={query.tag ?? ""}
              options={[any, ...tags.map((tag) => ({ value: tag, label: tag }))]}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                {t("posts.filter.apply")}
              </button>
              <Link className="govuk-link" to="/posts">
                {t("posts.filter.clear")}
              </Link>
            </div>
          </Form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body" role="status">
            {t("posts.count", { count: total })}
          </p>
          {posts.length === 0 ? <p className="govuk-body">{t("posts.empty")}</p> : null}
          {posts.map((post) => (
            <PostCard key={post.slug} post={post} />
          ))}
          <Pagination page={page} pageCount={pageCount} search={search} />
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
