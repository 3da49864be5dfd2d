import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { LinkPicker } from "~/components/link-picker";
import { formTitle } from "~/i18n/meta";
import { pickerAction, pickerLoader } from "~/links/link-picker-route.server";

export const meta: MetaFunction<typeof loader> = (args) => formTitle(args, (t) => t("linkPicker.heading.roadmap_item"));

/** Linking a decision to a roadmap item it affects: for its board's secretary and administrators. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return pickerLoader(await requireUser(request), "decision", params.reference ?? "", request);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return pickerAction(await requireUser(request), "decision", params.reference ?? "", request);
}

export default function LinkDecisionToItemPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <LinkPicker data={data} actionErrors={actionData?.errors} values={actionData?.values} />;
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
