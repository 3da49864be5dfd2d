import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { readSessionId } from "~/auth/lucia.server";
import { endOneOwnSession, endOwnOtherSessions, listOwnSessions } from "~/auth/own-account.server";
import { requireUser } from "~/auth/session.server";
import { describeUserAgent } from "~/auth/user-agent";
import { AccountNav } from "~/components/account-nav";
import { ErrorSummary } from "~/components/error-summary";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { orRespond, readForm } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("sessions.title"));

async function requireSession(request: Request) {
  const user = await requireUser(request);
  // requireUser has validated the cookie, so it names a session.
  const sessionId = readSessionId(request.headers.get("Cookie")) ?? "";
  return { user, sessionId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireSession(request);
  return {
    sessions: listOwnSessions(user, sessionId).map((session) => ({
      id: session.id,
      method: session.method,
      ...describeUserAgent(session.userAgent),
      createdAt: session.createdAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      current: session.current,
    })),
  };
}

const SessionsForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("end-one"), sessionId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("end-others") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSession(request);
  const form = SessionsForm.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) return data({ errors: { sessions: ["errors.account.unknownRequest"] } }, { status: 400 });
  if (form.data.intent === "end-one") {
    const target = form.data.sessionId;
    // Ending the session in use is signing out, which has its own button.
    if (target === sessionId) return data({ errors: { sessions: ["errors.sessions.current"] } }, { status: 400 });
    orRespond(() => endOneOwnSession(user, target));
    return endedNotice(1);
  }
  return endedNotice(endOwnOtherSessions(user, sessionId));
}

function endedNotice(count: number) {
  return redirectWithNotice("/account/sessions", { key: "notices.account.sessionsEnded", params: { count } });
}

export default function Sessions() {
  const { sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, dateTime } = useI18n();
  const browserOf = (session: (typeof sessions)[number]) =>
    session.browser && session.system
      ? t("sessions.browserOn", { browser: session.browser, system: session.system })
      : (session.browser ?? session.system ?? t("sessions.unknownBrowser"));
  const methodOf = (method: string) =>
    method === "entra" ? t("sessions.methods.entra") : t("sessions.methods.password");
  return (
    <>
      <ErrorSummary errors={actionData?.errors ?? {}} fieldIds={{ sessions: "sessions-table" }} />
      <h1 className="govuk-heading-xl">{t("sessions.title")}</h1>
      <AccountNav />
      <p className="govuk-body-l">{t("sessions.lead")}</p>
      <table className="govuk-table" id="sessions-table" tabIndex={-1}>
        <caption className="govuk-table__caption govuk-visually-hidden">{t("sessions.title")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t("sessions.browser")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("sessions.method")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("sessions.started")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("sessions.expires")}
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">{t("sessions.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {sessions.map((session) => (
            <tr className="govuk-table__row" key={session.id} data-testid="session-row">
              <td className="govuk-table__cell">{browserOf(session)}</td>
              <td className="govuk-table__cell">{methodOf(session.method)}</td>
              <td className="govuk-table__cell">{dateTime(session.createdAt)}</td>
              <td className="govuk-table__cell">{dateTime(session.expiresAt)}</td>
              <td className="govuk-table__cell">
                {session.current ? (
                  <strong className="govuk-tag govuk-tag--green">{t("sessions.current")}</strong>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="end-one" />
                    <input type="hidden" name="sessionId" value={session.id} />
                    <button
                      type="submit"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      data-module="govuk-button"
                    >
                      {t("sessions.end")}
                      <span className="govuk-visually-hidden">
                        {" "}
                        {browserOf(session)}, {dateTime(session.createdAt)}
                      </span>
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sessions.some((session) => !session.current) ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end-others" />
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            {t("sessions.endOthers")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
