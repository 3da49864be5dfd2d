import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { ErrorSummary } from "~/components/error-summary";
import { Radios } from "~/components/form-fields";
import { PostForm } from "~/components/post-form";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { listPublishablePartners } from "~/partners/publishable-partners.server";
import { forbidden, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { echoFormValues } from "~/posts/post-form-values";
import { POST_KINDS, type PostKind } from "~/posts/post-kinds";
import { noticeAfterSave } from "~/posts/post-notices.server";
import { canWritePosts } from "~/posts/post-policy.server";
import { postFormToInput } from "~/posts/post-schemas";
import { createPost } from "~/posts/save-post.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("form.newTitle"));

/** The kind chosen on the first step; `chosenBadly` when the form was sent without a valid one. */
function kindFrom(request: Request): { kind: PostKind | null; chosenBadly: boolean } {
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind");
  if ((POST_KINDS as readonly string[]).includes(kind ?? "")) return { kind: kind as PostKind, chosenBadly: false };
  return { kind: null, chosenBadly: params.has("kind") || params.get("step") === "kind" };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!canWritePosts(user)) forbidden();
  return { ...kindFrom(request), partners: listPublishablePartners(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { fields } = postFormToInput(await readForm(request));
  const result = runFormCommand(() => createPost({ actor: user, fields }));
  if (!result.ok) return data({ errors: result.errors, values: echoFormValues(fields) }, { status: 400 });
  return redirectWithNotice(`/posts/${result.value.slug}`, await noticeAfterSave(result.value, { created: true }));
}

const kindErrors = { kind: ["errors.kind.unknown"] };

export default function NewPost() {
  const { kind, chosenBadly, partners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  if (!kind) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={actionData?.errors ?? (chosenBadly ? kindErrors : {})} />
          <Form method="get" noValidate>
            <input type="hidden" name="step" value="kind" />
            <Radios
              name="kind"
              legend={t("form.chooseKind")}
              legendClassName="govuk-fieldset__legend--l"
              isPageHeading
              errors={chosenBadly ? kindErrors.kind : undefined}
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
