import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ServicePageView } from "~/components/service-page";
import { getServicePage } from "~/content/service-pages.server";
import { routeTitle } from "~/i18n/meta";

// One of the service's own pages: readable without signing in (decision 032).
export const loader = () => getServicePage("feedback");

export const meta: MetaFunction<typeof loader> = (args) => routeTitle(args, () => args.data?.title ?? null);

export default function Feedback() {
  return <ServicePageView page={useLoaderData<typeof loader>()} />;
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
