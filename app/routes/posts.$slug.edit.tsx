import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { takeKeptForm } from "~/auth/pending-forms.server";
import { requireUser } from "~/auth/session.server";
import { PostForm } from "~/components/post-form";
import { PostPreview } from "~/components/post-preview";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond } from "~/platform/http.server";
import { readPostAt } from "~/posts/post-addresses.server";
import { postFormAction } from "~/posts/post-form-action.server";
import { postFormChoices } from "~/posts/post-form-data.server";
import { echoFormValues } from "~/posts/post-form-values";
import { presentPostForEditing } from "~/posts/post-presenter.server";
import { postFormToInput } from "~/posts/post-schemas";
import { getPostForEditing } from "~/posts/posts.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) =>
    args.data ? t(`writing.editTitle.${args.data.post.kind}`, { title: args.data.post.title }) : null,
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  // An old address of a post the reader may see (a draft's, before it was published) leads to its current one.
  const post = orRespond(() =>
    readPostAt(
      user,
      slug,
      () => getPostForEditing(user, slug),
      (current) => `/posts/${current}/edit`,
    ),
  );
  const kept = takeKeptForm(request, user, (form) => {
    const { fields, changeNote } = postFormToInput(form);
    return echoFormValues(fields, changeNote);
  });
  return { post: presentPostForEditing(post), ...postFormChoices(user), kept };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return postFormAction(request, await requireUser(request), params.slug ?? "");
}

export default function EditPost() {
  const { post, partners, contacts, tags, kept } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  if (actionData?.preview) return <PostPreview post={actionData.preview} values={actionData.values} kind={post.kind} />;
  return (
    <PostForm
      // Remount after a save so the fields show what was stored.
      key={post.slug}
      kind={post.kind}
      heading={t(`writing.editTitle.${post.kind}`, { title: post.title })}
      values={actionData?.values ?? kept ?? post}
      errors={actionData?.errors ?? {}}
      partners={partners}
      contacts={contacts}
      tags={tags}
      stage={post.status}
      address={post.everPublished ? post.address : undefined}
      cancelTo={`/posts/${post.address}`}
      deleteTo={`/posts/${post.address}/delete`}
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
