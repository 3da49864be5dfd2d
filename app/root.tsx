import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { canCreatePosts } from "~/auth/permissions";
import { getUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { pageTitle, routeTitle } from "~/i18n/meta";
import type { Locale } from "~/i18n/translate";
import { I18nProvider, useI18n } from "~/i18n/use-t";
import styles from "~/styles/app.scss?url";

export const meta: MetaFunction = (args) => routeTitle(args, () => pageTitle(null));

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const locale: Locale = "en";
  return {
    locale,
    user: user ? { name: user.name, canWrite: canCreatePosts(user) } : null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? "en";
  return (
    <html lang={locale} className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b0c0c" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <I18nProvider locale={locale}>
          <Page user={data?.user ?? null}>{children}</Page>
        </I18nProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function Page({ user, children }: { user: { name: string; canWrite: boolean } | null; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        {t("nav.skip")}
      </a>
      <SiteHeader user={user} />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
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
