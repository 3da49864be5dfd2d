/**
 * The language of a request: the one the person chose (a `lang` cookie, set
 * by the language switch that comes with Welsh), if the Hub speaks it;
 * otherwise English.
 */
import { DEFAULT_LOCALE, isLocale, type Locale } from "./translate";

export function resolveLocale(request: Request): Locale {
  const cookie = request.headers.get("Cookie") ?? "";
  for (const part of cookie.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === "lang" && isLocale(value)) return value;
  }
  return DEFAULT_LOCALE;
}
