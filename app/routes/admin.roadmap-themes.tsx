import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { ErrorSummary } from "~/components/error-summary";
import { TextInput } from "~/components/form-fields";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { ForbiddenError } from "~/platform/errors";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { canManageRoadmapThemes } from "~/roadmap/roadmap-policy.server";
import { addRoadmapTheme, listRoadmapThemes } from "~/roadmap/roadmap-themes.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("roadmap.themes.title"));

function requireThemeManager(user: Awaited<ReturnType<typeof requireUser>>) {
  orRespond(() => {
    if (!canManageRoadmapThemes(user)) throw new ForbiddenError("Only administrators manage roadmap themes");
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireThemeManager(user);
  return { themes: listRoadmapThemes().map(({ slug, name }) => ({ slug, name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireThemeManager(user);
  const form = await readForm(request);
  const name = String(form.get("name") ?? "");
  const result = runFormCommand(() => addRoadmapTheme({ actor: user, fields: { name } }));
  if (!result.ok) return data({ errors: result.errors, name }, { status: 400 });
  // Themes are not searched: nothing to wait for.
  return redirectWithNotice("/admin/roadmap-themes", {
    key: "notices.roadmap.themeAdded",
    params: { name: result.value.name },
  });
}

export default function RoadmapThemes() {
  const { themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} fieldOrder={["name"]} />
        <h1 className="govuk-heading-l">{t("roadmap.themes.title")}</h1>
        <p className="govuk-body">{t("roadmap.themes.lead")}</p>
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t("roadmap.themes.name")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("roadmap.themes.slug")}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {themes.map((theme) => (
              <tr className="govuk-table__row" key={theme.slug}>
                <td className="govuk-table__cell">{theme.name}</td>
                <td className="govuk-table__cell">{theme.slug}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2 className="govuk-heading-m">{t("roadmap.themes.add")}</h2>
        <Form method="post" noValidate>
          <TextInput
            name="name"
            label={t("roadmap.themes.newName")}
            defaultValue={actionData?.name}
            errors={errors.name}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("roadmap.themes.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
