import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/session.server";
import { decisionReferenceSuggestion } from "~/boards/decision-references.server";
import { resolveLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/translate";
import { SearchUnavailableError } from "~/search/meili.server";
import { suggestRecords } from "~/search/search.server";
import { parseSearchQuery } from "~/search/search-query";

/** Search-as-you-type: a few titles as JSON, filtered by what the user may see. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return Response.json({ error: "Sign in to search" }, { status: 401 });
  const { q } = parseSearchQuery(new URL(request.url).searchParams);
  // A typed reference suggests its decision first, even where search would not find it by its words.
  const reference = decisionReferenceSuggestion(user, q, translator(resolveLocale(request)));
  try {
    const found = await suggestRecords(user, q);
    const suggestions = reference ? [reference, ...found.filter((hit) => hit.url !== reference.url)] : found;
    return Response.json({ suggestions }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof SearchUnavailableError) {
      return Response.json({ suggestions: [], error: "Search is temporarily unavailable" }, { status: 503 });
    }
    throw error;
  }
}
