import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { PostForm } from "~/components/post-form";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { listPublishablePartners } from "~/partners/publishable-partners.server";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { echoFormValues } from "~/posts/post-form-values";
import { noticeAfterSave } from "~/posts/post-notices.server";
import { presentPostForEditing } from "~/posts/post-presenter.server";
import { postFormToInput } from "~/posts/post-schemas";
import { getPostForEditing } from "~/posts/posts.server";
import { updatePost } from "~/posts/save-post.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => t("form.editTitle", { title: args.data?.post.title ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const post = orRespond(() => getPostForEditing(user, params.slug ?? ""));
  return { post: presentPostForEditing(post), partners: listPublishablePartners(user) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { fields, changeNote } = postFormToInput(await readForm(request));
  const result = runFormCommand(() => updatePost({ actor: user, slug: params.slug ?? "", fields, changeNote }));
  if (!result.ok) {
    return data({ errors: result.errors, values: echoFormValues(fields, changeNote) }, { status: 400 });
  }
  return redirectWithNotice(`/posts/${result.value.slug}`, await noticeAfterSave(result.value, { created: false }));
}

export default function EditPost() {
  const { post, partners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <PostForm
      // Remount after a save so the fields show what was stored.
      key={post.slug}
      kind={post.kind}
      heading={t("form.editTitle", { title: post.title })}
      values={actionData?.values ?? post}
      errors={actionData?.errors ?? {}}
      partners={partners}
      cancelTo={`/posts/${post.slug}`}
      deleteTo={`/posts/${post.slug}/delete`}
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
