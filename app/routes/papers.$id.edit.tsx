import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorSummary } from "~/components/error-summary";
import { PaperFields } from "~/components/paper-fields";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { editPaper, parsePaperFields } from "~/papers/paper-commands.server";
import { PAPER_FIELD_ORDER, paperFormValues } from "~/papers/paper-schemas";
import { agendaItemChoices, getPaperFor } from "~/papers/papers.server";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => (args.data ? t("papers.edit.title", { title: args.data.paper.title }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const paper = orRespond(() => getPaperFor(user, "manage", Number(params.id)));
  return {
    paper: {
      id: paper.id,
      title: paper.title,
      agendaItem: paper.agendaItem ? String(paper.agendaItem.id) : "",
      confidential: paper.confidential,
    },
    agendaItems: agendaItemChoices(user, paper.meeting),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const paperId = Number(params.id);
  orRespond(() => getPaperFor(user, "manage", paperId));
  const raw = Object.fromEntries([...(await readForm(request)).entries()].map(([key, value]) => [key, String(value)]));
  const result = runFormCommand(() => editPaper({ actor: user, paperId, fields: parsePaperFields(raw) }));
  if (!result.ok) return data({ errors: result.errors, values: paperFormValues(raw) }, { status: 400 });
  return redirectWithNotice(`/papers/${paperId}`, { key: "notices.papers.edited" });
}

export default function EditPaper() {
  const { paper, agendaItems } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: `/papers/${paper.id}`, label: paper.title },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} fieldOrder={PAPER_FIELD_ORDER} />
          <h1 className="govuk-heading-l app-break-words">{t("papers.edit.title", { title: paper.title })}</h1>
          <Form method="post" noValidate>
            <PaperFields values={actionData?.values ?? paper} agendaItems={agendaItems} errors={errors} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("papers.edit.submit")}
              </button>
              <Link className="govuk-link" to={`/papers/${paper.id}`}>
                {t("form.cancel")}
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
