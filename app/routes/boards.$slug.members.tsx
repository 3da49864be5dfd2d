import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { seatMember, unseatMember } from "~/boards/board-commands.server";
import { SEAT_FIELD_ORDER, textOf } from "~/boards/board-schemas";
import { getBoardFor, listBoardMembers, listSeatablePeople } from "~/boards/boards.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorSummary } from "~/components/error-summary";
import { Radios, Select } from "~/components/form-fields";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { BOARD_ROLES } from "../../db/enums";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => (args.data ? t("boards.members.title", { name: args.data.board.name }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const board = orRespond(() => getBoardFor(user, "manage", params.slug ?? ""));
  return {
    board: { slug: board.slug, name: board.name },
    members: listBoardMembers(board.id),
    people: listSeatablePeople(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const board = orRespond(() => getBoardFor(user, "manage", params.slug ?? ""));
  const form = await readForm(request);
  const intent = textOf(form, "intent");
  const person = textOf(form, "person") ?? "";
  const result = runFormCommand(() =>
    intent === "unseat"
      ? unseatMember({ actor: user, slug: board.slug, person })
      : seatMember({ actor: user, slug: board.slug, fields: { person, role: textOf(form, "role") } }),
  );
  if (!result.ok)
    return data({ errors: result.errors, values: { person, role: textOf(form, "role") ?? "" } }, { status: 400 });
  return redirectWithNotice(`/boards/${board.slug}/members`, {
    key: intent === "unseat" ? "notices.boards.unseated" : "notices.boards.seated",
  });
}

export default function BoardMembers() {
  const { board, members, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const { t } = useI18n();
  const roleOptions = BOARD_ROLES.map((role) => ({ value: role, label: t(`boards.role.${role}`) }));
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: "/boards", label: t("boards.list.title") },
          { to: `/boards/${board.slug}`, label: board.name },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} fieldOrder={SEAT_FIELD_ORDER} />
          <h1 className="govuk-heading-l app-break-words">{t("boards.members.title", { name: board.name })}</h1>
          {members.length === 0 ? (
            <p className="govuk-body">{t("boards.page.noMembers")}</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">{t("boards.members.current")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t("boards.members.person")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("boards.members.role")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">{t("boards.members.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {members.map((member) => (
                  <tr className="govuk-table__row" key={member.userId}>
                    <td className="govuk-table__cell">
                      {member.name}
                      <br />
                      <span className="govuk-body-s">{member.partnerName}</span>
                    </td>
                    <td className="govuk-table__cell">{t(`boards.role.${member.role}`)}</td>
                    <td className="govuk-table__cell">
                      <Form method="post">
                        <input type="hidden" name="intent" value="unseat" />
                        <input type="hidden" name="person" value={member.userId} />
                        <button
                          type="submit"
                          className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                          data-module="govuk-button"
                        >
                          {t("boards.members.unseat")}
                          <span className="govuk-visually-hidden"> {member.name}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2 className="govuk-heading-m">{t("boards.members.seatHeading")}</h2>
          <p className="govuk-body">{t("boards.members.seatHint")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="seat" />
            <Select
              name="person"
              label={t("boards.members.person")}
              defaultValue={actionData?.values.person ?? ""}
              options={[
                { value: "", label: t("boards.members.choosePerson") },
                ...people.map((person) => ({
                  value: person.id,
                  label: `${person.name} (${person.partnerName}), ${person.email}`,
                })),
              ]}
              errors={errors.person}
            />
            <Radios
              name="role"
              legend={t("boards.members.role")}
              defaultValue={actionData?.values.role || "member"}
              options={roleOptions}
              errors={errors.role}
            />
            <div className="govuk-button-group">
              <button
                type="submit"
                className="govuk-button"
                data-module="govuk-button"
                data-prevent-double-click="true"
              >
                {t("boards.members.seat")}
              </button>
              <Link className="govuk-link" to={`/boards/${board.slug}`}>
                {t("boards.members.back")}
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
