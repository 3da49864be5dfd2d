import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { resolveLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/translate";
import { roadmapCsv, roadmapCsvFileName } from "~/roadmap/roadmap-export.server";
import { parseRoadmapQuery } from "~/roadmap/roadmap-query";

/** /roadmap.csv: the roadmap with the same filters as /roadmap, as a download for board packs. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseRoadmapQuery(new URL(request.url).searchParams);
  const csv = roadmapCsv(user, query, translator(resolveLocale(request)));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${roadmapCsvFileName()}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
