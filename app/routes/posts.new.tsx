import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { takeKeptForm } from "~/auth/pending-forms.server";
import { requireUser } from "~/auth/session.server";
import { ErrorSummary } from "~/components/error-summary";
import { Radios } from "~/components/form-fields";
import { PostForm } from "~/components/post-form";
import { PostPreview } from "~/components/post-preview";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { forbidden } from "~/platform/http.server";
import { postFormAction } from "~/posts/post-form-action.server";
import { postFormChoices } from "~/posts/post-form-data.server";
import { echoFormValues } from "~/posts/post-form-values";
import { POST_KINDS, type PostKind } from "~/posts/post-kinds";
import { canWritePosts } from "~/posts/post-policy.server";
import { postFormToInput } from "~/posts/post-schemas";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => {
    const kind = args.data?.kind;
    return kind ? t(`writing.newTitle.${kind}`) : t("form.newTitle");
  });

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
  const kept = takeKeptForm(request, user, (form) => echoFormValues(postFormToInput(form).fields));
  // The contact is the author unless someone else is chosen.
  return { ...kindFrom(request), ...postFormChoices(user), author: user.id, kept };
}

export async function action({ request }: ActionFunctionArgs) {
  return postFormAction(request, await requireUser(request));
}

const kindErrors = { kind: ["errors.kind.unknown"] };

export default function NewPost() {
  const { kind, chosenBadly, partners, contacts, tags, author, kept } = useLoaderData<typeof loader>();
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
  if (actionData?.preview) return <PostPreview post={actionData.preview} values={actionData.values} kind={kind} />;
  return (
    <PostForm
      kind={kind}
      heading={t(`writing.newTitle.${kind}`)}
      values={actionData?.values ?? kept ?? { contact: author }}
      errors={actionData?.errors ?? {}}
      partners={partners}
      contacts={contacts}
      tags={tags}
      stage="new"
      cancelTo="/my"
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
