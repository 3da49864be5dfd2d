import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { textOf } from "~/boards/board-schemas";
import { saveMinutes } from "~/boards/meeting-commands.server";
import { getMeetingFor } from "~/boards/meetings.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorSummary } from "~/components/error-summary";
import { Textarea } from "~/components/form-fields";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("meetings.minutes.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meeting, board } = orRespond(() => getMeetingFor(user, "manage", params.id));
  return {
    meeting: {
      id: meeting.id,
      startsAt: meeting.startsAt.toISOString(),
      status: meeting.status,
      minutes: meeting.minutes ?? "",
    },
    board: { slug: board.slug, name: board.name },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meeting } = orRespond(() => getMeetingFor(user, "manage", params.id));
  const minutes = textOf(await readForm(request), "minutes");
  const result = runFormCommand(() => saveMinutes({ actor: user, meetingId: meeting.id, minutes }));
  if (!result.ok) return data({ errors: result.errors, values: { minutes: minutes ?? "" } }, { status: 400 });
  return redirectWithNotice(`/meetings/${meeting.id}`, { key: "notices.meetings.minutesSaved" });
}

export default function MeetingMinutes() {
  const { meeting, board } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const { t, date } = useI18n();
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
          <ErrorSummary errors={errors} fieldOrder={["minutes"]} />
          <span className="govuk-caption-l">{board.name}</span>
          <h1 className="govuk-heading-l">{t("meetings.minutes.title")}</h1>
          {meeting.status !== "held" ? <p className="govuk-body">{t("meetings.minutes.notHeld")}</p> : null}
          <Form method="post" noValidate>
            <Textarea
              name="minutes"
              label={t("meetings.minutes.label")}
              hint={t("meetings.minutes.hint")}
              rows={20}
              defaultValue={actionData?.values.minutes ?? meeting.minutes}
              errors={errors.minutes}
            />
            <div className="govuk-button-group">
              <button
                type="submit"
                className="govuk-button"
                data-module="govuk-button"
                data-prevent-double-click="true"
              >
                {t("meetings.minutes.save")}
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
