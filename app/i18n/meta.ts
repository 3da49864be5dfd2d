import { type MessageKey, type Params, translator } from "./translate";

const t = translator("en");

/** A page title such as "Browse posts – SRS Knowledge Hub". */
export function pageTitle(key: MessageKey | null, params?: Params, text?: string) {
  const page = text ?? (key ? t(key, params) : "");
  return [{ title: page ? `${page} – ${t("service.name")}` : t("service.name") }];
}
