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

/**
 * Whether an action's answer carries form errors: the Hub's forms answer a
 * rejected submission with `{ errors: { field: [message, ...] } }`.
 */
export function hasFormErrors(actionData: unknown): boolean {
  if (!actionData || typeof actionData !== "object" || !("errors" in actionData)) return false;
  const { errors } = actionData as { errors: unknown };
  if (!errors || typeof errors !== "object") return false;
  return Object.values(errors).some((messages) =>
    Array.isArray(messages) ? messages.length > 0 : typeof messages === "string" && messages !== "",
  );
}

/**
 * Set on the root match's data, for the meta functions only, when the
 * action just answered has form errors (see components/document-meta.tsx):
 * meta functions see loader data, never action data.
 */
export const FORM_ERRORS_FLAG = "formHasErrors";

function formHasErrors(matches: MetaArgs["matches"]): boolean {
  const root = matches.find((match) => match.id === "root")?.data as Record<string, unknown> | undefined;
  return root?.[FORM_ERRORS_FLAG] === true;
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

/**
 * The title of a page with a form: as routeTitle, starting "Error: " while
 * the form shows errors, as GOV.UK asks, so that the first thing a screen
 * reader says after a rejected submission is that something needs fixing.
 */
export function formTitle(args: MetaArgs, page: (t: Translate) => string | null): MetaTitle {
  const titles = routeTitle(args, page);
  if (args.error || !formHasErrors(args.matches)) return titles;
  const t = translator(localeOfMatches(args.matches));
  return titles.map(({ title }) => ({ title: t("form.errorTitle", { title }) }));
}
