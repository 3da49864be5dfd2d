import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { routeTitle } from "~/i18n/meta";
import { notFound } from "~/platform/http.server";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("errorPage.notFoundTitle"));

/** Any unknown address: signed-in users get the 404 page, visitors are asked to sign in first. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  notFound();
}

export default function NotFound() {
  return null;
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
