import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorSummary } from "~/components/error-summary";
import { FileUpload } from "~/components/file-upload";
import { PaperFields } from "~/components/paper-fields";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { PAPER_FIELD_ORDER } from "~/papers/paper-schemas";
import { uploadPaperFromRequest } from "~/papers/paper-upload-action.server";
import { agendaItemChoices, getMeetingForPapers } from "~/papers/papers.server";
import { getEnv } from "~/platform/env.server";
import { orRespond } from "~/platform/http.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => (args.data ? t("papers.upload.title") : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meeting = orRespond(() => getMeetingForPapers(user, Number(params.id)));
  return {
    meeting: { id: meeting.id, boardName: meeting.boardName, boardSlug: meeting.boardSlug, startsAt: meeting.startsAt },
    agendaItems: agendaItemChoices(user, meeting),
    maxMb: getEnv().PAPER_MAX_MB,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const result = await uploadPaperFromRequest(user, Number(params.id), request);
  if (result.ok) return result.response;
  return data({ errors: result.errors, values: result.values }, { status: 400 });
}

export default function UploadPaper() {
  const { meeting, agendaItems, maxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, dateTime } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const meetingLabel = t("papers.meetingLabel", { board: meeting.boardName, date: dateTime(meeting.startsAt) });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: `/boards/${meeting.boardSlug}`, label: meeting.boardName },
          { to: `/meetings/${meeting.id}`, label: meetingLabel },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} fieldOrder={PAPER_FIELD_ORDER} />
          <span className="govuk-caption-l">{meetingLabel}</span>
          <h1 className="govuk-heading-l">{t("papers.upload.title")}</h1>
          <Form method="post" encType="multipart/form-data" noValidate>
            <FileUpload
              name="file"
              label={t("papers.upload.file")}
              hint={t("papers.upload.fileHint", { megabytes: maxMb })}
              accept=".pdf,.docx,.xlsx,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/markdown"
              errors={errors.file}
            />
            <PaperFields
              values={actionData?.values ?? { title: "", agendaItem: "", confidential: false }}
              agendaItems={agendaItems}
              errors={errors}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("papers.upload.submit")}
              </button>
              <Link className="govuk-link" to={`/meetings/${meeting.id}`}>
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
