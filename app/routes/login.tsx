import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ACCOUNT_LIMITS } from "~/auth/account-limits";
import { getEntraSettings } from "~/auth/entra/entra-sign-in.server";
import { startSession } from "~/auth/lucia.server";
import { hasKeptForm, resumeKeptForm } from "~/auth/pending-forms.server";
import { endRequestSession, requireAnonymous, safeRedirectPath } from "~/auth/session.server";
import { beginAttempt, forgiveAttempt } from "~/auth/sign-in-throttle.server";
import { authenticate } from "~/auth/users.server";
import { ErrorSummary } from "~/components/error-summary";
import { TextInput } from "~/components/form-fields";
import { ImportantBanner } from "~/components/notification-banner";
import { DEMO_PASSWORD, isDemoMode, listDemoAccounts } from "~/content/demo-accounts.server";
import { formTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { readForm } from "~/platform/http.server";

export const meta: MetaFunction = (args) => formTitle(args, (t) => t("login.title"));

/** A throttled sign-in says when to try again, in the page's own response too. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

const LoginForm = z.object({
  // Not an email address, not an account: refused before throttling or hashing.
  email: z.string().trim().max(ACCOUNT_LIMITS.email, "errors.email.invalid").pipe(z.email("errors.email.invalid")),
  password: z.string().min(1, "errors.password.required").max(ACCOUNT_LIMITS.passwordMax, "errors.password.tooLong"),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  await requireAnonymous(request, redirectTo);
  const demo = isDemoMode();
  return {
    // A form sent after the session ended is waiting: say so (decision 031).
    sessionEnded: hasKeptForm(request),
    entra: getEntraSettings() !== null,
    demo: demo
      ? { password: DEMO_PASSWORD, accounts: listDemoAccounts().map(({ email, role }) => ({ email, role })) }
      : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = LoginForm.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) {
    return data({ errors: z.flattenError(form.error).fieldErrors, email: "" }, { status: 400 });
  }
  const { email, password } = form.data;
  // Checked before the password hash is computed: a throttled guess costs almost nothing.
  const attempt = beginAttempt(email, context.clientAddress);
  if (!attempt.allowed) {
    return data(
      {
        errors: { email: ["errors.login.throttled"] },
        email,
        retryAfterMinutes: Math.ceil(attempt.retryAfterSeconds / 60),
      },
      { status: 429, headers: { "Retry-After": String(attempt.retryAfterSeconds) } },
    );
  }
  const user = await authenticate(email, password);
  if (!user) {
    return data({ errors: { email: ["errors.login.failed"] }, email }, { status: 401 });
  }
  forgiveAttempt(email, context.clientAddress);
  // A fresh session at every sign-in: any session the browser already had is ended.
  await endRequestSession(request);
  const cookie = await startSession(user.id, { method: "password", userAgent: request.headers.get("User-Agent") });
  // Back to the form the person was filling in when their session ended, if it is theirs.
  const resumeAt = resumeKeptForm(request, user.id);
  return redirect(safeRedirectPath(resumeAt ?? form.data.redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { demo, entra, sessionEnded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const redirectTo = searchParams.get("redirectTo") ?? "/";
  const errors: Record<string, string[] | undefined> =
    actionData && "retryAfterMinutes" in actionData
      ? { email: [t("errors.login.throttled", { count: Number(actionData.retryAfterMinutes) })] }
      : (actionData?.errors ?? {});
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} fieldOrder={["email", "password"]} />
        {sessionEnded ? <ImportantBanner title={t("notices.important")} heading={t("login.sessionEnded")} /> : null}
        <h1 className="govuk-heading-l">{t("login.title")}</h1>
        <p className="govuk-body">{t("login.lead")}</p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput
            name="email"
            type="email"
            label={t("login.email")}
            autoComplete="username"
            defaultValue={actionData?.email}
            errors={errors.email}
          />
          <TextInput
            name="password"
            type="password"
            label={t("login.password")}
            autoComplete="current-password"
            width="20"
            errors={errors.password}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("login.submit")}
          </button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/account/reset">
            {t("login.forgotten")}
          </Link>
        </p>
        {entra ? (
          <>
            <p className="govuk-body">{t("login.entraLead")}</p>
            <Link
              to={`/auth/entra${redirectTo === "/" ? "" : `?${new URLSearchParams({ redirectTo })}`}`}
              role="button"
              draggable="false"
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
            >
              {t("login.entra")}
            </Link>
          </>
        ) : null}
      </div>
      {demo ? (
        <aside className="govuk-grid-column-one-third" aria-labelledby="demo-accounts">
          <div className="govuk-inset-text govuk-!-margin-top-0">
            <h2 className="govuk-heading-s" id="demo-accounts">
              {t("login.demoTitle")}
            </h2>
            <p className="govuk-body-s">{t("login.demoText", { password: demo.password })}</p>
            <ul className="govuk-list govuk-body-s">
              {demo.accounts.map((account) => (
                <li key={account.email}>
                  <code>{account.email}</code>
                </li>
              ))}
            </ul>
          </div>
        </aside>
      ) : null}
    </div>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
