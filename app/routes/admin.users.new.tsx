import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAccountManager } from "~/auth/account-policy.server";
import { inviteUser } from "~/auth/accounts.server";
import { deliverInvitation } from "~/auth/link-delivery.server";
import { takeKeptForm } from "~/auth/pending-forms.server";
import { requireUser } from "~/auth/session.server";
import { ErrorSummary } from "~/components/error-summary";
import { Radios, Select, TextInput } from "~/components/form-fields";
import { InvitationSent } from "~/components/invitation-sent";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { listPartners } from "~/partners/partners.server";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { ROLES } from "../../db/enums";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("invite.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  orRespond(() => requireAccountManager(user));
  const kept = takeKeptForm(request, user, invitationValues);
  return { partners: listPartners().map(({ slug, name }) => ({ slug, name })), kept };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const fields = Object.fromEntries(await readForm(request));
  const result = runFormCommand(() => inviteUser(user, fields));
  if (!result.ok) {
    return data({ errors: result.errors, values: invitationValues(fields), sent: null }, { status: 400 });
  }
  const sent = await deliverInvitation(result.value.person, result.value.token, request.url);
  return { errors: {}, values: null, sent };
}

/** What was typed into the invitation form, to show it again. */
function invitationValues(fields: FormData | Record<string, FormDataEntryValue>) {
  const value = (name: string) => String((fields instanceof FormData ? fields.get(name) : fields[name]) ?? "");
  return { name: value("name"), email: value("email"), role: value("role"), partner: value("partner") };
}

export default function Invite() {
  const { partners, kept } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const values = actionData?.values ?? kept;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {actionData?.sent ? <InvitationSent {...actionData.sent} /> : null}
        <ErrorSummary errors={errors} fieldOrder={["name", "email", "role", "partner"]} />
        <h1 className="govuk-heading-xl">{actionData?.sent ? t("invite.another") : t("invite.title")}</h1>
        <p className="govuk-body">{t("invite.lead")}</p>
        {/* A new form after each invitation: the fields start empty again. */}
        <Form method="post" noValidate key={actionData?.sent?.person.id ?? "form"}>
          <TextInput
            name="name"
            label={t("invite.name")}
            autoComplete="off"
            defaultValue={values?.name}
            errors={errors.name}
          />
          <TextInput
            name="email"
            type="email"
            label={t("invite.email")}
            autoComplete="off"
            defaultValue={values?.email}
            errors={errors.email}
          />
          <Radios
            name="role"
            legend={t("invite.role")}
            defaultValue={values?.role || "reader"}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            errors={errors.role}
          />
          <Select
            name="partner"
            label={t("invite.partner")}
            hint={t("invite.partnerHint")}
            defaultValue={values?.partner ?? ""}
            options={[
              { value: "", label: t("form.choosePartner") },
              ...partners.map((partner) => ({ value: partner.slug, label: partner.name })),
            ]}
            errors={errors.partner}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("invite.submit")}
            </button>
            <Link className="govuk-link" to="/admin/users">
              {t("form.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
