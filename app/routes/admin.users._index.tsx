import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { listAccounts, parseAccountQuery } from "~/auth/account-directory.server";
import { requireUser } from "~/auth/session.server";
import { AccountStatusTag } from "~/components/account-status-tag";
import { Select, TextInput } from "~/components/form-fields";
import { Pagination } from "~/components/pagination";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { listPartners } from "~/partners/partners.server";
import { orRespond } from "~/platform/http.server";
import { ROLES } from "../../db/enums";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("users.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseAccountQuery(new URL(request.url).searchParams);
  const result = orRespond(() => listAccounts(user, query));
  return {
    query,
    ...result,
    partners: listPartners().map(({ slug, name }) => ({ slug, name })),
  };
}

export default function Users() {
  const { query, people, total, page, pageCount, partners } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { t, dateTime } = useI18n();
  const any = { value: "", label: t("users.any") };
  return (
    <>
      <h1 className="govuk-heading-xl">{t("users.title")}</h1>
      <p className="govuk-body-l">{t("users.lead")}</p>
      <Link to="/admin/users/new" className="govuk-button" data-module="govuk-button">
        {t("users.invite")}
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <Form method="get" className="app-filters" aria-labelledby="filters-heading">
            <h2 className="govuk-heading-m" id="filters-heading">
              {t("users.filters")}
            </h2>
            <TextInput name="q" label={t("users.searchLabel")} defaultValue={query.q ?? ""} />
            <Select
              name="role"
              label={t("users.role")}
              defaultValue={query.role ?? ""}
              options={[any, ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))]}
            />
            <Select
              name="partner"
              label={t("users.partner")}
              defaultValue={query.partner ?? ""}
              options={[any, ...partners.map((partner) => ({ value: partner.slug, label: partner.name }))]}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                {t("users.apply")}
              </button>
              <Link className="govuk-link" to="/admin/users">
                {t("users.clear")}
              </Link>
            </div>
          </Form>
        </div>
        <div className="govuk-grid-column-three-quarters">
          <p className="govuk-body" role="status">
            {t("users.count", { count: total })}
          </p>
          {people.length === 0 ? (
            <p className="govuk-body">{t("users.empty")}</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">{t("users.title")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {/* Room for an email address on one line, most of the time. */}
                  <th scope="col" className="govuk-table__header govuk-!-width-one-third">
                    {t("users.name")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("users.role")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("users.partner")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("users.lastSignIn")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("users.status")}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {people.map((person) => (
                  <tr className="govuk-table__row" key={person.id}>
                    <td className="govuk-table__cell app-break-words">
                      <Link className="govuk-link" to={`/admin/users/${person.id}`}>
                        {person.name}
                      </Link>
                      <br />
                      <span className="govuk-body-s govuk-hint">{person.email}</span>
                    </td>
                    <td className="govuk-table__cell">{t(`roles.${person.role}`)}</td>
                    <td className="govuk-table__cell">{person.partnerName}</td>
                    <td className="govuk-table__cell">
                      {person.lastSignInAt ? dateTime(person.lastSignInAt) : t("users.never")}
                    </td>
                    <td className="govuk-table__cell">
                      <AccountStatusTag deactivated={Boolean(person.deactivatedAt)} invited={person.invited} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination page={page} pageCount={pageCount} search={search} />
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
