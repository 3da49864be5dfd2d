import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Pagination } from "~/components/pagination";
import { PostCard } from "~/components/post-card";
import { SafeHtml } from "~/components/safe-html";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { getPartnerForReading, presentPartnerPage } from "~/partners/partners.server";
import { orRespond } from "~/platform/http.server";
import { parseListQuery } from "~/posts/post-filters";
import { presentPostSummary } from "~/posts/post-presenter.server";
import { listPosts } from "~/posts/posts.server";

export const meta: MetaFunction<typeof loader> = (args) => routeTitle(args, () => args.data?.partner.name ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const partner = orRespond(() => getPartnerForReading(params.slug ?? ""));
  const locale = resolveLocale(request);
  const { page } = parseListQuery(new URL(request.url).searchParams);
  const result = listPosts(user, { partnerSlug: partner.slug, page });
  return {
    partner: presentPartnerPage(partner, locale),
    ...result,
    posts: result.posts.map((post) => presentPostSummary(post, locale)),
  };
}

export default function PartnerPage() {
  const { partner, posts, page, pageCount } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { t } = useI18n();
  return (
    <>
      <span className="govuk-caption-l">{t(`partnerTypes.${partner.type}`)}</span>
      <h1 className="govuk-heading-xl">{partner.name}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SafeHtml className="app-prose govuk-!-margin-bottom-6" html={partner.descriptionHtml} />
          {partner.website ? (
            <p className="govuk-body">
              <a className="govuk-link" href={partner.website} rel="noopener noreferrer">
                {t("partners.website")}: {partner.website.replace(/^https?:\/\//, "")}
              </a>
            </p>
          ) : null}
          <h2 className="govuk-heading-l">{t("partners.posts", { partner: partner.name })}</h2>
          {posts.length === 0 ? <p className="govuk-body">{t("partners.none", { partner: partner.name })}</p> : null}
          {posts.map((post) => (
            <PostCard key={post.slug} post={post} headingLevel={3} />
          ))}
          <Pagination page={page} pageCount={pageCount} search={search} />
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
