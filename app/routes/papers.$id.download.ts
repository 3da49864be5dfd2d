import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { paperDownload } from "~/papers/paper-download.server";
import { orRespond } from "~/platform/http.server";

/** /papers/<id>/download: the paper's file, for those who may read the paper (a confidential one is 404 to others). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return orRespond(() => paperDownload(user, Number(params.id)));
}
