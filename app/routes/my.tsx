import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { ADMIN, holdsAny } from "~/auth/principals";
import { requireUser } from "~/auth/session.server";
import { Select } from "~/components/form-fields";
import { Pagination } from "~/components/pagination";
import { KindTag } from "~/components/post-tags";
import { ConfirmReviewForm } from "~/components/review-due";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { listPartners } from "~/partners/partners.server";
import { orRespond } from "~/platform/http.server";
import { REVIEW_SOON_DAYS, reviewStatus } from "~/posts/review-dates";
import { hasWorkspace, listWorkspacePosts, workspaceCounts, workspacePartner } from "~/posts/workspace.server";
import { isWorkspaceTab, WORKSPACE_TABS, type WorkspaceTab } from "~/posts/workspace-tabs";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, (t) =>
    args.data && "forEditors" in args.data ? t("workspace.forEditors.title") : t("workspace.title"),
  );

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Readers get a page that says what the workspace is and who it is for, with a 403.
  if (!hasWorkspace(user)) return data({ forEditors: true as const }, { status: 403 });
  const params = new URL(request.url).searchParams;
  const isAdmin = holdsAny(user, [ADMIN]);
  const partner = orRespond(() => workspacePartner(user, params.get("partner") || null));
  const requestedTab = params.get("tab");
  const tab: WorkspaceTab = isWorkspaceTab(requestedTab) ? requestedTab : "drafts";
  const now = new Date();
  const list = listWorkspacePosts(user, partner, tab, { page: Number(params.get("page")) || 1, now });
  return {
    partner: { slug: partner.slug, name: partner.name },
    // Administrators choose whose workspace to see; an editor's is their partner's.
    partners: isAdmin ? listPartners().map(({ slug, name }) => ({ slug, name })) : null,
    chosenPartner: isAdmin ? partner.slug : null,
    tab,
    counts: workspaceCounts(user, partner, now),
    ...list,
    posts: list.posts.map((post) => ({ ...post, review: reviewStatus(post, now) })),
  };
}

export default function Workspace() {
  const loaded = useLoaderData<typeof loader>();
  if ("forEditors" in loaded) return <ForEditorsOnly />;
  return <WorkspacePage {...loaded} />;
}

function ForEditorsOnly() {
  const { t } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("workspace.forEditors.title")}</h1>
        <p className="govuk-body">{t("workspace.forEditors.text")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/search">
            {t("workspace.forEditors.browse")}
          </Link>
        </p>
      </div>
    </div>
  );
}

type WorkspaceData = Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { forEditors: true }>;

function WorkspacePage({ partner, partners, chosenPartner, tab, counts, posts, page, pageCount }: WorkspaceData) {
  const { t } = useI18n();
  const { search } = useLocation();
  const tabHref = (target: WorkspaceTab) => {
    const query = new URLSearchParams({ tab: target });
    if (chosenPartner) query.set("partner", chosenPartner);
    return `?${query}`;
  };
  const workspace = { tab, partner: chosenPartner ?? undefined };
  return (
    <>
      <span className="govuk-caption-l">{partner.name}</span>
      <h1 className="govuk-heading-xl">{t("workspace.title")}</h1>
      <p className="govuk-body-l">{t(partners ? "workspace.leadAdmin" : "workspace.lead")}</p>
      {partners ? (
        <Form method="get" className="app-workspace-partner">
          <input type="hidden" name="tab" value={tab} />
          <Select
            name="partner"
            label={t("workspace.partner.label")}
            defaultValue={partner.slug}
            options={partners.map((option) => ({ value: option.slug, label: option.name }))}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("workspace.partner.show")}
          </button>
        </Form>
      ) : null}
      <div className="govuk-tabs app-workspace-tabs">
        <h2 className="govuk-tabs__title">{t("workspace.tabs.title")}</h2>
        <ul className="govuk-tabs__list">
          {WORKSPACE_TABS.map((each) => (
            <li key={each} className={`govuk-tabs__list-item${each === tab ? " govuk-tabs__list-item--selected" : ""}`}>
              <Link
                className="govuk-tabs__tab"
                to={tabHref(each)}
                aria-current={each === tab ? "page" : undefined}
                data-testid={`tab-${each}`}
              >
                {t(`workspace.tab.${each}`, { count: counts[each] })}
              </Link>
            </li>
          ))}
        </ul>
        <section className="govuk-tabs__panel" aria-labelledby="workspace-panel-heading">
          <h2 className="govuk-heading-l" id="workspace-panel-heading">
            {t(`workspace.heading.${tab}`)}
          </h2>
          {tab === "due" ? (
            <p className="govuk-body">{t("workspace.explain.due", { days: REVIEW_SOON_DAYS })}</p>
          ) : null}
          {posts.length === 0 ? <p className="govuk-body">{t(`workspace.empty.${tab}`)}</p> : null}
          {posts.map((post) => (
            <WorkspaceCard key={post.slug} post={post} workspace={workspace} />
          ))}
          <Pagination page={page} pageCount={pageCount} search={search} />
        </section>
      </div>
    </>
  );
}

function WorkspaceCard({
  post,
  workspace,
}: {
  post: WorkspaceData["posts"][number];
  workspace: { tab: WorkspaceTab; partner?: string };
}) {
  const { t, date } = useI18n();
  return (
    <div className="govuk-summary-card" data-testid="workspace-post">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          <Link className="govuk-link" to={`/posts/${post.slug}`}>
            {post.title}
          </Link>
        </h3>
        <ul className="govuk-summary-card__actions">
          <li className="govuk-summary-card__action">
            <Link className="govuk-link" to={`/posts/${post.slug}/edit`}>
              {t("workspace.edit")}
              <span className="govuk-visually-hidden"> ({post.title})</span>
            </Link>
          </li>
        </ul>
      </div>
      <div className="govuk-summary-card__content">
        {post.review === "overdue" && post.reviewBy ? (
          <div className="govuk-warning-text govuk-!-margin-bottom-2">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">{t("review.warning")}</span>
              {t("review.overdue", { date: date(post.reviewBy) })}
            </strong>
          </div>
        ) : null}
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("workspace.kind")}</dt>
            <dd className="govuk-summary-list__value">
              <KindTag kind={post.kind} />
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("workspace.updated")}</dt>
            <dd className="govuk-summary-list__value">{date(post.updatedAt)}</dd>
          </div>
          {post.status === "published" ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("workspace.reviewBy")}</dt>
              <dd className="govuk-summary-list__value">
                {post.reviewBy ? date(post.reviewBy) : t("workspace.notSet")}
              </dd>
            </div>
          ) : null}
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("workspace.contact")}</dt>
            <dd className="govuk-summary-list__value">{post.contactName ?? t("workspace.notSet")}</dd>
          </div>
        </dl>
        {post.review === "overdue" || post.review === "soon" ? (
          <ConfirmReviewForm slug={post.slug} title={post.title} workspace={workspace} />
        ) : null}
      </div>
    </div>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
