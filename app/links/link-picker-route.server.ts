/**
 * The picker pages' shared loader and action: `/posts/:slug/links/new` and
 * `/roadmap/:slug/links/new` differ only in the type of their own record.
 */
import { data } from "@remix-run/node";
import type { RecordType } from "../../db/enums";
import type { SessionUser } from "../auth/principals";
import { inLocale } from "../i18n/bilingual";
import { resolveLocale } from "../i18n/locale.server";
import { orRespond, readForm, runFormCommand } from "../platform/http.server";
import { redirectWithNotice } from "../platform/notice.server";
import { waitUntilSearchable } from "../search/search-freshness.server";
import { MAX_QUERY_LENGTH } from "../search/search-query";
import { chosenRecord, linkFromPicker, pickerResults, pickerSelf } from "./link-picker.server";
import { LINK_NOTE_MAX } from "./link-relations";

export async function pickerLoader(user: SessionUser, type: RecordType, slug: string, request: Request) {
  const self = orRespond(() => pickerSelf(user, type, slug));
  const locale = resolveLocale(request);
  const params = new URL(request.url).searchParams;
  const q = Array.from((params.get("q") ?? "").replace(/\s+/g, " ").trim())
    .slice(0, MAX_QUERY_LENGTH)
    .join("");
  const choosing = params.get("step") === "choose";
  const record = params.get("record") ?? "";
  const chosen = choosing && record ? chosenRecord(user, self, record, locale) : null;
  const errors: Record<string, string[]> = choosing && !chosen ? { record: ["errors.links.chooseRecord"] } : {};
  const results = chosen ? [] : await pickerResults(user, self, q);
  return {
    self: {
      type: self.end.type,
      title: inLocale(self.end.title, self.end.titleCy, locale).text,
      url: self.end.url,
      kind: self.end.kind,
    },
    otherType: self.other.type,
    q,
    results,
    chosen,
    errors,
    noteMax: LINK_NOTE_MAX,
  };
}

export async function pickerAction(user: SessionUser, type: RecordType, slug: string, request: Request) {
  const self = orRespond(() => pickerSelf(user, type, slug, { sending: true }));
  const form = await readForm(request);
  const result = runFormCommand(() =>
    linkFromPicker(user, self, { record: form.get("record"), relation: form.get("relation"), note: form.get("note") }),
  );
  if (!result.ok) {
    const values = { relation: String(form.get("relation") ?? ""), note: String(form.get("note") ?? "") };
    return data({ errors: result.errors, values }, { status: 400 });
  }
  const added = result.value;
  const other = self.other.side === "object" ? added.object : added.subject;
  const searchable = await waitUntilSearchable({ eventId: added.eventId, recordType: type, recordId: self.end.id });
  const locale = resolveLocale(request);
  return redirectWithNotice(self.end.url, {
    key: "notices.links.added",
    params: { title: inLocale(other.title, other.titleCy, locale).text },
    searchPending: !searchable,
  });
}
