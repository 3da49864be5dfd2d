import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GlossaryTermForm } from "~/components/glossary-term-form";
import { createGlossaryTerm } from "~/glossary/glossary.server";
import { glossaryFormOf, requireGlossaryManager } from "~/glossary/glossary-routes.server";
import { GLOSSARY_LIMITS } from "~/glossary/glossary-rules";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("glossary.form.newTitle"));

export async function loader({ request }: LoaderFunctionArgs) {
  requireGlossaryManager(await requireUser(request));
  // "Add to the glossary" from the search analytics page names the words searched for.
  const term = (new URL(request.url).searchParams.get("term") ?? "").trim().slice(0, GLOSSARY_LIMITS.nameLength);
  return { term };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlossaryManager(user);
  const { values, fields } = glossaryFormOf(await readForm(request));
  const result = runFormCommand(() => createGlossaryTerm({ actor: user, fields }));
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirectWithNotice(`/admin/glossary#${result.value.slug}`, {
    key: "notices.glossary.created",
    params: { term: result.value.term },
  });
}

export default function NewGlossaryTerm() {
  const { term } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const values = actionData?.values ?? {
    term,
    abbreviations: "",
    otherNames: "",
    welshTerms: "",
    alsoFinds: "",
    description: "",
  };
  return (
    <>
      <Breadcrumbs items={[{ to: "/admin/glossary", label: t("glossary.admin.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("glossary.form.newTitle")}</h1>
          <GlossaryTermForm values={values} errors={actionData?.errors ?? {}} submitLabel={t("glossary.form.add")} />
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
