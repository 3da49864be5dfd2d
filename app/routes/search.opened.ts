import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/session.server";
import { readForm } from "~/platform/http.server";
import { recordResultOpened } from "~/search-analytics/search-log.server";

/**
 * A finder result was opened: the beacon its links send on click (decision
 * 060). The form names the search by its opaque token and nothing else;
 * the answer says nothing but whether the token was good.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  if (!user) return new Response("Sign in to search", { status: 401 });
  const token = (await readForm(request)).get("search");
  const outcome = typeof token === "string" ? recordResultOpened(token) : "unknown";
  if (outcome === "unknown") return new Response("No such search", { status: 400 });
  return new Response(null, { status: 204 });
}

/** Only the beacon's POST means anything here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return new Response("Sign in to search", { status: 401 });
  return new Response("Send a POST", { status: 405, headers: { Allow: "POST" } });
}
