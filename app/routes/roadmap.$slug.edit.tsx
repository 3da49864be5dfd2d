import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { takeKeptForm } from "~/auth/pending-forms.server";
import { requireUser } from "~/auth/session.server";
import { RoadmapItemForm } from "~/components/roadmap-item-form";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { readRoadmapItemAt } from "~/roadmap/roadmap-addresses.server";
import { roadmapFormChoices, storedRoadmapItemValues } from "~/roadmap/roadmap-form-data.server";
import { echoRoadmapItemForm, roadmapItemFormToFields } from "~/roadmap/roadmap-item-schemas";
import { getRoadmapItemFor, getRoadmapItemForReading } from "~/roadmap/roadmap-items.server";
import { noticeAfterRoadmapSave } from "~/roadmap/roadmap-notices.server";
import { updateRoadmapItem } from "~/roadmap/update-roadmap-item.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => (args.data ? t("roadmap.form.editTitle", { title: args.data.values.title }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const item = orRespond(() =>
    readRoadmapItemAt(
      slug,
      () => getRoadmapItemFor(user, "edit", slug),
      (current) => `/roadmap/${current}/edit`,
    ),
  );
  const { values, mayAssignOwner } = storedRoadmapItemValues(user, item);
  const ownerName = getRoadmapItemForReading(user, item.slug).owner?.name ?? null;
  const kept = takeKeptForm(request, user, echoRoadmapItemForm);
  return { ...roadmapFormChoices(), values, kept, mayAssignOwner, ownerName };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  // Who may edit is settled before the form is read: anyone else gets 403 whatever they sent.
  orRespond(() => getRoadmapItemFor(user, "edit", slug));
  const form = await readForm(request);
  const { fields, changeNote } = roadmapItemFormToFields(form);
  const result = runFormCommand(() => updateRoadmapItem({ actor: user, slug, fields, changeNote }));
  if (!result.ok) return data({ errors: result.errors, values: echoRoadmapItemForm(form) }, { status: 400 });
  const notice = await noticeAfterRoadmapSave(result.value, "notices.roadmap.itemSaved");
  return redirectWithNotice(`/roadmap/${result.value.slug}`, notice);
}

export default function EditRoadmapItem() {
  const { themes, partners, owners, values, kept, mayAssignOwner, ownerName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <RoadmapItemForm
      key={values.slug}
      heading={t("roadmap.form.editTitle", { title: values.title })}
      values={actionData?.values ?? kept ?? values}
      errors={actionData?.errors ?? {}}
      choices={{ themes, partners, owners }}
      mayAssignOwner={mayAssignOwner}
      ownerName={ownerName}
      editing
      cancelTo={`/roadmap/${values.slug}`}
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
