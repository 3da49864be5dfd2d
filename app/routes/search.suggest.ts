import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/session.server";
import { SearchUnavailableError } from "~/search/meili.server";
import { suggestRecords } from "~/search/search.server";
import { parseSearchQuery } from "~/search/search-query";

/** Search-as-you-type: a few titles as JSON, filtered by what the user may see. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return Response.json({ error: "Sign in to search" }, { status: 401 });
  const { q } = parseSearchQuery(new URL(request.url).searchParams);
  try {
    return Response.json(
      { suggestions: await suggestRecords(user, q) },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  } catch (error) {
    if (error instanceof SearchUnavailableError) {
      return Response.json({ suggestions: [], error: "Search is temporarily unavailable" }, { status: 503 });
    }
    throw error;
  }
}
