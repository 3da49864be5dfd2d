import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import type { SessionUser } from "~/auth/principals";
import { requireUser } from "~/auth/session.server";
import { createBoard } from "~/boards/board-commands.server";
import { canCreateBoards } from "~/boards/board-policy.server";
import { boardFormToFields } from "~/boards/board-schemas";
import { BoardForm } from "~/components/board-forms";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { ForbiddenError } from "~/platform/errors";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("boards.form.newTitle"));

function requireCreator(user: SessionUser) {
  orRespond(() => {
    if (!canCreateBoards(user)) throw new ForbiddenError("You may not add boards");
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  requireCreator(await requireUser(request));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCreator(user);
  const fields = boardFormToFields(await readForm(request));
  const result = runFormCommand(() => createBoard({ actor: user, fields }));
  if (!result.ok) return data({ errors: result.errors, values: fields }, { status: 400 });
  return redirectWithNotice(`/boards/${result.value.slug}`, { key: "notices.boards.created" });
}

export default function NewBoard() {
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <BoardForm
      heading={t("boards.form.newTitle")}
      values={actionData?.values ?? {}}
      errors={actionData?.errors ?? {}}
      editing={false}
      prefixFixed={false}
      cancelTo="/boards"
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
