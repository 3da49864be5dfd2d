import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { takeKeptForm } from "~/auth/pending-forms.server";
import { requireUser } from "~/auth/session.server";
import { RoadmapItemForm } from "~/components/roadmap-item-form";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { ForbiddenError } from "~/platform/errors";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { createRoadmapItem } from "~/roadmap/create-roadmap-item.server";
import { roadmapFormChoices } from "~/roadmap/roadmap-form-data.server";
import { echoRoadmapItemForm, roadmapItemFormToFields } from "~/roadmap/roadmap-item-schemas";
import { noticeAfterRoadmapSave } from "~/roadmap/roadmap-notices.server";
import { canCreateRoadmapItems } from "~/roadmap/roadmap-policy.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("roadmap.form.newTitle"));

function requireCreator(user: Awaited<ReturnType<typeof requireUser>>) {
  orRespond(() => {
    if (!canCreateRoadmapItems(user)) throw new ForbiddenError("You may not add items to the roadmap");
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCreator(user);
  const kept = takeKeptForm(request, user, echoRoadmapItemForm);
  return { ...roadmapFormChoices(), kept };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCreator(user);
  const form = await readForm(request);
  const result = runFormCommand(() => createRoadmapItem({ actor: user, fields: roadmapItemFormToFields(form).fields }));
  if (!result.ok) return data({ errors: result.errors, values: echoRoadmapItemForm(form) }, { status: 400 });
  const notice = await noticeAfterRoadmapSave(result.value, "notices.roadmap.itemCreated");
  return redirectWithNotice(`/roadmap/${result.value.slug}`, notice);
}

export default function NewRoadmapItem() {
  const { themes, partners, owners, kept } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <RoadmapItemForm
      heading={t("roadmap.form.newTitle")}
      values={actionData?.values ?? kept ?? {}}
      errors={actionData?.errors ?? {}}
      choices={{ themes, partners, owners }}
      mayAssignOwner
      editing={false}
      cancelTo="/roadmap"
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
