import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DateInput, dateInputFirstId } from "~/components/date-input";
import { ErrorSummary } from "~/components/error-summary";
import { Radios, Textarea } from "~/components/form-fields";
import { MarkdownHelp } from "~/components/markdown-help";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { todayInUk } from "~/posts/post-dates";
import { postProgressUpdate } from "~/roadmap/post-progress-update.server";
import { readRoadmapItemAt } from "~/roadmap/roadmap-addresses.server";
import { PROGRESS_UPDATE_FIELD_ORDER, progressUpdateFormToFields } from "~/roadmap/roadmap-item-schemas";
import { getRoadmapItemFor } from "~/roadmap/roadmap-items.server";
import { noticeAfterRoadmapSave } from "~/roadmap/roadmap-notices.server";
import { RAG_RATINGS } from "../../db/enums";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => (args.data ? t("roadmap.update.title", { title: args.data.item.title }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const item = orRespond(() =>
    readRoadmapItemAt(
      slug,
      () => getRoadmapItemFor(user, "postUpdate", slug),
      (current) => `/roadmap/${current}/updates/new`,
    ),
  );
  return { item: { slug: item.slug, title: item.title }, today: todayInUk() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  orRespond(() => getRoadmapItemFor(user, "postUpdate", slug));
  const fields = progressUpdateFormToFields(await readForm(request));
  const result = runFormCommand(() => postProgressUpdate({ actor: user, slug, fields }));
  if (!result.ok) return data({ errors: result.errors, values: fields }, { status: 400 });
  const notice = await noticeAfterRoadmapSave(result.value, "notices.roadmap.progressPosted");
  return redirectWithNotice(`/roadmap/${result.value.slug}`, notice);
}

export default function PostProgressUpdate() {
  const { item, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const values = actionData?.values;
  const [year, month, day] = today.split("-");
  const date =
    values?.updateDate && typeof values.updateDate !== "string"
      ? values.updateDate
      : { day: String(Number(day)), month: String(Number(month)), year: year ?? "" };
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("breadcrumbs.home") },
          { to: "/roadmap", label: t("roadmap.breadcrumb") },
          { to: `/roadmap/${item.slug}`, label: item.title },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary
            errors={errors}
            fieldOrder={PROGRESS_UPDATE_FIELD_ORDER}
            fieldIds={{ updateDate: dateInputFirstId("updateDate") }}
          />
          <h1 className="govuk-heading-l app-break-words">{t("roadmap.update.title", { title: item.title })}</h1>
          <Form method="post" noValidate>
            <DateInput
              name="updateDate"
              legend={t("roadmap.update.date")}
              hint={t("roadmap.update.dateHint")}
              value={date}
              errors={errors.updateDate}
            />
            <Radios
              name="rating"
              legend={t("roadmap.update.rating")}
              defaultValue={values?.rating}
              options={RAG_RATINGS.map((rating) => ({
                value: rating,
                label: t(`roadmap.rating.${rating}`),
                hint: t(`roadmap.update.ratingHint.${rating}`),
              }))}
              errors={errors.rating}
            />
            <Textarea
              name="note"
              label={t("roadmap.update.note")}
              hint={t("roadmap.update.noteHint")}
              rows={6}
              defaultValue={values?.note}
              errors={errors.note}
            />
            <MarkdownHelp />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("roadmap.update.submit")}
              </button>
              <Link className="govuk-link" to={`/roadmap/${item.slug}`}>
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
