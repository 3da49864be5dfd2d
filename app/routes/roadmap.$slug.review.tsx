import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { orRespond } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { noticeAfterRoadmapSave } from "~/roadmap/roadmap-notices.server";
import { markRoadmapItemReviewed } from "~/roadmap/update-roadmap-item.server";

/** There is nothing to see here: "mark as reviewed" is a button on the item's page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect(`/roadmap/${encodeURIComponent(params.slug ?? "")}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const saved = orRespond(() => markRoadmapItemReviewed({ actor: user, slug: params.slug ?? "" }));
  return redirectWithNotice(
    `/roadmap/${saved.slug}`,
    await noticeAfterRoadmapSave(saved, "notices.roadmap.itemReviewed"),
  );
}

/** Never shown: the loader always redirects. */
export default function ReviewRedirect() {
  return null;
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
