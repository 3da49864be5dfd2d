import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { editBoard } from "~/boards/board-commands.server";
import { boardFormToFields } from "~/boards/board-schemas";
import { boardHasDecisions, getBoardFor } from "~/boards/boards.server";
import { BoardForm } from "~/components/board-forms";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => (args.data ? t("boards.form.editTitle", { name: args.data.values.name ?? "" }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const board = orRespond(() => getBoardFor(user, "manage", params.slug ?? ""));
  return {
    values: {
      name: board.name,
      slug: board.slug,
      referencePrefix: board.referencePrefix,
      description: board.description,
    },
    prefixFixed: boardHasDecisions(board.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const board = orRespond(() => getBoardFor(user, "manage", params.slug ?? ""));
  const fields = boardFormToFields(await readForm(request));
  const result = runFormCommand(() => editBoard({ actor: user, slug: board.slug, fields }));
  if (!result.ok) return data({ errors: result.errors, values: { ...fields, slug: board.slug } }, { status: 400 });
  return redirectWithNotice(`/boards/${board.slug}`, { key: "notices.boards.saved" });
}

export default function EditBoard() {
  const { values, prefixFixed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <BoardForm
      heading={t("boards.form.editTitle", { name: values.name })}
      values={actionData?.values ?? values}
      errors={actionData?.errors ?? {}}
      editing
      prefixFixed={prefixFixed}
      cancelTo={`/boards/${values.slug}`}
    />
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
