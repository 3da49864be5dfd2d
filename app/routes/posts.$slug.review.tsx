import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { resolveLocale } from "~/i18n/locale.server";
import { formatDate, translateLoose, translator } from "~/i18n/translate";
import { readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { confirmReview } from "~/posts/confirm-review.server";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "~/posts/slug";
import { isWorkspaceTab } from "~/posts/workspace-tabs";

/** There is nothing to see here: the confirmation is a button on the post page and in the workspace. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect(`/posts/${encodeURIComponent(params.slug ?? "")}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const result = runFormCommand(() => confirmReview({ actor: user, slug: params.slug ?? "" }));
  const locale = resolveLocale(request);
  if (!result.ok) {
    const key = Object.values(result.errors)[0]?.[0] ?? "errors.review.notPublished";
    throw data({ message: translateLoose(translator(locale), key) }, { status: 400 });
  }
  const confirmed = result.value;
  return redirectWithNotice(backTo(form, confirmed.slug), {
    key: "notices.post.reviewed",
    params: { date: formatDate(locale, confirmed.reviewBy) },
  });
}

/** Back where the button was: the workspace's tab (for the partner shown), or the post. */
function backTo(form: FormData, slug: string): string {
  if (form.get("from") !== "workspace") return `/posts/${slug}`;
  const tab = form.get("tab");
  const partner = form.get("partner");
  const query = new URLSearchParams({ tab: isWorkspaceTab(tab) ? tab : "due" });
  if (typeof partner === "string" && SLUG_PATTERN.test(partner) && partner.length <= MAX_SLUG_LENGTH)
    query.set("partner", partner);
  return `/my?${query}`;
}

/** Never shown: the loader always redirects. */
export default function ReviewRedirect() {
  return null;
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
