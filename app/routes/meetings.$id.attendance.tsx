import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { textOf } from "~/boards/board-schemas";
import { recordAttendance } from "~/boards/meeting-commands.server";
import { attendanceChoices, getMeetingFor } from "~/boards/meetings.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorSummary } from "~/components/error-summary";
import { Radios, TextInput } from "~/components/form-fields";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("meetings.attendance.title"));

const MARK_PREFIX = "mark-";
const FIELD_ORDER = ["marks", "otherEmail", "otherAttendance"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, board } = orRespond(() => getMeetingFor(user, "manage", params.id));
  return {
    meeting: { id: meeting.id, startsAt: meeting.startsAt.toISOString() },
    board: { slug: board.slug, name: board.name },
    people: attendanceChoices(meeting),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = orRespond(() => getMeetingFor(user, "manage", params.id));
  const form = await readForm(request);
  const marks: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith(MARK_PREFIX) && typeof value === "string") marks[name.slice(MARK_PREFIX.length)] = value;
  }
  const fields = { marks, otherEmail: textOf(form, "otherEmail"), otherAttendance: textOf(form, "otherAttendance") };
  const result = runFormCommand(() => recordAttendance({ actor: user, meetingId: meeting.id, fields }));
  if (!result.ok) return data({ errors: result.errors, values: fields }, { status: 400 });
  return redirectWithNotice(`/meetings/${meeting.id}`, { key: "notices.meetings.attendanceSaved" });
}

export default function MeetingAttendance() {
  const { meeting, board, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const { t, date } = useI18n();
  const options = [
    { value: "attended", label: t("meetings.attendance.attended") },
    { value: "apologies", label: t("meetings.attendance.apologies") },
    { value: "", label: t("meetings.attendance.neither") },
  ];
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
          <ErrorSummary errors={errors} fieldOrder={FIELD_ORDER} />
          <span className="govuk-caption-l">{board.name}</span>
          <h1 className="govuk-heading-l">{t("meetings.attendance.title")}</h1>
          <Form method="post" noValidate>
            {people.length === 0 ? <p className="govuk-body">{t("boards.page.noMembers")}</p> : null}
            {errors.marks ? (
              <p className="govuk-error-message" id="marks">
                {t("meetings.errors.attendance.invalid")}
              </p>
            ) : null}
            {people.map((person) => (
              <Radios
                key={person.userId}
                name={`${MARK_PREFIX}${person.userId}`}
                legend={t("meetings.page.person", { name: person.name, partner: person.partnerName })}
                defaultValue={actionData?.values.marks[person.userId] ?? person.attendance}
                options={options}
                legendClassName="govuk-fieldset__legend--s app-inline-radios"
              />
            ))}
            <h2 className="govuk-heading-m">{t("meetings.attendance.otherHeading")}</h2>
            <TextInput
              name="otherEmail"
              type="email"
              label={t("meetings.attendance.otherEmail")}
              hint={t("meetings.attendance.otherEmailHint")}
              autoComplete="off"
              defaultValue={actionData?.values.otherEmail}
              errors={errors.otherEmail}
            />
            <Radios
              name="otherAttendance"
              legend={t("meetings.attendance.otherAttendance")}
              defaultValue={actionData?.values.otherAttendance ?? "attended"}
              options={options.slice(0, 2)}
              errors={errors.otherAttendance}
            />
            <div className="govuk-button-group">
              <button
                type="submit"
                className="govuk-button"
                data-module="govuk-button"
                data-prevent-double-click="true"
              >
                {t("meetings.attendance.save")}
              </button>
              <Link className="govuk-link" to={`/meetings/${meeting.id}`}>
                {t("boards.form.cancel")}
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
