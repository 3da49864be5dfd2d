import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { blankSessionCookie } from "~/auth/lucia.server";
import { endRequestSession } from "~/auth/session.server";

export async function action({ request }: ActionFunctionArgs) {
  await endRequestSession(request);
  return redirect("/login", { headers: { "Set-Cookie": blankSessionCookie() } });
}

/** Signing out changes state, so it is POST only; a visit just goes home. */
export function loader() {
  return redirect("/");
}
