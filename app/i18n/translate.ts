import { en, type MessageKey } from "./en";
import { MESSAGE_PARAMS } from "./message-params";
import type { Catalogue, Message } from "./messages";

export type { MessageKey } from "./en";

/** The languages the Hub speaks. Welsh ("cy") joins when its catalogue does. */
export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

const catalogues: Record<Locale, Catalogue> = { en };

/** The BCP 47 tag for formatting dates, numbers and plurals: British English, and later Welsh as spoken in the UK. */
export function localeTag(locale: Locale): string {
  return { en: "en-GB" }[locale];
}

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function cached<T>(map: Map<Locale, T>, locale: Locale, make: (tag: string) => T): T {
  let value = map.get(locale);
  if (!value) {
    value = make(localeTag(locale));
    map.set(locale, value);
  }
  return value;
}

export function formatNumber(locale: Locale, value: number): string {
  return cached(numberFormats, locale, (tag) => new Intl.NumberFormat(tag)).format(value);
}

/** The sentence to use: for a plural message, the one for `count`'s plural category in this language. */
function templateFor(message: Message, locale: Locale, count: unknown): string {
  if (typeof message === "string") return message;
  if (typeof count !== "number") return message.other;
  const category = cached(pluralRules, locale, (tag) => new Intl.PluralRules(tag)).select(count);
  return message[category] ?? message.other;
}

/**
 * A translate function for one locale. `{name}` placeholders are filled from
 * params (and the limits in MESSAGE_PARAMS), numbers formatted for the
 * locale; a message with plural forms picks its sentence by `params.count`.
 */
export function translator(locale: Locale = DEFAULT_LOCALE): Translate {
  const catalogue = catalogues[locale];
  return (key, given) => {
    const message = catalogue[key] ?? en[key] ?? key;
    const fixed = MESSAGE_PARAMS[key];
    const params = fixed ? { ...fixed, ...given } : given;
    const template = templateFor(message, locale, params?.count);
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? formatNumber(locale, value) : value;
    });
  };
}

/** Separates a message key from its JSON params inside a message sent as data (see withParams). */
const PARAMS_SEPARATOR = "\u001f";

/**
 * A message key with its params, as one string that can travel as data (a
 * validation error naming what was wrong: "The tag “<b>” …").
 */
export function withParams(key: MessageKey, params: Params): string {
  return `${key}${PARAMS_SEPARATOR}${JSON.stringify(params)}`;
}

/** Translates a message key that arrived as data (a validation error); other text passes through as it is. */
export function translateLoose(t: Translate, key: string): string {
  const at = key.indexOf(PARAMS_SEPARATOR);
  if (at !== -1) {
    const bare = key.slice(0, at);
    if (!isMessageKey(bare)) return bare;
    try {
      return t(bare, JSON.parse(key.slice(at + 1)) as Params);
    } catch {
      return t(bare);
    }
  }
  return isMessageKey(key) ? t(key) : key;
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

export function formatDate(locale: Locale, value: Date | string | number): string {
  return cached(
    dateFormats,
    locale,
    (tag) =>
      new Intl.DateTimeFormat(tag, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }),
  ).format(new Date(value));
}

export function formatDateTime(locale: Locale, value: Date | string | number): string {
  return cached(
    dateTimeFormats,
    locale,
    (tag) =>
      new Intl.DateTimeFormat(tag, {
        day: "numeric",
        month: "long",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "Europe/London",
      }),
  ).format(new Date(value));
}
