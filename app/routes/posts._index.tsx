import { type LoaderFunctionArgs, redirect } from "@remix-run/node";

/**
 * Browsing posts is the finder now: old addresses (bookmarks, links in
 * emails) go there with their filters (kind, partner, tag, page) kept.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const from = new URL(request.url).searchParams;
  const to = new URLSearchParams();
  for (const name of ["kind", "partner", "tag", "page"]) for (const value of from.getAll(name)) to.append(name, value);
  const search = to.toString();
  return redirect(search ? `/search?${search}` : "/search", 301);
}
