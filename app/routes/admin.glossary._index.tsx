import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { listGlossary } from "~/glossary/glossary.server";
import { requireGlossaryManager } from "~/glossary/glossary-routes.server";
import { namesOf } from "~/glossary/glossary-rules";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("glossary.admin.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  requireGlossaryManager(await requireUser(request));
  return {
    terms: listGlossary().map((entry) => ({
      slug: entry.slug,
      term: entry.term,
      names: [...namesOf(entry).slice(1)],
    })),
  };
}

export default function GlossaryAdmin() {
  const { terms } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1 className="govuk-heading-l">{t("glossary.admin.title")}</h1>
      <p className="govuk-body">{t("glossary.admin.lead")}</p>
      <div className="govuk-button-group">
        <Link to="/admin/glossary/new" className="govuk-button" data-module="govuk-button">
          {t("glossary.admin.add")}
        </Link>
        <Link to="/glossary" className="govuk-link">
          {t("glossary.admin.view")}
        </Link>
      </div>
      <table className="govuk-table app-glossary-admin">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t("glossary.admin.term")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("glossary.admin.names")}
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">{t("glossary.admin.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {terms.map((term) => (
            <tr className="govuk-table__row" key={term.slug}>
              <th scope="row" className="govuk-table__header" id={term.slug}>
                {term.term}
              </th>
              <td className="govuk-table__cell">{term.names.join(", ")}</td>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/admin/glossary/${term.slug}`}>
                  {t("glossary.admin.edit")}
                  <span className="govuk-visually-hidden"> {term.term}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
