import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { textOf } from "~/boards/board-schemas";
import { addAgendaItem, editAgendaItem, moveAgendaItem, removeAgendaItem } from "~/boards/meeting-commands.server";
import { AGENDA_FIELD_ORDER } from "~/boards/meeting-schemas";
import { agendaFor, getMeetingFor } from "~/boards/meetings.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Checkboxes } from "~/components/checkboxes";
import { ErrorSummary } from "~/components/error-summary";
import { Textarea, TextInput } from "~/components/form-fields";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("meetings.agenda.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, board } = orRespond(() => getMeetingFor(user, "manage", params.id));
  const agenda = agendaFor(user, meeting);
  const editing = Number(new URL(request.url).searchParams.get("item") ?? "");
  return {
    meeting: { id: meeting.id, startsAt: meeting.startsAt.toISOString(), status: meeting.status },
    board: { slug: board.slug, name: board.name },
    agenda,
    editing: agenda.find((item) => item.id === editing) ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = orRespond(() => getMeetingFor(user, "manage", params.id));
  const form = await readForm(request);
  const intent = textOf(form, "intent") ?? "";
  const itemId = Number(textOf(form, "item") ?? "");
  const fields = {
    title: textOf(form, "title"),
    description: textOf(form, "description"),
    confidential: form.getAll("confidential").includes("yes"),
  };
  const base = { actor: user, meetingId: meeting.id };
  const result = runFormCommand(() => {
    if (intent === "up" || intent === "down") return moveAgendaItem({ ...base, itemId, direction: intent });
    if (intent === "remove") return removeAgendaItem({ ...base, itemId });
    if (intent === "edit") return editAgendaItem({ ...base, itemId, fields });
    return addAgendaItem({ ...base, fields });
  });
  if (!result.ok) {
    return data(
      {
        errors: result.errors,
        values: { ...fields, title: fields.title ?? "", description: fields.description ?? "" },
      },
      { status: 400 },
    );
  }
  return redirectWithNotice(`/meetings/${meeting.id}/agenda`, { key: "notices.meetings.agendaSaved" });
}

export default function MeetingAgenda() {
  const { meeting, board, agenda, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? editing ?? { title: "", description: "", confidential: false };
  const { t, date } = useI18n();
  const open = meeting.status === "scheduled";
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: `/boards/${board.slug}`, label: board.name },
          { to: `/meetings/${meeting.id}`, label: t("meetings.page.heading", { date: date(meeting.startsAt) }) },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} fieldOrder={AGENDA_FIELD_ORDER} />
          <span className="govuk-caption-l">{board.name}</span>
          <h1 className="govuk-heading-l">{t("meetings.agenda.title")}</h1>
          {agenda.length === 0 ? (
            <p className="govuk-body">{t("meetings.page.noAgenda")}</p>
          ) : (
            <ol className="govuk-list app-agenda-editor">
              {agenda.map((item, index) => (
                <li key={item.id} className="app-agenda-editor__item">
                  <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1 app-break-words">
                    {index + 1}. {item.title}{" "}
                    {item.confidential ? (
                      <strong className="govuk-tag govuk-tag--orange">{t("meetings.page.confidential")}</strong>
                    ) : null}
                  </p>
                  <div className="app-agenda-editor__actions">
                    <Link className="govuk-link" to={`?item=${item.id}#title`}>
                      {t("meetings.agenda.edit")}
                      <span className="govuk-visually-hidden"> {item.title}</span>
                    </Link>
                    {open
                      ? (
                          [
                            ["up", t("meetings.agenda.up"), index > 0],
                            ["down", t("meetings.agenda.down"), index < agenda.length - 1],
                            ["remove", t("meetings.agenda.remove"), true],
                          ] as const
                        )
                          .filter(([, , shown]) => shown)
                          .map(([intent, label]) => (
                            <Form method="post" key={intent}>
                              <input type="hidden" name="item" value={item.id} />
                              <button type="submit" name="intent" value={intent} className="app-link-button">
                                {label}
                                <span className="govuk-visually-hidden"> {item.title}</span>
                              </button>
                            </Form>
                          ))
                      : null}
                  </div>
                </li>
              ))}
            </ol>
          )}
          {editing || open ? (
            <>
              <h2 className="govuk-heading-m">
                {editing ? t("meetings.agenda.editHeading") : t("meetings.agenda.addHeading")}
              </h2>
              <Form method="post" noValidate key={editing?.id ?? "new"}>
                {editing ? <input type="hidden" name="item" value={editing.id} /> : null}
                <TextInput
                  name="title"
                  label={t("meetings.agenda.itemTitle")}
                  defaultValue={values.title}
                  errors={errors.title}
                />
                <Textarea
                  name="description"
                  label={t("meetings.agenda.description")}
                  hint={t("meetings.agenda.descriptionHint")}
                  rows={4}
                  defaultValue={values.description}
                  errors={errors.description}
                />
                <Checkboxes
                  name="confidential"
                  legend={t("meetings.agenda.confidentialLegend")}
                  hint={t("meetings.agenda.confidentialHint")}
                  options={[{ value: "yes", label: t("meetings.agenda.confidential") }]}
                  checked={values.confidential ? ["yes"] : []}
                  errors={errors.confidential}
                />
                <div className="govuk-button-group">
                  <button
                    type="submit"
                    name="intent"
                    value={editing ? "edit" : "add"}
                    className="govuk-button"
                    data-module="govuk-button"
                    data-prevent-double-click="true"
                  >
                    {editing ? t("meetings.agenda.save") : t("meetings.agenda.add")}
                  </button>
                  {editing ? (
                    <Link className="govuk-link" to={`/meetings/${meeting.id}/agenda`}>
                      {t("boards.form.cancel")}
                    </Link>
                  ) : null}
                </div>
              </Form>
            </>
          ) : (
            <p className="govuk-body">{t("meetings.agenda.closed")}</p>
          )}
          <p className="govuk-body">
            <Link className="govuk-link" to={`/meetings/${meeting.id}`}>
              {t("meetings.back")}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
