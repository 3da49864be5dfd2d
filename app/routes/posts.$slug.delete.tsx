import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { deletePost } from "~/posts/delete-post.server";
import { noticeAfterDelete } from "~/posts/post-notices.server";
import { getPostForDeleting } from "~/posts/posts.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  routeTitle(args, (t) => t("delete.title", { title: args.data?.post.title ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const post = orRespond(() => getPostForDeleting(user, params.slug ?? ""));
  return { post: { slug: post.slug, title: post.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const deleted = orRespond(() => deletePost({ actor: user, slug: params.slug ?? "" }));
  return redirectWithNotice(`/partners/${deleted.partnerSlug}`, await noticeAfterDelete(deleted));
}

export default function DeletePost() {
  const { post } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("delete.title", { title: post.title })}</h1>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t("delete.warning")}</span>
            {t("delete.explain")}
          </strong>
        </div>
        <Form method="post">
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
              {t("delete.confirm")}
            </button>
            <Link className="govuk-link" to={`/posts/${post.slug}/edit`}>
              {t("form.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
