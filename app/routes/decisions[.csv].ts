import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { decisionsCsv, decisionsCsvFileName } from "~/decisions/decision-export.server";
import { parseDecisionQuery } from "~/decisions/decision-query";
import { resolveLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/translate";

/** /decisions.csv: the register with the same filters as /decisions, every page, for board packs. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseDecisionQuery(new URL(request.url).searchParams);
  const locale = resolveLocale(request);
  const csv = decisionsCsv(user, query, locale, translator(locale));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${decisionsCsvFileName()}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
