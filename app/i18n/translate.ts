import { en, type MessageKey } from "./en";

export type { MessageKey } from "./en";

export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];

const catalogues: Record<Locale, Record<MessageKey, string>> = { en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** A translate function for one locale; `{name}` placeholders are filled from params. */
export function translator(locale: Locale = "en"): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const template = catalogue[key] ?? en[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Translates a message key that arrived as data (a validation error), falling back to the text itself. */
export function translateLoose(t: Translate, key: string): string {
  return isMessageKey(key) ? t(key) : key;
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }),
};
const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  }),
};

export function formatDate(locale: Locale, value: Date | string | number): string {
  return dateFormats[locale].format(new Date(value));
}

export function formatDateTime(locale: Locale, value: Date | string | number): string {
  return dateTimeFormats[locale].format(new Date(value));
}
