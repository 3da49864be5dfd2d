import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getAccountForAdmin } from "~/auth/account-directory.server";
import { deactivateUser, endUserSessions, reactivateUser, reinviteUser, updateAccount } from "~/auth/accounts.server";
import { deliverInvitation } from "~/auth/link-delivery.server";
import { requireUser } from "~/auth/session.server";
import { AccountStatusTag } from "~/components/account-status-tag";
import { ErrorSummary } from "~/components/error-summary";
import { Select, TextInput } from "~/components/form-fields";
import { InvitationSent } from "~/components/invitation-sent";
import { formTitle } from "~/i18n/meta";
import type { Translate } from "~/i18n/translate";
import { useI18n } from "~/i18n/use-t";
import { jobTitleOf, setJobTitle } from "~/partners/partner-people.server";
import { listPartners } from "~/partners/partners.server";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { ROLES, type Role } from "../../db/enums";

export const meta: MetaFunction<typeof loader> = (args) => formTitle(args, () => args.data?.person.name ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const account = orRespond(() => getAccountForAdmin(user, params.id ?? ""));
  return {
    ...account,
    isSelf: account.person.id === user.id,
    partners: listPartners().map(({ slug, name }) => ({ slug, name })),
    jobTitle: jobTitleOf(account.person.id),
  };
}

/** The success notice of each change made from this page. */
const DONE = {
  saved: "notices.users.saved",
  "job-title-saved": "notices.jobTitle.saved",
  deactivated: "notices.users.deactivated",
  reactivated: "notices.users.reactivated",
  "sessions-ended": "notices.users.sessionsEnded",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  const fields = Object.fromEntries(await readForm(request));
  const back = (done: keyof typeof DONE, count?: number) =>
    redirectWithNotice(`/admin/users/${encodeURIComponent(id)}`, {
      key: DONE[done],
      params: count === undefined ? undefined : { count },
    });
  const failed = (errors: Record<string, string[]>) => data({ errors, sent: null }, { status: 400 });
  switch (fields.intent) {
    case "update": {
      const result = runFormCommand(() => updateAccount(user, id, fields));
      return result.ok ? back("saved") : failed(result.errors);
    }
    case "job-title": {
      const result = runFormCommand(() => setJobTitle(user, id, fields.jobTitle));
      return result.ok ? back("job-title-saved") : failed(result.errors);
    }
    case "deactivate": {
      const result = runFormCommand(() => deactivateUser(user, id));
      return result.ok ? back("deactivated") : failed(result.errors);
    }
    case "reactivate": {
      const result = runFormCommand(() => reactivateUser(user, id));
      return result.ok ? back("reactivated") : failed(result.errors);
    }
    case "end-sessions": {
      const result = runFormCommand(() => endUserSessions(user, id));
      return result.ok ? back("sessions-ended", result.value) : failed(result.errors);
    }
    case "reinvite": {
      const result = runFormCommand(() => reinviteUser(user, id));
      if (!result.ok) return failed(result.errors);
      return { errors: {}, sent: await deliverInvitation(result.value.person, result.value.token, request.url) };
    }
    default:
      // Still only for administrators: anyone else learns nothing about the person.
      orRespond(() => getAccountForAdmin(user, id));
      return failed({ intent: ["errors.account.unknownRequest"] });
  }
}

type HistoryEvent = ReturnType<typeof useLoaderData<typeof loader>>["history"][number];

function describeEvent(event: HistoryEvent, t: Translate, partnerName: (slug: unknown) => string): string {
  const data = event.data as Record<string, unknown>;
  const role = (value: unknown) => ((ROLES as readonly unknown[]).includes(value) ? t(`roles.${value as Role}`) : "");
  switch (event.type) {
    case "user.created":
      return t("userEvents.user.created", { role: role(data.role) });
    case "user.invited":
      return data.again
        ? t("userEvents.user.reinvited")
        : t("userEvents.user.invited", { role: role(data.role), partner: partnerName(data.partner) });
    case "user.role-changed":
      return t("userEvents.user.role-changed", { from: role(data.from), to: role(data.to) });
    case "user.partner-changed":
      return t("userEvents.user.partner-changed", { from: partnerName(data.from), to: partnerName(data.to) });
    case "user.sessions-ended":
      return t("userEvents.user.sessions-ended", { count: Number(data.sessionsEnded ?? 0) });
    case "user.invitation-accepted":
    case "user.deactivated":
    case "user.reactivated":
    case "user.password-changed":
    case "user.password-reset-requested":
    case "user.password-reset-completed":
      return t(`userEvents.${event.type}`);
    default:
      return t("userEvents.other", { type: event.type });
  }
}

