import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { editAction } from "~/actions/action-commands.server";
import { actionFormValues, actionPage } from "~/actions/action-page.server";
import { actionFormToFields } from "~/actions/action-schemas";
import { getActionFor, listActionOwners, listActionPartners } from "~/actions/actions.server";
import { requireUser } from "~/auth/session.server";
import { ActionForm } from "~/components/action-form";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("actions.edit.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const stored = orRespond(() => getActionFor(user, "manage", Number(params.id)));
  const owners = listActionOwners();
  // An owner whose account has ended stays offered until someone else is chosen (the handover does that).
  if (stored.ownerId && !owners.some((owner) => owner.id === stored.ownerId)) {
    const current = actionPage(user, stored.id);
    owners.unshift({ id: stored.ownerId, name: current.action.ownerName ?? "", partnerName: current.partner.name });
  }
  return { id: stored.id, values: actionFormValues(stored), owners, partners: listActionPartners() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const actionId = Number(params.id);
  orRespond(() => getActionFor(user, "manage", actionId));
  const fields = actionFormToFields(await readForm(request));
  const result = runFormCommand(() => editAction({ actor: user, actionId, fields }));
  if (!result.ok) return data({ errors: result.errors, values: fields }, { status: 400 });
  return redirectWithNotice(`/actions/${actionId}`, { key: "notices.actions.saved" });
}

export default function EditAction() {
  const { id, values: stored, owners, partners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const sent = actionData?.values;
  const values = sent
    ? { ...sent, dueDate: sent.dueDate && typeof sent.dueDate !== "string" ? sent.dueDate : undefined }
    : stored;
  return (
    <ActionForm
      heading={t("actions.edit.title")}
      caption={t("actions.edit.caption")}
      values={values}
      errors={actionData?.errors ?? {}}
      owners={owners}
      partners={partners}
      submitLabel={t("actions.edit.submit")}
      cancelTo={`/actions/${id}`}
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
