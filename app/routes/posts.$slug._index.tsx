import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { KindTag, StatusTag, TagLinks } from "~/components/post-tags";
import { ReviewDue } from "~/components/review-due";
import { SafeHtml } from "~/components/safe-html";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond } from "~/platform/http.server";
import { reviewOfPost } from "~/posts/confirm-review.server";
import { currentPostAddress } from "~/posts/post-addresses.server";
import { presentPost } from "~/posts/post-presenter.server";
import { getPostForReading } from "~/posts/posts.server";

export const meta: MetaFunction<typeof loader> = (args) => routeTitle(args, () => args.data?.post.title ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // An old address of a post the reader may see (a draft's, before it was published) leads to its current one.
  const moved = currentPostAddress(user, params.slug ?? "");
  if (moved) throw redirect(`/posts/${moved}`, 301);
  const post = orRespond(() => getPostForReading(user, params.slug ?? ""));
  return { post: presentPost(post, user, resolveLocale(request)), review: reviewOfPost(user, post) };
}

export default function PostPage() {
  const { post, review } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <article className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {post.status !== "published" ? (
          <section className="govuk-notification-banner" aria-labelledby="status-banner-title">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="status-banner-title">
                {t(`statuses.${post.status}`)}
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">
                {post.status === "draft"
                  ? t("posts.draftBanner", { partner: post.partner.name })
                  : t("posts.archivedBanner")}
              </p>
            </div>
          </section>
        ) : null}
        <span className="govuk-caption-l">{t(`kinds.${post.kind}`)}</span>
        <h1 className="govuk-heading-xl">{post.title}</h1>
        <ReviewDue review={review} />
        <p className="govuk-body-l">{post.summary}</p>
        {post.sections.map((section) => (
          <section key={section.key} className="app-section" aria-labelledby={`section-${section.key}`}>
            <h2 className="govuk-heading-m" id={`section-${section.key}`}>
              {t(`sections.${section.key}`)}
            </h2>
            {section.html ? (
              <SafeHtml html={section.html} />
            ) : (
              <p className="govuk-body govuk-hint">{t("posts.notSet")}</p>
            )}
          </section>
        ))}
        <h2 className="govuk-heading-l" id="full-account">
          {t("posts.fullAccount")}
        </h2>
        <SafeHtml html={post.bodyHtml} />
      </div>
      <aside className="govuk-grid-column-one-third" aria-labelledby="post-meta">
        <h2 className="govuk-heading-s" id="post-meta">
          {t("posts.meta")}
        </h2>
        <dl className="govuk-summary-list govuk-summary-list--no-border app-post-meta">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("posts.kind")}</dt>
            <dd className="govuk-summary-list__value">
              <KindTag kind={post.kind} /> <StatusTag status={post.status} />
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("posts.partner")}</dt>
            <dd className="govuk-summary-list__value">
              <Link className="govuk-link" to={`/partners/${post.partner.slug}`}>
                {post.partner.name}
              </Link>
            </dd>
          </div>
          {post.publishedAt ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("statuses.published")}</dt>
              <dd className="govuk-summary-list__value">{date(post.publishedAt)}</dd>
            </div>
          ) : null}
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("posts.lastUpdated")}</dt>
            <dd className="govuk-summary-list__value">{date(post.updatedAt)}</dd>
          </div>
          {post.authorName ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("history.who")}</dt>
              <dd className="govuk-summary-list__value">{post.authorName}</dd>
            </div>
          ) : null}
        </dl>
        <TagLinks tags={post.tags} />
        <ul className="govuk-list">
          {post.canEdit ? (
            <li>
              <Link className="govuk-link" to={`/posts/${post.slug}/edit`}>
                {t("posts.edit")}
              </Link>
            </li>
          ) : null}
          <li>
            <Link className="govuk-link" to={`/posts/${post.slug}/history`}>
              {t("posts.history")}
            </Link>
          </li>
        </ul>
      </aside>
    </article>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
