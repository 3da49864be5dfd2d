import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { handOver, handoverFor } from "~/actions/handover.server";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorSummary } from "~/components/error-summary";
import { Select } from "~/components/form-fields";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  formTitle(args, (t) => (args.data ? t("handover.title", { name: args.data.person.name }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return orRespond(() => handoverFor(user, params.id ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  orRespond(() => handoverFor(user, id));
  const form = Object.fromEntries(await readForm(request));
  const kind = String(form.kind ?? "");
  const record = String(form.record ?? "");
  // Each record's choice has a field name of its own, so ids stay unique on a page of many forms.
  const input = { kind, record, to: String(form[`to-${kind}-${record}`] ?? "") };
  const result = runFormCommand(() => orRespond(() => handOver(user, id, input)));
  if (!result.ok) return data({ errors: result.errors, failed: `${input.kind}:${input.record}` }, { status: 400 });
  return redirectWithNotice(`/admin/users/${encodeURIComponent(id)}/handover`, { key: "notices.handover.reassigned" });
}

/** One record's handover: its name, a choice of person, the button. */
function HandoverForm({
  kind,
  record,
  label,
  choose,
  people,
  errors,
}: {
  kind: string;
  record: string;
  label: string;
  choose: string;
  people: { id: string; name: string; partnerName?: string }[];
  errors?: string[];
}) {
  const { t } = useI18n();
  const name = `to-${kind}-${record}`;
  return (
    <Form method="post" className="app-handover" noValidate>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="record" value={record} />
      <Select
        name={name}
        label={label}
        hint={choose}
        options={[
          { value: "", label: t("handover.choose") },
          ...people.map((person) => ({
            value: person.id,
            label: person.partnerName ? `${person.name} (${person.partnerName})` : person.name,
          })),
        ]}
        errors={errors}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        {t("handover.submit")}
      </button>
    </Form>
  );
}

export default function Handover() {
  const { person, actions, actionOwners, roadmapItems, roadmapOwners, posts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const errorsFor = (kind: string, record: string) =>
    actionData?.failed === `${kind}:${record}` ? actionData.errors.to : undefined;
  const summary = actionData?.failed
    ? { [`to-${actionData.failed.replace(":", "-")}`]: actionData.errors.to ?? [] }
    : {};
  const nothing = actions.length + roadmapItems.length + posts.length === 0;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/admin/users", label: t("users.title") },
          { to: `/admin/users/${person.id}`, label: person.name },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summary} />
          <h1 className="govuk-heading-l">{t("handover.title", { name: person.name })}</h1>
          <p className="govuk-body">
            {person.deactivated
              ? t("handover.lead", { name: person.name })
              : t("handover.active", { name: person.name })}
          </p>
          {nothing ? <p className="govuk-body">{t("handover.none")}</p> : null}
          <h2 className="govuk-heading-m">{t("handover.actions")}</h2>
          {actions.length === 0 ? <p className="govuk-body">{t("handover.noneOfThese")}</p> : null}
          {actions.map((action) => (
            <HandoverForm
              key={action.id}
              kind="action"
              record={String(action.id)}
              label={`${action.description} (${t("handover.due", { date: date(action.dueDate) })})`}
              choose={t("handover.newOwner")}
              people={actionOwners}
              errors={errorsFor("action", String(action.id))}
            />
          ))}
          <h2 className="govuk-heading-m">{t("handover.roadmapItems")}</h2>
          {roadmapItems.length === 0 ? <p className="govuk-body">{t("handover.noneOfThese")}</p> : null}
          {roadmapItems.map((item) => (
            <HandoverForm
              key={item.slug}
              kind="roadmap-item"
              record={item.slug}
              label={item.title}
              choose={t("handover.newOwner")}
              people={roadmapOwners}
              errors={errorsFor("roadmap-item", item.slug)}
            />
          ))}
          <h2 className="govuk-heading-m">{t("handover.posts")}</h2>
          {posts.length === 0 ? <p className="govuk-body">{t("handover.noneOfThese")}</p> : null}
          {posts.map((post) => (
            <HandoverForm
              key={post.slug}
              kind="post"
              record={post.slug}
              label={post.title}
              choose={t("handover.newContact")}
              people={post.contacts}
              errors={errorsFor("post", post.slug)}
            />
          ))}
          <p className="govuk-body">
            <Link className="govuk-link" to={`/admin/users/${person.id}`}>
              {t("handover.back", { name: person.name })}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