export default function Person() {
  const { person, history, isSelf, partners, jobTitle } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, dateTime, number } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const partnerName = (slug: unknown) => partners.find((partner) => partner.slug === slug)?.name ?? String(slug ?? "");
  const invited = !person.hasPassword && !person.lastSignInAt;
  const rows = [
    { key: t("person.email"), value: person.email },
    { key: t("person.role"), value: t(`roles.${person.role}`) },
    { key: t("person.partner"), value: person.partner.name },
    {
      key: t("person.status"),
      value: <AccountStatusTag deactivated={Boolean(person.deactivatedAt)} invited={invited} />,
    },
    { key: t("person.created"), value: dateTime(person.createdAt) },
    { key: t("person.lastSignIn"), value: person.lastSignInAt ? dateTime(person.lastSignInAt) : t("users.never") },
    { key: t("person.sessions"), value: number(person.liveSessions) },
  ];
  return (
    <>
      {actionData?.sent ? <InvitationSent {...actionData.sent} /> : null}
      <ErrorSummary
        errors={errors}
        fieldIds={{ deactivate: "deactivate", sessions: "end-sessions" }}
        fieldOrder={["role", "partner", "jobTitle", "sessions", "deactivate"]}
      />
      <p className="govuk-body">
        <Link className="govuk-back-link" to="/admin/users">
          {t("person.back")}
        </Link>
      </p>
      <h1 className="govuk-heading-xl app-break-words">{person.name}</h1>
      <dl className="govuk-summary-list">
        {rows.map((row) => (
          <div className="govuk-summary-list__row" key={row.key}>
            <dt className="govuk-summary-list__key">{row.key}</dt>
            <dd className="govuk-summary-list__value app-break-words">{row.value}</dd>
          </div>
        ))}
      </dl>

      <h2 className="govuk-heading-l">{t("person.changeHeading")}</h2>
      <Form method="post" noValidate key={`${person.role}-${person.partner.slug}`}>
        <input type="hidden" name="intent" value="update" />
        <Select
          name="role"
          label={t("person.role")}
          defaultValue={person.role}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          errors={errors.role}
        />
        <Select
          name="partner"
          label={t("person.partner")}
          defaultValue={person.partner.slug}
          options={partners.map((partner) => ({ value: partner.slug, label: partner.name }))}
          errors={errors.partner}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t("person.save")}
        </button>
      </Form>

      <Form method="post" noValidate key={`job-title-${jobTitle}`}>
        <input type="hidden" name="intent" value="job-title" />
        <TextInput
          name="jobTitle"
          label={t("person.jobTitle")}
          hint={t("person.jobTitleHint")}
          defaultValue={jobTitle}
          errors={errors.jobTitle}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t("person.saveJobTitle")}
        </button>
      </Form>

      <h2 className="govuk-heading-l">{t("person.accessHeading")}</h2>
      {invited && !person.deactivatedAt ? (
        <AccessForm intent="reinvite" explain={t("person.reinviteExplain")} label={t("person.reinvite")} />
      ) : null}
      {!isSelf && !person.deactivatedAt ? (
        <AccessForm
          intent="end-sessions"
          explain={t("person.endSessionsExplain")}
          label={t("person.endSessions")}
          id="end-sessions"
        />
      ) : null}
      {person.deactivatedAt ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/admin/users/${person.id}/handover`}>
            {t("handover.link")}
          </Link>
        </p>
      ) : null}
      {person.deactivatedAt ? (
        <AccessForm
          intent="reactivate"
          explain={t("person.reactivateExplain")}
          label={t("person.reactivate")}
          primary
        />
      ) : isSelf ? (
        <p className="govuk-inset-text" id="deactivate">
          {t("errors.account.selfDeactivate")}
        </p>
      ) : (
        <AccessForm
          intent="deactivate"
          explain={t("person.deactivateExplain")}
          label={t("person.deactivate")}
          id="deactivate"
          warning
        />
      )}

      <h2 className="govuk-heading-l" id="history-heading">
        {t("person.historyHeading")}
      </h2>
      {history.length === 0 ? (
        <p className="govuk-body">{t("person.historyEmpty")}</p>
      ) : (
        <table className="govuk-table" aria-labelledby="history-heading">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t("person.when")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("person.what")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("person.by")}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {history.map((event) => (
              <tr className="govuk-table__row" key={event.id} data-event-type={event.type}>
                <td className="govuk-table__cell">{dateTime(event.occurredAt)}</td>
                <td className="govuk-table__cell">{describeEvent(event, t, partnerName)}</td>
                <td className="govuk-table__cell">
                  {event.actorName ??
                    (event.hasActor
                      ? t("person.byUnknown")
                      : event.source === "script"
                        ? t("person.byScript")
                        : event.source === "web"
                          ? t("person.byAnonymous")
                          : t("person.bySystem"))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

/** One of the person page's access actions: what it does, and its button. */
function AccessForm({
  intent,
  explain,
  label,
  id,
  primary = false,
  warning = false,
}: {
  intent: "reinvite" | "end-sessions" | "reactivate" | "deactivate";
  explain: string;
  label: string;
  id?: string;
  primary?: boolean;
  warning?: boolean;
}) {
  const style = warning ? " govuk-button--warning" : primary ? "" : " govuk-button--secondary";
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <p className="govuk-body">{explain}</p>
      <button type="submit" id={id} className={`govuk-button${style}`} data-module="govuk-button">
        {label}
      </button>
    </Form>
  );
}
