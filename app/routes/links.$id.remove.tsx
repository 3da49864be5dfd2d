import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { unlinkFromPage } from "~/links/unlink-route.server";

/** Nothing to see: unlinking is a button beside each link. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect("/");
}

/** Unlinks, for those who may manage links on either end, and goes back to the page the button was on. */
export async function action({ request, params }: ActionFunctionArgs) {
  return unlinkFromPage(await requireUser(request), params.id ?? "", request);
}

/** Never shown: the loader always redirects. */
export default function UnlinkRedirect() {
  return null;
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
