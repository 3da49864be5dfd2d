/**
 * User-written text in two languages: the English column and its Welsh
 * twin (`*_cy`), which stays empty until someone writes it. Readers get the
 * text in their language when there is one, else the English, marked with
 * its language so the page can say so (`lang="en"` inside a Welsh page).
 * See docs/decisions/011-bilingual-fields.md.
 */
import type { Locale } from "./translate";

export interface LocalisedText {
  text: string;
  /** The language the text is actually in. */
  lang: Locale;
}

export function inLocale(english: string, welsh: string | null | undefined, locale: Locale): LocalisedText {
  // `locale` is only ever "en" until the Welsh catalogue lands; then a Welsh reader gets `welsh` when it is written.
  if ((locale as string) === "cy" && welsh) return { text: welsh, lang: locale };
  return { text: english, lang: "en" };
}
