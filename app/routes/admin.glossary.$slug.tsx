import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GlossaryTermForm } from "~/components/glossary-term-form";
import { RevisionHistoryTable } from "~/components/revision-history-table";
import {
  deleteGlossaryTerm,
  editGlossaryTerm,
  getGlossaryTerm,
  listGlossaryRevisions,
} from "~/glossary/glossary.server";
import { glossaryFormValuesOf } from "~/glossary/glossary-form";
import { glossaryFormOf, requireGlossaryManager } from "~/glossary/glossary-routes.server";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) =>
    args.data?.confirmDelete
      ? t("glossary.delete.confirmTitle", { term: args.data.term.term })
      : t("glossary.form.editTitle", { term: args.data?.term.term ?? "" }),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireGlossaryManager(await requireUser(request));
  const term = orRespond(() => getGlossaryTerm(params.slug ?? ""));
  const revisions = listGlossaryRevisions(term.id).map((revision) => ({
    number: revision.number,
    createdAt: revision.createdAt,
    source: revision.source,
    actorName: revision.actorName,
    changeNote: revision.changeNote,
    title: String(revision.snapshot.term ?? ""),
  }));
  return {
    term,
    values: glossaryFormValuesOf(term),
    revisions,
    confirmDelete: new URL(request.url).searchParams.has("delete"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireGlossaryManager(user);
  const slug = params.slug ?? "";
  const form = await readForm(request);
  if (form.get("intent") === "delete") {
    const deleted = orRespond(() => deleteGlossaryTerm({ actor: user, slug }));
    return redirectWithNotice("/admin/glossary", { key: "notices.glossary.deleted", params: { term: deleted.term } });
  }
  const { values, fields } = glossaryFormOf(form);
  const result = runFormCommand(() => editGlossaryTerm({ actor: user, slug, fields }));
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirectWithNotice(`/admin/glossary#${result.value.slug}`, {
    key: "notices.glossary.edited",
    params: { term: result.value.term },
  });
}

export default function EditGlossaryTerm() {
  const { term, values, revisions, confirmDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const crumbs = <Breadcrumbs items={[{ to: "/admin/glossary", label: t("glossary.admin.title") }]} />;
  if (confirmDelete) {
    return (
      <>
        {crumbs}
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{t("glossary.delete.confirmTitle", { term: term.term })}</h1>
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">{t("delete.warning")}</span>
                {t("glossary.delete.lead")}
              </strong>
            </div>
            <Form method="post">
              <div className="govuk-button-group">
                <button
                  type="submit"
                  name="intent"
                  value="delete"
                  className="govuk-button govuk-button--warning"
                  data-module="govuk-button"
                >
                  {t("glossary.delete.confirm")}
                </button>
                <Link className="govuk-link" to={`/admin/glossary/${term.slug}`}>
                  {t("glossary.delete.cancel")}
                </Link>
              </div>
            </Form>
          </div>
        </div>
      </>
    );
  }
  return (
    <>
      {crumbs}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l app-break-words">{t("glossary.form.editTitle", { term: term.term })}</h1>
          <GlossaryTermForm
            values={actionData?.values ?? values}
            errors={actionData?.errors ?? {}}
            submitLabel={t("glossary.form.save")}
          />
          <h2 className="govuk-heading-m">{t("glossary.delete.heading")}</h2>
          <p className="govuk-body">{t("glossary.delete.lead")}</p>
          <Link
            to={`/admin/glossary/${term.slug}?delete`}
            className="govuk-button govuk-button--warning"
            data-module="govuk-button"
          >
            {t("glossary.delete.start")}
          </Link>
        </div>
      </div>
      <h2 className="govuk-heading-m">{t("glossary.history")}</h2>
      <RevisionHistoryTable revisions={revisions.map((revision) => ({ ...revision, statusLabel: "" }))} />
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
