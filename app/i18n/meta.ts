/** Page titles in the request's language, for each route's `meta`. */
import { isRouteErrorResponse } from "@remix-run/react";
import { DEFAULT_LOCALE, isLocale, type Locale, type Translate, translator } from "./translate";

type MetaTitle = { title: string }[];

interface MetaArgs {
  error?: unknown;
  matches: { id: string; data?: unknown }[];
}

/** The locale the root loader chose for this request. */
export function localeOfMatches(matches: MetaArgs["matches"]): Locale {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}

function withServiceName(t: Translate, page: string | null): MetaTitle {
  return [{ title: page ? `${page} – ${t("service.name")}` : t("service.name") }];
}

/** The title of the error page shown for this error, matching its heading. */
export function errorPageTitle(error: unknown, t: Translate): MetaTitle {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404) return withServiceName(t, t("errorPage.notFoundTitle"));
  if (status === 403) return withServiceName(t, t("errorPage.forbiddenTitle"));
  if (status >= 400 && status < 500) return withServiceName(t, t("errorPage.badRequestTitle"));
  if (status === 503) return withServiceName(t, t("errorPage.busyTitle"));
  if (status === 507) return withServiceName(t, t("errorPage.storageFullTitle"));
  return withServiceName(t, t("errorPage.serverTitle"));
}

/**
 * A route's title, such as "Browse posts – SRS Knowledge Hub", or the error
 * page's when the route failed. `page` gives the page's own part (null for
 * the service name alone), in the request's language.
 */
export function routeTitle(args: MetaArgs, page: (t: Translate) => string | null): MetaTitle {
  const t = translator(localeOfMatches(args.matches));
  return args.error ? errorPageTitle(args.error, t) : withServiceName(t, page(t));
}
