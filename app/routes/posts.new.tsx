import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { canCreatePosts } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { ErrorSummary } from "~/components/error-summary";
import { Radios } from "~/components/form-fields";
import { PostForm } from "~/components/post-form";
import { pageTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { listPublishablePartners } from "~/partners/publishable-partners.server";
import { forbidden, runFormCommand } from "~/platform/http.server";
import { echoFormValues } from "~/posts/post-form-values";
import { POST_KINDS, type PostKind } from "~/posts/post-kinds";
import { postFormToInput } from "~/posts/post-schemas";
import { createPost } from "~/posts/save-post.server";

export const meta: MetaFunction = () => pageTitle("form.newTitle");

function kindFrom(request: Request): PostKind | null {
  const kind = new URL(request.url).searchParams.get("kind");
  return (POST_KINDS as readonly string[]).includes(kind ?? "") ? (kind as PostKind) : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!canCreatePosts(user)) forbidden();
  return { kind: kindFrom(request), partners: listPublishablePartners(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const raw = postFormToInput(await request.formData());
  const result = runFormCommand(() => createPost({ actor: user, raw }));
  if (!result.ok) return data({ errors: result.errors, values: echoFormValues(raw) }, { status: 400 });
  return redirect(`/posts/${result.value.slug}`);
}

export default function NewPost() {
  const { kind, partners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  if (!kind) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={actionData?.errors ?? {}} />
          <Form method="get" noValidate>
            <Radios
              name="kind"
              legend={t("form.chooseKind")}
              legendClassName="govuk-fieldset__legend--l"
              isPageHeading
              options={POST_KINDS.map((value) => ({
                value,
                label: t(`kinds.${value}`),
                hint: t(`kindHints.${value}`),
              }))}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("form.continue")}
            </button>
          </Form>
        </div>
      </div>
    );
  }
  return (
    <PostForm
      kind={kind}
      heading={t("form.newTitle")}
      values={actionData?.values ?? {}}
      errors={actionData?.errors ?? {}}
      partners={partners}
      cancelTo="/posts"
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
