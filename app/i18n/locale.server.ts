/**
 * The language of a request: the one the person chose (a `lang` cookie, set
 * by the language switch that comes with Welsh), if the Hub speaks it;
 * otherwise English.
 */
import { readCookie } from "../platform/cookies";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./translate";

export function resolveLocale(request: Request): Locale {
  const chosen = readCookie(request.headers.get("Cookie"), "lang");
  return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
}
