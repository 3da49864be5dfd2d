import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { PostCard } from "~/components/post-card";
import { pageTitle, routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { listPartners } from "~/partners/partners.server";
import { POST_KINDS } from "~/posts/post-kinds";
import { listLatestPublished } from "~/posts/posts.server";

export const meta: MetaFunction = (args) => routeTitle(args, () => pageTitle(null));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return {
    latest: POST_KINDS.map((kind) => ({ kind, posts: listLatestPublished(kind, 3) })),
    partners: listPartners().map(({ slug, name }) => ({ slug, name })),
  };
}

export default function Home() {
  const { latest, partners } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{t("home.title")}</h1>
          <p className="govuk-body-l">{t("home.lead")}</p>
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {latest.map(({ kind, posts }) => {
            const plural = t(`kindsPlural.${kind}`);
            return (
              <section key={kind} aria-labelledby={`latest-${kind}`} className="govuk-!-margin-bottom-8">
                <h2 className="govuk-heading-l" id={`latest-${kind}`}>
                  {t("home.latest", { kind: plural.toLowerCase() })}
                </h2>
                {posts.length === 0 ? <p className="govuk-body">{t("home.none")}</p> : null}
                {posts.map((post) => (
                  <PostCard key={post.slug} post={post} headingLevel={3} />
                ))}
                <p className="govuk-body">
                  <Link className="govuk-link" to={`/posts?kind=${kind}`}>
                    {t("home.seeAll", { kind: plural.toLowerCase() })}
                  </Link>
                </p>
              </section>
            );
          })}
        </div>
        <aside className="govuk-grid-column-one-third" aria-labelledby="partners-heading">
          <h2 className="govuk-heading-m" id="partners-heading">
            {t("home.partners")}
          </h2>
          <ul className="govuk-list">
            {partners.map((partner) => (
              <li key={partner.slug}>
                <Link className="govuk-link" to={`/partners/${partner.slug}`}>
                  {partner.name}
                </Link>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
