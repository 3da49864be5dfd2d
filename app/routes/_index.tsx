import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ownOpenActions } from "~/actions/action-list.server";
import { requireUser } from "~/auth/session.server";
import { latestSummaries } from "~/boards/meeting-summaries.server";
import { ActionTable } from "~/components/action-table";
import { SummaryList } from "~/components/meeting-summary";
import { PostCard } from "~/components/post-card";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { listPartners, presentPartner } from "~/partners/partners.server";
import { POST_KINDS } from "~/posts/post-kinds";
import { presentPostSummary } from "~/posts/post-presenter.server";
import { listLatestPublished } from "~/posts/posts.server";

export const meta: MetaFunction = (args) => routeTitle(args, () => null);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = resolveLocale(request);
  return {
    yourActions: ownOpenActions(user),
    // The boards' latest summaries for partners, filtered for this reader.
    summaries: latestSummaries(user, 3, locale),
    latest: POST_KINDS.map((kind) => ({
      kind,
      posts: listLatestPublished(kind, 3).map((post) => presentPostSummary(post, locale)),
    })),
    partners: listPartners().map((partner) => {
      const { slug, name } = presentPartner(partner, locale);
      return { slug, name };
    }),
  };
}

export default function Home() {
  const { latest, partners, yourActions, summaries } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{t("home.title")}</h1>
          <p className="govuk-body-l">{t("home.lead")}</p>
        </div>
      </div>
      {yourActions.total > 0 ? (
        <section aria-labelledby="your-actions" className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-l" id="your-actions">
            {t("actions.home.title")}
          </h2>
          <ActionTable rows={yourActions.rows} caption={t("actions.home.title")} />
          <p className="govuk-body">
            <Link className="govuk-link" to="/actions?owner=me">
              {t("actions.home.seeAll", { count: yourActions.total })}
            </Link>
          </p>
        </section>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {latest.map(({ kind, posts }) => {
            return (
              <section key={kind} aria-labelledby={`latest-${kind}`} className="govuk-!-margin-bottom-8">
                <h2 className="govuk-heading-l" id={`latest-${kind}`}>
                  {t(`home.latest.${kind}`)}
                </h2>
                {posts.length === 0 ? <p className="govuk-body">{t("home.none")}</p> : null}
                {posts.map((post) => (
                  <PostCard key={post.slug} post={post} headingLevel={3} />
                ))}
                <p className="govuk-body">
                  <Link className="govuk-link" to={`/posts?kind=${kind}`}>
                    {t(`home.seeAll.${kind}`)}
                  </Link>
                </p>
              </section>
            );
          })}
          <SummaryList summaries={summaries} />
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
