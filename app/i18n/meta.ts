import { isRouteErrorResponse } from "@remix-run/react";
import { type MessageKey, type Params, translator } from "./translate";

const t = translator("en");

type MetaTitle = { title: string }[];

/** A page title such as "Browse posts – SRS Knowledge Hub". */
export function pageTitle(key: MessageKey | null, params?: Params, text?: string): MetaTitle {
  const page = text ?? (key ? t(key, params) : "");
  return [{ title: page ? `${page} – ${t("service.name")}` : t("service.name") }];
}

/** The title of the error page shown for this error, matching its heading. */
export function errorPageTitle(error: unknown): MetaTitle {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404) return pageTitle("errorPage.notFoundTitle");
  if (status === 403) return pageTitle("errorPage.forbiddenTitle");
  if (status >= 400 && status < 500) return pageTitle("errorPage.badRequestTitle");
  return pageTitle("errorPage.serverTitle");
}

/** A route's title, or the error page's when the route failed. */
export function routeTitle(args: { error?: unknown }, title: () => MetaTitle): MetaTitle {
  return args.error ? errorPageTitle(args.error) : title();
}
