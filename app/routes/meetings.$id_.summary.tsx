import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { meetingForSummary, publishMeetingSummary } from "~/boards/publish-summary.server";
import { SUMMARY_FIELD_ORDER, summaryFormToFields } from "~/boards/summary-schemas";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorSummary } from "~/components/error-summary";
import { Textarea } from "~/components/form-fields";
import { MarkdownHelp } from "~/components/markdown-help";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => {
    const meeting = args.data?.meeting;
    if (!meeting) return null;
    const name = t("summaries.meetingTitle", { board: meeting.boardName, date: meeting.dateInWords });
    return t(meeting.hasSummary ? "summaries.form.updateTitle" : "summaries.form.title", { meeting: name });
  });

/** The meeting as the form needs it: its board's managers only (others 403), and whether it is held yet. */
function summaryPage(user: Awaited<ReturnType<typeof requireUser>>, id: string | undefined) {
  const meeting = orRespond(() => meetingForSummary(user, Number(id)));
  return {
    meeting: {
      id: meeting.id,
      boardName: meeting.boardName,
      boardSlug: meeting.boardSlug,
      startsAt: meeting.startsAt.toISOString(),
      dateInWords: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" }).format(
        meeting.startsAt,
      ),
      held: meeting.status === "held",
      hasSummary: Boolean(meeting.summary),
    },
    introduction: meeting.summary?.introduction ?? "",
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = summaryPage(user, params.id);
  // Not yet: a summary follows the meeting. Said on the page, with a 400.
  return data(page, { status: page.meeting.held ? 200 : 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const page = summaryPage(user, params.id);
  const fields = summaryFormToFields(await readForm(request));
  if (!page.meeting.held) return data({ errors: {}, values: fields }, { status: 400 });
  const result = runFormCommand(() => publishMeetingSummary({ actor: user, meetingId: page.meeting.id, fields }));
  if (!result.ok) return data({ errors: result.errors, values: fields }, { status: 400 });
  return redirectWithNotice(`/meetings/${page.meeting.id}`, {
    key: result.value.updated ? "notices.summaries.updated" : "notices.summaries.published",
  });
}

export default function MeetingSummaryForm() {
  const { meeting, introduction } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const name = t("summaries.meetingTitle", { board: meeting.boardName, date: date(meeting.startsAt) });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: `/boards/${meeting.boardSlug}`, label: meeting.boardName },
          { to: `/meetings/${meeting.id}`, label: date(meeting.startsAt) },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} fieldOrder={SUMMARY_FIELD_ORDER} />
          <h1 className="govuk-heading-l app-break-words">
            {t(meeting.hasSummary ? "summaries.form.updateTitle" : "summaries.form.title", { meeting: name })}
          </h1>
          {meeting.held ? (
            <>
              <p className="govuk-body">{t("summaries.form.lead")}</p>
              <Form method="post" noValidate>
                <Textarea
                  name="introduction"
                  label={t("summaries.form.introduction")}
                  hint={t("summaries.form.introductionHint")}
                  rows={8}
                  defaultValue={actionData?.values?.introduction ?? introduction}
                  errors={errors.introduction}
                />
                <MarkdownHelp />
                <div className="govuk-button-group">
                  <button type="submit" className="govuk-button" data-module="govuk-button">
                    {t(meeting.hasSummary ? "summaries.form.update" : "summaries.form.publish")}
                  </button>
                  <Link className="govuk-link" to={`/meetings/${meeting.id}`}>
                    {t("form.cancel")}
                  </Link>
                </div>
              </Form>
            </>
          ) : (
            <div className="govuk-inset-text" data-testid="summary-not-held">
              {t("summaries.notHeld")}
            </div>
          )}
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
