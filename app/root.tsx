import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { type ReactNode, useEffect } from "react";
import { ADMIN, holdsAny } from "~/auth/principals";
import { getUser } from "~/auth/session.server";
import { DocumentMeta } from "~/components/document-meta";
import { ErrorPage } from "~/components/error-page";
import { watchGovukComponents } from "~/components/govuk-frontend.client";
import { useNonce } from "~/components/nonce";
import { NoticeBanner, type ShownNotice } from "~/components/notice-banner";
import { PhaseBanner } from "~/components/phase-banner";
import { SiteFooter } from "~/components/site-footer";
import { type HeaderUser, SiteHeader } from "~/components/site-header";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { DEFAULT_LOCALE } from "~/i18n/translate";
import { I18nProvider, useI18n } from "~/i18n/use-t";
import { clearNoticeCookie, readNotice } from "~/platform/notice.server";
import { canWritePosts } from "~/posts/post-policy.server";
import styles from "~/styles/app.scss?url";

export const meta: MetaFunction = (args) => routeTitle(args, () => null);

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request);
  // The success message of the change that led here: shown once, then cleared.
  const notice = readNotice(request);
  return data(
    {
      locale: resolveLocale(request),
      // Shown on the error page, so a user can quote it when reporting a problem.
      requestId: context.requestId,
      user: user ? { name: user.name, canWrite: canWritePosts(user), isAdmin: holdsAny(user, [ADMIN]) } : null,
      notice,
    },
    notice ? { headers: { "Set-Cookie": clearNoticeCookie() } } : undefined,
  );
}

/**
 * GOV.UK's first lines of script, run before the page is drawn: the body
 * says scripts are on (js-enabled) and that GOV.UK Frontend's JavaScript
 * can run (govuk-frontend-supported), so the styles that depend on them,
 * such as the collapsed navigation on a phone, apply from the first paint.
 */
const SUPPORTED_CLASSES_SCRIPT =
  "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale = rootData?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  // Marks the page as running its scripts: before that, React may still reset a field someone changed.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
    // After hydration, so that GOV.UK's changes to the page do not meet React's first render.
    watchGovukComponents();
  }, []);
  return (
    <html lang={locale} className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b0c0c" />
        <DocumentMeta />
        <Links />
      </head>
      {/* The classes the script below adds are not React's: kept, and not a hydration mismatch. */}
      <body className="govuk-template__body" suppressHydrationWarning>
        {/* A constant of this file, never data: React would escape it as text, which a script cannot carry. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed script, see above. */}
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: SUPPORTED_CLASSES_SCRIPT }} />
        <I18nProvider locale={locale}>
          <Page user={rootData?.user ?? null} notice={rootData?.notice ?? null}>
            {children}
          </Page>
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Page({
  user,
  notice,
  children,
}: {
  user: HeaderUser | null;
  notice: ShownNotice | null;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        {t("nav.skip")}
      </a>
      <SiteHeader user={user} />
      <PhaseBanner />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <NoticeBanner notice={notice} />
          {children}
        </main>
      </div>
      <SiteFooter />
    </>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
