import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorSummary } from "~/components/error-summary";
import { LinkedRecords } from "~/components/linked-records";
import { ImportantBanner } from "~/components/notification-banner";
import { PostApplications } from "~/components/post-applications";
import { PostFacts } from "~/components/post-facts";
import { PostInterest } from "~/components/post-interest";
import { TagLinks } from "~/components/post-tags";
import { ReviewDue } from "~/components/review-due";
import { SafeHtml } from "~/components/safe-html";
import { SimilarPosts } from "~/components/similar-posts";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { linkedRecordsSection } from "~/links/links.server";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { reviewOfPost } from "~/posts/confirm-review.server";
import { recordApplication, registerInterest, withdrawInterest } from "~/posts/partner-responses.server";
import { readPostAt } from "~/posts/post-addresses.server";
import { presentPost } from "~/posts/post-presenter.server";
import { getPostForReading } from "~/posts/posts.server";
import { topicNames } from "~/posts/topics.server";
import { similarPostsSection } from "~/search/similar-records.server";

export const meta: MetaFunction<typeof loader> = (args) => routeTitle(args, () => args.data?.post.title ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  // An old address of a post the reader may see (a draft's, before it was published) leads to its current one.
  const post = orRespond(() =>
    readPostAt(
      user,
      slug,
      () => getPostForReading(user, slug),
      (current) => `/posts/${current}`,
    ),
  );
  const locale = resolveLocale(request);
  const presented = presentPost(post, user, locale);
  return {
    post: presented,
    linked: linkedRecordsSection(user, "post", post.slug, locale),
    review: reviewOfPost(user, post),
    topicNames: Object.fromEntries(topicNames(presented.tags)),
    similar: await similarPostsSection(user, post),
  };
}

/**
 * The reader's partner responds to the post: "we applied this" (a lesson or
 * case study; the form without an intent), "we want this too" or taking that back (an aspiration).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const slug = params.slug ?? "";
  const intent = form.get("intent");
  if (intent === "withdrawInterest") {
    const { slug: current, partnerName } = orRespond(() => withdrawInterest(user, { slug }));
    return redirectWithNotice(`/posts/${current}#wanted`, {
      key: "notices.post.interestWithdrawn",
      params: { partner: partnerName },
    });
  }
  const interest = intent === "interest";
  const result = runFormCommand(() =>
    (interest ? registerInterest : recordApplication)(user, { slug, note: form.get("note") }),
  );
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  const { slug: current, partnerName, updated } = result.value;
  const key = interest
    ? updated
      ? "notices.post.interestAgain"
      : "notices.post.interest"
    : updated
      ? "notices.post.appliedAgain"
      : "notices.post.applied";
  return redirectWithNotice(`/posts/${current}#${interest ? "wanted" : "applied"}`, {
    key,
    params: { partner: partnerName },
  });
}

/** Where the finder sent the reader from, if it did: only a path on the finder is trusted. */
function useBackToResults(): string | null {
  const state: unknown = useLocation().state;
  const backTo = state && typeof state === "object" ? (state as { backTo?: unknown }).backTo : undefined;
  return typeof backTo === "string" && /^\/search(?:[?#]|$)/.test(backTo) ? backTo : null;
}

export default function PostPage() {
  const { post, review, topicNames: names, linked, similar } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const backTo = useBackToResults();
  const { t } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  return (
    <>
      {/* GOV.UK pages use a back link or breadcrumbs, not both: coming from the results, the way back is to them. */}
      {backTo ? (
        <Link className="govuk-back-link" to={backTo}>
          {t("postPage.backToResults")}
        </Link>
      ) : (
        <Breadcrumbs
          items={[
            { to: "/", label: t("breadcrumbs.home") },
            { to: "/search", label: t("breadcrumbs.find") },
            { to: `/partners/${post.partner.slug}`, label: post.partner.name },
          ]}
        />
      )}
      <ErrorSummary errors={errors} />
      <article className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {post.status !== "published" ? (
            <ImportantBanner
              id="status-banner-title"
              title={t(`statuses.${post.status}`)}
              heading={
                post.status === "draft"
                  ? t("posts.draftBanner", { partner: post.partner.name })
                  : t("posts.archivedBanner")
              }
            />
          ) : null}
          <span className="govuk-caption-l">{t(`kinds.${post.kind}`)}</span>
          <h1 className="govuk-heading-xl">{post.title}</h1>
          <PostFacts post={post} />
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
          {post.kind === "lesson" || post.kind === "case-study" ? (
            <PostApplications
              kind={post.kind}
              applications={post.applications}
              canApply={post.canApply}
              ownNote={post.ownApplicationNote}
              ownPartnerName={post.ownPartnerName}
              errors={errors.note}
            />
          ) : null}
          {post.interest ? (
            <PostInterest
              partners={post.interest.partners}
              canRegister={post.interest.canRegister}
              ownNote={post.interest.ownNote}
              ownPartnerName={post.interest.ownPartnerName}
              errors={errors.note}
            />
          ) : null}
          {linked ? <LinkedRecords links={linked.links} ownKind={linked.ownKind} linkHref={linked.linkHref} /> : null}
          {similar ? <SimilarPosts posts={similar} /> : null}
        </div>
        <aside className="govuk-grid-column-one-third" aria-labelledby="post-actions">
          <h2 className="govuk-heading-s" id="post-actions">
            {t("postPage.actions")}
          </h2>
          <TagLinks tags={post.tags} names={names} />
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
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
