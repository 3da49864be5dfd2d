/** The Unlink button's action: remove the link, then back to the end whose page the button was on. */
import type { SessionUser } from "../auth/principals";
import { inLocale } from "../i18n/bilingual";
import { resolveLocale } from "../i18n/locale.server";
import { notFound, orRespond, readForm } from "../platform/http.server";
import { redirectWithNotice } from "../platform/notice.server";
import { waitUntilSearchable } from "../search/search-freshness.server";
import { removeLink } from "./link-commands.server";

export async function unlinkFromPage(user: SessionUser, rawId: string, request: Request) {
  if (!/^\d{1,15}$/.test(rawId)) notFound("No such link");
  const form = await readForm(request);
  // The page to go back to is one of the link's own ends, never an address from the request.
  const from = form.get("from") === "object" ? "object" : "subject";
  const removed = orRespond(() => removeLink(user, Number(rawId)));
  const [here, other] = from === "subject" ? [removed.subject, removed.object] : [removed.object, removed.subject];
  const searchable = await waitUntilSearchable({ eventId: removed.eventId, recordType: here.type, recordId: here.id });
  return redirectWithNotice(here.url, {
    key: "notices.links.removed",
    params: { title: inLocale(other.title, other.titleCy, resolveLocale(request)).text },
    searchPending: !searchable,
  });
}
